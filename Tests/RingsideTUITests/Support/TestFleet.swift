import Foundation
import RingsideDomain
import RingsideStore
import RingsideTUI

/// A demo-fleet store shared by the tests of one process, with a fixed `now` so ages and
/// dates in snapshots never change.
enum TestFleet {
  static let now = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18 12:00 UTC

  static let path: String = {
    do {
      let path = try TestFolders.make("ringside-tui-tests").appendingPathComponent("demo.db").path
      let store = try InventoryStore(path: path, create: true)
      try store.writeDemo(DemoFleet(count: 2000, now: now))
      return path
    } catch {
      fatalError("cannot build the test fleet: \(error)")
    }
  }()

  static func store() throws -> InventoryStore { try InventoryStore(path: path) }

  /// A demo fleet of its own, for tests that stage or write.
  static func freshStore(count: Int = 300) throws -> InventoryStore {
    let dir = try TestFolders.make("ringside-tui-staging")
    let store = try InventoryStore(path: dir.appendingPathComponent("demo.db").path, create: true)
    try store.writeDemo(DemoFleet(count: count, now: now))
    return store
  }

  static let alice = AuditActor(user: "alice", role: .admin, origin: "local")
  static let viewer = Access(
    role: .viewer, refusal: "read-only: you are not in group ringside-admins")

  /// Where staging tests write profiles unless they say otherwise; it never exists.
  static let noDirectory = "/nonexistent/ringside-profiles"

  /// Runs the dashboard headless over `store` with scripted keys and returns the last screen.
  static func screen(
    _ script: String, width: Int = 80, height: Int = 24, store: InventoryStore? = nil,
    readOnly: Bool = false, access: Access? = nil, actor: AuditActor = alice,
    directory: String = noDirectory
  ) throws -> CellGrid {
    let store = try store ?? self.store()
    let terminal = HeadlessTerminal(
      width: width, height: height, input: try KeyScript.parse(script))
    let state = DashboardState(
      width: width, height: height, storeLabel: "demo.db", readOnly: readOnly, themeName: "default",
      asciiOnly: false, now: now, access: access)
    let staging = StagingContext(actor: actor, directory: directory)
    let runner = SynchronousRunner(
      service: StoreService(
        store: store, clock: { now }, staging: state.readOnly ? nil : staging))
    let session = DashboardSession(
      state: state, terminal: terminal, runner: runner,
      themes: ThemeLocator(environment: [:], executablePath: nil), clock: { now })
    return session.run()
  }
}
