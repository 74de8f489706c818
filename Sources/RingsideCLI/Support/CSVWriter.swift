import RingsideDomain

/// Writes RFC 4180 CSV that spreadsheets open safely: fields are quoted when needed, and a
/// cell starting with `=`, `+`, `-` or `@` gets a leading `'` so it is never run
/// as a formula. Control characters are shown as placeholders, so a CSV printed to a terminal
/// cannot carry escape sequences.
public enum CSVWriter {
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",")
  }

  public static func field(_ raw: String) -> String {
    var value = Sanitized.isClean(raw) ? raw : Sanitized.text(raw)
    guard let first = value.utf8.first else { return value }
    if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@")
      || (first == UInt8(ascii: "-") && Double(value) == nil)
    {
      value = "'" + value
    }
    let needsQuotes = value.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else { return value }
    var quoted = "\""
    for c in value {
      if c == "\"" { quoted += "\"\"" } else { quoted.append(c) }
    }
    return quoted + "\""
  }
}
