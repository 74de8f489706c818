import RingsideDomain

/// A name-based UUID (RFC 9562 version 8, SHA-256 as in its appendix B.2): the same name gives
/// the same UUID on every run and every machine, so a rewritten profile updates in the MDM
/// instead of arriving as a new one.
public enum DerivedUUID {
  /// Prefixed to every name so Ringside's UUIDs cannot collide with other name-based schemes.
  static let namespace = "ringside.profile-uuid:"

  /// The uppercase `8-4-4-4-12` form Apple's `uuidgen` prints.
  public static func make(name: String) -> String {
    var bytes = Array(SHA256.hash(Array((namespace + name).utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x80
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte in
      let digits = String(byte, radix: 16, uppercase: true)
      return byte < 16 ? "0" + digits : digits
    }
    let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16]
    return groups.map { hex[$0].joined() }.joined(separator: "-")
  }
}
