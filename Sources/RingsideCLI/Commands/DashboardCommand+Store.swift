import Foundation
import RingsideDomain
import RingsideStore

extension DashboardCommand {
  /// Opens the store the dashboard shows: `--demo` writes the demo fleet into a temporary
  /// store (removed by the returned cleanup), otherwise `--db` or the default must exist.
  static func openStore(_ arguments: ParsedArguments, _ context: CommandContext) throws
    -> (InventoryStore, String, () -> Void)
  {
    if arguments.flag("--demo") {
      if arguments.value("--db") != nil {
        throw CLIError.usage("--demo uses a temporary store; leave out --db", command: nil)
      }
      let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("ringside-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
      let cleanup = { try? FileManager.default.removeItem(at: dir) }
      do {
        let store = try InventoryStore(
          path: dir.appendingPathComponent("demo.db").path, create: true)
        try store.writeDemo(DemoFleet(now: context.now))
        return (store, "demo fleet (temporary store)", { cleanup() })
      } catch {
        cleanup()
        throw CLIError.store(error)
      }
    }
    let readOnly = try !context.access(
      storePath: context.storePath(arguments), readOnlyRequested: arguments.flag("--read-only")
    ).canWrite
    let store: InventoryStore
    do {
      store = try context.openStore(arguments, readOnly: readOnly, refreshing: false)
    } catch {
      guard error.code == .noInput else { throw error }
      throw CLIError(
        .noInput, error.message + "; or try the dashboard on a demo fleet: `ringside --demo`")
    }
    return (store, abbreviated(store.path, home: context.environment["HOME"]), {})
  }

  static func abbreviated(_ path: String, home: String?) -> String {
    guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
  }
}
