import RingsideDomain

/// Writes RFC 4180 CSV that spreadsheets open safely: fields are quoted when needed, and a
/// cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so it is never run
/// as a formula. Control characters are shown as placeholders, so a CSV printed to a terminal
/// cannot carry escape sequences.
public enum CSVWriter {
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",")
  }

  public static func field(_ raw: String) -> String {
    var value = Sanitized.isClean(raw) ? raw : Sanitized.text(raw)
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      // A plain negative number is data, not a formula.
      if !(first == "-" && Double(value) != nil) { value = "'" + value }
    }
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
