/// Makes text from outside (device names, user names, file contents) safe to show on a
/// terminal or in a one-line message: control characters, escape sequences and bidi
/// overrides become visible placeholders, so no input can move the cursor or retitle a window.
public enum Sanitized {
  /// Replaces each control or format character with a visible form (`^[` for ESC, `^G` for BEL,
  /// `<U+202E>` for others) and truncates to `limit` characters with an ellipsis.
  public static func text(_ raw: some StringProtocol, limit: Int = .max) -> String {
    var out = ""
    var count = 0
    for scalar in raw.unicodeScalars {
      if count >= limit {
        out += "…"
        break
      }
      out += visible(scalar)
      count += 1
    }
    return out
  }

  /// Text of one or more lines for a terminal: every line as `text(_:)` makes it, the line
  /// breaks kept. The one pass every message and every line printed to a terminal goes through.
  public static func lines(_ raw: String) -> String {
    if isClean(raw) { return raw }
    return raw.split(separator: "\n", omittingEmptySubsequences: false)
      .map { isClean(String($0)) ? String($0) : text($0) }.joined(separator: "\n")
  }

  /// True when the text needs no replacement.
  public static func isClean(_ raw: String) -> Bool {
    var copy = raw
    let printableASCII = copy.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
      return true
    }
    return printableASCII || raw.unicodeScalars.allSatisfy { !isUnsafe($0) }
  }

  static func visible(_ scalar: Unicode.Scalar) -> String {
    guard isUnsafe(scalar) else { return String(scalar) }
    switch scalar.value {
    case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
    case 0x7F: return "^?"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
  }

  /// C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: return true
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
    default: return false
    }
  }
}
