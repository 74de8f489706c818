import Dispatch
import Foundation

/// The private folder (mode 0700, from `mkdtemp`) where the pages wait for the import. The
/// pages hold the fleet's inventory, so the folder is removed when the sync ends, whichever
/// way, and also when SIGINT, SIGTERM or SIGHUP ends the process (Ctrl-C, `systemctl stop`, a
/// closed terminal): it is removed, then the signal is raised again with its earlier
/// disposition, so the process still ends as the signal asks.
final class ScratchFolder {
  let path: String
  private var sources: [DispatchSourceSignal] = []
  private var previous: [(Int32, __sighandler_t?)] = []
  private static let signals = [SIGINT, SIGTERM, SIGHUP]

  init(in parent: String) throws(SyncFailure) {
    var template = Array((parent + "/ringside-sync-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw .unreachable(
        "cannot create a temporary folder for the pages: \(String(cString: strerror(errno)))")
    }
    path = String(cString: made)
    for number in Self.signals {
      let earlier = signal(number, SIG_IGN)
      // An ignored signal (SIGHUP under nohup) stays ignored: it will not end the sync.
      if Self.same(earlier, SIG_IGN) { continue }
      previous.append((number, earlier))
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      let folder = path
      source.setEventHandler {
        Self.removeFolder(folder)
        signal(number, earlier)
        // Dispatch's worker threads block signals: unblock it here, so it is delivered.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
      }
      source.resume()
      sources.append(source)
    }
  }

  deinit { remove() }

  /// Removes the folder and gives the signals back their earlier dispositions.
  func remove() {
    for source in sources { source.cancel() }
    sources = []
    for (number, earlier) in previous { signal(number, earlier) }
    previous = []
    Self.removeFolder(path)
  }

  /// Removes `folder`, again should a page have been written while it was being removed.
  private static func removeFolder(_ folder: String) {
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: folder)
      if access(folder, F_OK) != 0 { return }
    }
  }

  private static func same(_ a: __sighandler_t?, _ b: __sighandler_t?) -> Bool {
    unsafeBitCast(a, to: Int.self) == unsafeBitCast(b, to: Int.self)
  }
}
