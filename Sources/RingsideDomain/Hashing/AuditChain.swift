/// Links each audit entry to the one before by a SHA-256 over both, so that editing, removing
/// or reordering entries, even with the sqlite3 command and the triggers dropped, shows.
public enum AuditChain {
  /// The fields of one entry that the link covers.
  public struct Fields: Sendable, Hashable {
    public let at: Int64
    public let user, role, origin, action, detail: String
    public let beforeHash, afterHash: String?

    public init(
      at: Int64, user: String, role: String, origin: String, action: String, detail: String,
      beforeHash: String?, afterHash: String?
    ) {
      self.at = at
      self.user = user
      self.role = role
      self.origin = origin
      self.action = action
      self.detail = detail
      self.beforeHash = beforeHash
      self.afterHash = afterHash
    }

    /// Length-prefixed, so no choice of field text can imitate another split.
    var canonical: [UInt8] {
      var out: [UInt8] = []
      for field in [
        String(at), user, role, origin, action, detail, beforeHash ?? "-", afterHash ?? "-",
      ] {
        let bytes = Array(field.utf8)
        out += Array(String(bytes.count).utf8) + [0x3A] + bytes
      }
      return out
    }
  }

  /// The link of an entry following `previous` (nil for the first entry).
  public static func link(previous: String?, _ fields: Fields) -> String {
    SHA256.hex(Array((previous ?? "genesis").utf8) + [0x0A] + fields.canonical)
  }
}
