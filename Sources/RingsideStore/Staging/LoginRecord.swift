import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the user of this process logged in from, as the system's login records say: the
/// remote host `sshd` wrote into the utmp entry of the controlling terminal. Unlike
/// `SSH_CONNECTION`, which any user can set, only root writes those records.
public enum LoginRecord {
  /// The remote host of the login on this process's terminal; nil without a terminal, without
  /// a record for it, or for a local login.
  public static func hostOfControllingTerminal() -> String? {
    #if os(Linux)
      guard let line = terminalLine() else { return nil }
      setutxent()
      defer { endutxent() }
      var host: String?
      while let entry = getutxent() {
        guard entry.pointee.ut_type == USER_PROCESS else { continue }
        let entryLine = withUnsafeBytes(of: entry.pointee.ut_line) { text(of: $0) }
        guard entryLine == line else { continue }
        let entryHost = withUnsafeBytes(of: entry.pointee.ut_host) { text(of: $0) }
        host = entryHost.isEmpty ? nil : entryHost
      }
      return host
    #else
      return nil
    #endif
  }

  /// "pts/3" for /dev/pts/3, from the first of stdin, stdout and stderr that is a terminal.
  private static func terminalLine() -> String? {
    for descriptor: Int32 in [0, 1, 2] where isatty(descriptor) == 1 {
      guard let name = ttyname(descriptor) else { continue }
      let path = String(cString: name)
      return path.hasPrefix("/dev/") ? String(path.dropFirst(5)) : path
    }
    return nil
  }

  /// A fixed-size C field up to its first NUL, printable ASCII only.
  private static func text(of bytes: UnsafeRawBufferPointer) -> String {
    let end = bytes.firstIndex(of: 0) ?? bytes.count
    return String(
      decoding: bytes[..<end].filter { $0 > 0x20 && $0 < 0x7F }, as: UTF8.self)
  }
}
