import Foundation

/// Small wrappers that turn failing POSIX calls into readable reasons.
enum SystemCall {
  /// `strerror` for the current `errno`.
  static var reason: String { String(cString: strerror(errno)) }

  /// Retries `body` while it fails with EINTR.
  static func retrying(_ body: () -> Int32) -> Int32 {
    var result: Int32
    repeat { result = body() } while result < 0 && errno == EINTR
    return result
  }

  static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }
  static func isDirectory(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }
  static func isSymbolicLink(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFLNK }
}
