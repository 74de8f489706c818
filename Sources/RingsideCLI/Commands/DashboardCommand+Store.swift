import Foundation
import RingsideDomain
import RingsideStore

extension DashboardCommand {
  /// The store the dashboard shows, with where it came from.
  struct OpenedStore {
    let store: InventoryStore
    /// Where the store is, for the status line.
    let label: String
    /// Removes what `--demo` made; nothing otherwise.
    let cleanup: () -> Void
    /// For `--demo`, the temporary folder `w` writes profiles to (removed with the store), so
    /// a demo never writes into the real profile folder; nil otherwise.
    var demoProfiles: String? = nil
  }

  /// Opens the store the dashboard shows: `--demo` writes the demo fleet into a temporary
  /// store (removed by the returned cleanup), otherwise `--db` or the default must exist.
  static func openStore(_ arguments: ParsedArguments, _ context: CommandContext) throws
    -> OpenedStore
  {
    if arguments.flag("--demo") {
      if arguments.value("--db") != nil {
        throw CLIError.usage("--demo uses a temporary store; leave out --db", command: nil)
      }
      if arguments.value("--out") != nil {
        throw CLIError.usage(
          "--demo writes profiles into a temporary folder of its own, removed on exit; leave out --out",
          command: nil)
      }
      let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("ringside-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
      let cleanup = { try? FileManager.default.removeItem(at: dir) }
      do {
        let store = try InventoryStore(
          path: dir.appendingPathComponent("demo.db").path, create: true)
        try store.writeDemo(DemoFleet(now: context.now))
        return OpenedStore(
          store: store, label: "demo fleet (temporary store)", cleanup: { cleanup() },
          demoProfiles: dir.appendingPathComponent("profiles").path)
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
    return OpenedStore(
      store: store, label: abbreviated(store.path, home: context.environment["HOME"]),
      cleanup: {})
  }

  static func abbreviated(_ path: String, home: String?) -> String {
    guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
  }
}
