import Foundation

/// Where a peer program the bench times beside ringside (`sqlite3`, `psql`) is found.
enum ProgramPath {
  /// The executable `name` in a folder of `PATH`, if any.
  static func find(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}
