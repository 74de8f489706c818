import Foundation

/// Temporary folders the dashboard tests make, removed when the test process exits. The fleets
/// a staging test writes into, a store another process changes, a tmux run's store: none has a
/// test case to hang a teardown on, and XCTest keeps every test case (and so anything it holds)
/// alive until the run ends, so no `deinit` would remove them in time either.
enum TestFolders {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var made: [URL] = []
  /// Registers the removal once, with the first folder.
  private static let removalAtExit: Void = { atexit { TestFolders.removeAll() } }()

  /// A new empty folder named `prefix` and a fresh UUID, removed at exit.
  static func make(_ prefix: String) throws -> URL {
    _ = removalAtExit
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    lock.withLock { made.append(folder) }
    return folder
  }

  /// Removes every folder made so far.
  static func removeAll() {
    let folders = lock.withLock { () -> [URL] in
      defer { made = [] }
      return made
    }
    for folder in folders { try? FileManager.default.removeItem(at: folder) }
  }
}
