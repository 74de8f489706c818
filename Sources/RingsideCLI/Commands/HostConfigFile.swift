import Foundation
import RingsideDomain

/// The host-wide config `init --shared` writes as root. It decides who is admin for every store
/// on the host, so a different one is never replaced without `--force`, and neither the file nor
/// its folder is reached through a symbolic link.
struct HostConfigFile {
  let path: String
  let text: String

  init(path: String, adminGroup: String, viewerGroup: String?) {
    self.path = path
    var fields = ["\"admin_group\": \(JSONValue.quote(adminGroup))"]
    if let viewerGroup { fields.append("\"viewer_group\": \(JSONValue.quote(viewerGroup))") }
    text = "{ " + fields.joined(separator: ", ") + " }\n"
  }

  var folder: String { (path as NSString).deletingLastPathComponent }

  /// What writing would do: nothing (the same settings are there), create, or replace. A
  /// different file without `force` is refused, showing the difference.
  func plan(force: Bool) throws(CLIError) -> Action {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .create }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw CLIError(
        .cantCreate, "\(path) is not a regular file (a symbolic link?); init leaves it alone")
    }
    let old = readBounded()
    let oldConfig = old.flatMap {
      try? JSONDecoder().decode(AccessConfig.self, from: Data($0.utf8))
    }
    let newConfig = try? JSONDecoder().decode(AccessConfig.self, from: Data(text.utf8))
    if let oldConfig, oldConfig == newConfig { return .keep }
    if force { return .replace }
    let oldLines = (old ?? "(unreadable)").split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.isEmpty }.map { "  - " + Sanitized.text($0, limit: 200) }
    throw CLIError(
      .cantCreate,
      """
      \(path) holds different settings, which decide who is admin for every store on this host; \
      init --shared does not replace them without --force:
      \((oldLines + ["  + " + text.trimmingCharacters(in: .newlines)]).joined(separator: "\n"))
      """)
  }

  /// Whether the file is new, replaced or left as it was.
  enum Action { case create, replace, keep }

  /// Writes a new file beside the old one (no-follow, exclusive) and renames it into place.
  func write() throws(CLIError) {
    try ensureFolder()
    let temporary = folder + "/.config.json.\(getpid())"
    let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(temporary) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    fchmod(fd, 0o644)
    close(fd)
    guard written == bytes.count, synced, rename(temporary, path) == 0 else {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
  }

  /// The folder must be a real folder, root's, that nobody else may write; made when missing.
  private func ensureFolder() throws(CLIError) {
    var info = stat()
    if lstat(folder, &info) != 0 {
      guard mkdir(folder, 0o755) == 0 else { throw failure(folder) }
      guard lstat(folder, &info) == 0 else { throw failure(folder) }
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid(),
      info.st_mode & 0o022 == 0
    else {
      throw CLIError(
        .cantCreate,
        "\(folder) is not a folder only its owner (this user) may write (a symbolic link, or "
          + "writable by others); init does not write the host config there")
    }
  }

  private func readBounded() -> String? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    return n >= 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
  }

  private func failure(_ at: String) -> CLIError {
    CLIError(.cantCreate, "cannot write \(at): \(String(cString: strerror(errno)))")
  }
}
