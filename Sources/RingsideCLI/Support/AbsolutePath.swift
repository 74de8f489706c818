/// A path as typed, made absolute against a working directory and standardized by its text
/// (`.`, `..` and repeated slashes resolved, symbolic links kept), so a folder kept in the store
/// names the same folder from every directory and session.
enum AbsolutePath {
  /// `path` when absolute, else `path` under `workingDirectory`; standardized.
  static func of(_ path: String, from workingDirectory: String) -> String {
    let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
    var parts: [Substring] = []
    for part in full.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}
