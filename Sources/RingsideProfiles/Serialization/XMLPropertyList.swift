/// Writes an XML property list the way Apple's tools lay it out (tab indentation, one element
/// per line), with every string escaped so untrusted text cannot end an element early or
/// smuggle in characters XML forbids.
public enum XMLPropertyList {
  static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
    <plist version="1.0">

    """

  /// The document for `root`, ending in a newline.
  public static func document(_ root: PropertyListValue) -> String {
    var out = header
    write(root, level: 0, into: &out)
    out += "</plist>\n"
    return out
  }

  private static func write(_ value: PropertyListValue, level: Int, into out: inout String) {
    let pad = String(repeating: "\t", count: level)
    switch value {
    case .string(let text): out += pad + "<string>" + escaped(text) + "</string>\n"
    case .integer(let number): out += pad + "<integer>\(number)</integer>\n"
    case .boolean(let flag): out += pad + (flag ? "<true/>\n" : "<false/>\n")
    case .array(let items):
      guard !items.isEmpty else {
        out += pad + "<array/>\n"
        return
      }
      out += pad + "<array>\n"
      for item in items { write(item, level: level + 1, into: &out) }
      out += pad + "</array>\n"
    case .dictionary:
      let entries = value.sortedEntries
      guard !entries.isEmpty else {
        out += pad + "<dict/>\n"
        return
      }
      out += pad + "<dict>\n"
      for (key, item) in entries {
        out += pad + "\t<key>" + escaped(key) + "</key>\n"
        write(item, level: level + 1, into: &out)
      }
      out += pad + "</dict>\n"
    }
  }

  /// Escapes markup characters and carriage returns, and replaces what XML 1.0 cannot carry
  /// at all (most control characters, U+FFFE, U+FFFF) with U+FFFD.
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: out += "&amp;"
      case 0x3C: out += "&lt;"
      case 0x3E: out += "&gt;"
      case 0x0D: out += "&#13;"
      case 0x09, 0x0A: out.unicodeScalars.append(scalar)
      case 0x00..<0x20, 0xFFFE, 0xFFFF: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
