import Foundation

/// Percent-encoding for `application/x-www-form-urlencoded` bodies and query strings.
enum FormEncoding {
  /// Letters, digits and `-._~` stay; everything else is `%XX` (so `+` and `&` in a secret
  /// survive).
  static func escape(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        out.append(Character(UnicodeScalar(byte)))
      default:
        out += String(format: "%%%02X", byte)
      }
    }
    return out
  }

  /// `a=1&b=2` with every name and value escaped.
  static func encode(_ fields: [(String, String)]) -> String {
    fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
  }
}
