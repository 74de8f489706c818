import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file that holds secrets (a source's credentials file, a certificate's private key), read
/// only after the checks a secret's file gets: a regular file (no symbolic link followed, no
/// FIFO or folder), owned by the user running the sync, mode 0600 or stricter, at most 64 KB.
/// The checks are made on the open descriptor, so the file checked is the file read, and the
/// read buffer is zeroed after use.
enum PrivateFile {
  static let maxSize = 64 << 10

  /// The bytes of `path`, or nil when there is no such file. In messages, `holding` says what
  /// others could read (`the secrets`) and `kind` what the file should be
  /// (`a credentials file`).
  static func read(_ path: String, holding: String, kind: String) throws(SyncFailure) -> [UInt8]? {
    // O_NOFOLLOW refuses a symbolic link; O_NONBLOCK keeps a FIFO from blocking the open.
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP {
        throw .refused("\(path): not a regular file (a symbolic link is refused)")
      }
      throw .refused("\(path): cannot read: \(String(cString: strerror(code)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .refused("\(path): cannot read: \(String(cString: strerror(errno)))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .refused("\(path): not a regular file (a symbolic link, FIFO or folder is refused)")
    }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw .refused(
        "\(path): mode \(String(mode, radix: 8)) lets other users read \(holding); run chmod 600 \(path)"
      )
    }
    guard info.st_uid == geteuid() else {
      throw .refused(
        "\(path): belongs to uid \(info.st_uid), not to the user running the sync (uid \(geteuid()))"
      )
    }
    let tooLarge = "\(path): larger than \(maxSize >> 10) KB; not \(kind)"
    guard info.st_size <= maxSize else { throw .refused(tooLarge) }
    var bytes = [UInt8](repeating: 0, count: maxSize + 1)
    defer { for i in bytes.indices { bytes[i] = 0 } }
    var count = 0
    while count < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { Glibc.read(fd, $0 + count, buffer.count - count) } ?? 0
      }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else {
        throw .refused("\(path): cannot read: \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      count += n
    }
    guard count <= maxSize else { throw .refused(tooLarge) }
    return Array(bytes.prefix(count))
  }
}
