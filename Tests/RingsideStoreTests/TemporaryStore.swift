import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport

/// A store in a fresh temporary directory, removed when the test ends; under
/// `RINGSIDE_TEST_STORE_BACKEND=postgres` a fresh PostgreSQL database instead (`TestBackend`).
final class TemporaryStore {
  let directory: URL
  let path: String
  /// The test's own PostgreSQL database, dropped with this store.
  let postgres: TestPostgres?

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    postgres = TestBackend.isPostgres ? try TestPostgres() : nil
    path = postgres?.url ?? directory.appendingPathComponent("sub/ringside.db").path
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  func open(create: Bool = true, readOnly: Bool = false) throws -> InventoryStore {
    try InventoryStore(path: path, create: create, readOnly: readOnly)
  }

  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  /// A store holding the default demo fleet.
  static func demo(count: Int = DemoFleet.defaultCount) throws -> (TemporaryStore, InventoryStore) {
    let temp = try TemporaryStore()
    let store = try temp.open()
    try store.writeDemo(DemoFleet(count: count, now: now))
    return (temp, store)
  }

  /// A demo store a suite shares for the whole run (a `static let`): it is never released, so
  /// its folder is removed when the test process exits instead.
  static func sharedDemo() -> (TemporaryStore, InventoryStore) {
    do {
      let (temp, store) = try demo()
      sharedFolders.withLock { folders in
        if folders.isEmpty { atexit { TemporaryStore.removeSharedFolders() } }
        folders.append(temp.directory)
      }
      return (temp, store)
    } catch {
      fatalError("cannot build the shared demo store: \(error)")
    }
  }

  private static let sharedFolders = SharedFolders()

  private static func removeSharedFolders() {
    sharedFolders.withLock { folders in
      for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }
  }
}

/// The folders of the shared demo stores, behind a lock.
private final class SharedFolders: @unchecked Sendable {
  private let lock = NSLock()
  private var folders: [URL] = []

  func withLock(_ body: (inout [URL]) -> Void) { lock.withLock { body(&folders) } }
}
