import RingsideDomain

/// Writes JSON with sorted keys, two-space indentation and a final newline: the same value
/// always gives the same bytes, which the declaration's `ServerToken` is derived from.
public enum CanonicalJSON {
  /// The text for `value`, ending in a newline.
  public static func document(_ value: PropertyListValue) -> String {
    var out = ""
    write(value, level: 0, into: &out)
    return out + "\n"
  }

  /// The text for `value` on one line, for hashing.
  public static func compact(_ value: PropertyListValue) -> String {
    var out = ""
    write(value, level: nil, into: &out)
    return out
  }

  private static func write(_ value: PropertyListValue, level: Int?, into out: inout String) {
    let newline = level == nil ? "" : "\n"
    let pad = { (depth: Int) in String(repeating: "  ", count: depth) }
    let inner = level.map { $0 + 1 }
    switch value {
    case .string(let text): out += quoted(text)
    case .integer(let number): out += String(number)
    case .boolean(let flag): out += flag ? "true" : "false"
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[" + newline
      for (index, item) in items.enumerated() {
        out += pad(inner ?? 0)
        write(item, level: inner, into: &out)
        out += (index < items.count - 1 ? "," : "") + newline
      }
      out += pad(level ?? 0) + "]"
    case .dictionary:
      let entries = value.sortedEntries
      guard !entries.isEmpty else {
        out += "{}"
        return
      }
      out += "{" + newline
      for (index, entry) in entries.enumerated() {
        out += pad(inner ?? 0) + quoted(entry.key) + (level == nil ? ":" : ": ")
        write(entry.value, level: inner, into: &out)
        out += (index < entries.count - 1 ? "," : "") + newline
      }
      out += pad(level ?? 0) + "}"
    }
  }

  static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
