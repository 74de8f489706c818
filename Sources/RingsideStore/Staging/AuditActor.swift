import Foundation

/// Who makes a change and from where, as the audit log records it.
public struct AuditActor: Sendable, Hashable {
  public let user: String
  /// `admin` or `viewer`.
  public let role: String
  /// `local`, or `ssh CLIENT-ADDRESS:PORT` from `SSH_CONNECTION`.
  public let origin: String

  public init(user: String, role: String = "admin", origin: String = "local") {
    self.user = user
    self.role = role
    self.origin = origin
  }

  /// The effective unix user of this process and the SSH client it came from, if any.
  public static func current(environment: [String: String], role: String = "admin") -> AuditActor {
    AuditActor(user: unixUserName(), role: role, origin: origin(environment: environment))
  }

  /// The name `getpwuid(geteuid())` gives, else `uid N`.
  public static func unixUserName() -> String {
    let uid = geteuid()
    if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "uid \(uid)"
  }

  /// `ssh 192.0.2.7:51234` from `SSH_CONNECTION` ("client port server port"), else `local`.
  public static func origin(environment: [String: String]) -> String {
    guard let connection = environment["SSH_CONNECTION"], !connection.isEmpty else {
      return "local"
    }
    let parts = connection.split(separator: " ")
    let client = parts.count >= 2 ? "\(parts[0]):\(parts[1])" : String(connection.prefix(80))
    return "ssh "
      + client.filter { !$0.isWhitespace && !$0.isNewline && $0.isASCII && !$0.isControl }
  }
}

extension Character {
  fileprivate var isControl: Bool {
    unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }
}
