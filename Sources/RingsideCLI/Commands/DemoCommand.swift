import Foundation
import RingsideDomain
import RingsideStore

/// `ringside demo`: writes the deterministic demo fleet into a new store.
enum DemoCommand {
  static let spec = CommandSpec(
    path: ["demo"],
    summary: "Write the demo fleet (iPhones, iPads, Macs, two rings) into a new store.",
    options: [
      CommandSpec.dbOption,
      .init("--devices", value: "N", help: "How many devices (default 2000, up to 5,000,000)."),
    ],
    discussion: "The fleet is the same on every run: use it to try Ringside or to benchmark it.",
    writes: true,
    run: { arguments, context in
      let count = try arguments.integer("--devices", in: 1...5_000_000) ?? DemoFleet.defaultCount
      let store = try context.openStore(arguments, create: true)
      let started = Date()
      do {
        try store.writeDemo(DemoFleet(count: count, now: context.now)) { written in
          if context.stderrIsTerminal {
            context.printError("  \(written) of \(count) devices written")
          }
        }
      } catch let error as StoreError {
        throw CLIError.store(error)
      }
      let seconds = Date().timeIntervalSince(started)
      context.print(
        "Wrote \(count) demo devices to \(store.path) in \(String(format: "%.1f", seconds)) s. Try: ringside report --db \(store.path)"
      )
      return ExitCode.ok.rawValue
    })
}
