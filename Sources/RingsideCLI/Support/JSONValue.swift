import RingsideDomain

/// JSON with object keys in the order written, so scripted output is stable and readable.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// Compact when `indent` is nil, else pretty-printed with that many spaces per level.
  public func serialized(indent: Int? = 2) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int?) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (l: Int) in String(repeating: " ", count: (indent ?? 0) * l) }
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let n): out += String(n)
    case .string(let s): out += JSONValue.quote(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad(level + 1)
        item.write(into: &out, level: level + 1, indent: indent)
        out += (i < items.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (i, (key, value)) in pairs.enumerated() {
        out += pad(level + 1) + JSONValue.quote(key) + (indent == nil ? ":" : ": ")
        value.write(into: &out, level: level + 1, indent: indent)
        out += (i < pairs.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  static func quote(_ text: String) -> String { JSONString.quoted(text) }
}
