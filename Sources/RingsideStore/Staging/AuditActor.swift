import Foundation
import RingsideDomain

/// Who makes a change and from where, as the audit log records it.
public struct AuditActor: Sendable, Hashable {
  public let user: String
  public let role: Role
  /// `local`, or where the session came from over SSH (see `origin(environment:loginHost:)`).
  public let origin: String

  public init(user: String, role: Role = .admin, origin: String = "local") {
    self.user = user
    self.role = role
    self.origin = origin
  }

  /// The effective unix user of this process and the SSH client it came from, if any.
  /// `loginHost` is the host the system's login record names (LoginRecord), looked up by the
  /// caller so that tests never read the machine's records.
  public static func current(
    environment: [String: String], loginHost: String? = nil, role: Role = .admin
  ) -> AuditActor {
    AuditActor(
      user: unixUserName(), role: role,
      origin: origin(environment: environment, loginHost: loginHost))
  }

  /// The name `getpwuid(geteuid())` gives, else `uid N`.
  public static func unixUserName() -> String {
    let uid = geteuid()
    if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "uid \(uid)"
  }

  /// Where the session came from. The login record (written by root) is trusted;
  /// `SSH_CONNECTION` ("client port server port"), which the user can set to anything, is
  /// not, and says so:
  /// - a login record: `ssh 192.0.2.7` (with `:PORT` when `SSH_CONNECTION` names the same
  ///   client; when it names another, `(SSH_CONNECTION claimed …)` follows);
  /// - only `SSH_CONNECTION`: `ssh 192.0.2.7:51234 (unverified)`;
  /// - neither: `local`.
  public static func origin(environment: [String: String], loginHost: String? = nil) -> String {
    let claimed = environment["SSH_CONNECTION"].flatMap(claimedClient)
    guard let loginHost = loginHost.map(printable), !loginHost.isEmpty else {
      return claimed.map { "ssh \($0.address):\($0.port) (unverified)" } ?? "local"
    }
    guard let claimed else { return "ssh \(loginHost)" }
    if claimed.address == loginHost { return "ssh \(loginHost):\(claimed.port)" }
    return "ssh \(loginHost) (SSH_CONNECTION claimed \(claimed.address):\(claimed.port))"
  }

  private static func claimedClient(_ connection: String) -> (address: String, port: String)? {
    let parts = connection.split(separator: " ").map { printable(String($0.prefix(64))) }
    guard let address = parts.first, !address.isEmpty else { return nil }
    return (address, parts.count >= 2 ? parts[1] : "?")
  }

  private static func printable(_ text: String) -> String {
    String(text.filter { !$0.isWhitespace && !$0.isNewline && $0.isASCII && !$0.isControl })
  }
}

extension Character {
  fileprivate var isControl: Bool {
    unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }
}
