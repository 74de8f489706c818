/// PostgreSQL's `COPY` text format: one line per row, fields separated by tabs, `\N` for NULL,
/// and a backslash before every backslash, tab, newline and carriage return inside a value
/// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format").
enum PostgresCopyText {
  private static let backslash = UInt8(ascii: "\\")
  private static let tab = UInt8(ascii: "\t")
  private static let newline = UInt8(ascii: "\n")

  /// Appends one row, ended by a newline. A text with a NUL character is refused: PostgreSQL
  /// cannot store one in a text column.
  static func appendRow(_ values: [SQLiteValue], to out: inout [UInt8]) throws(StoreError) {
    for (index, value) in values.enumerated() {
      if index > 0 { out.append(tab) }
      try appendField(value, to: &out, column: index)
    }
    out.append(newline)
  }

  private static func appendField(_ value: SQLiteValue, to out: inout [UInt8], column: Int)
    throws(StoreError)
  {
    switch value {
    case .null:
      out.append(backslash)
      out.append(UInt8(ascii: "N"))
    case .integer(let number):
      out.append(contentsOf: String(number).utf8)
    case .real(let number):
      let text =
        number.isNaN
        ? "NaN" : number.isInfinite ? (number < 0 ? "-Infinity" : "Infinity") : "\(number)"
      out.append(contentsOf: text.utf8)
    case .text(let text):
      for byte in text.utf8 {
        switch byte {
        case 0:
          throw StoreError(
            .constraint,
            "column \(column + 1) holds a NUL character, which PostgreSQL cannot store in text")
        case backslash: out.append(contentsOf: [backslash, backslash])
        case tab: out.append(contentsOf: [backslash, UInt8(ascii: "t")])
        case newline: out.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): out.append(contentsOf: [backslash, UInt8(ascii: "r")])
        default: out.append(byte)
        }
      }
    }
  }

  /// How a column's text is read back: as an integer, a real, or text.
  enum ColumnKind: Sendable, Equatable {
    case integer, real, text, boolean
  }

  /// One row as `COPY … TO STDOUT` sends it (with or without its newline), each field typed
  /// by `kinds`; nil when the line has a different number of fields.
  static func parseRow(_ line: UnsafeBufferPointer<UInt8>, kinds: [ColumnKind]) -> [SQLiteValue]? {
    var end = line.count
    if end > 0 && line[end - 1] == newline { end -= 1 }
    var values: [SQLiteValue] = []
    values.reserveCapacity(kinds.count)
    var field: [UInt8] = []
    var isNull = false
    var index = 0
    func finish() -> Bool {
      guard values.count < kinds.count else { return false }
      values.append(isNull ? .null : typed(field, kinds[values.count]))
      field.removeAll(keepingCapacity: true)
      isNull = false
      return true
    }
    while index < end {
      let byte = line[index]
      index += 1
      if byte == tab {
        guard finish() else { return nil }
        continue
      }
      guard byte == backslash, index < end else {
        field.append(byte)
        continue
      }
      let escaped = line[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "N") where field.isEmpty && (index == end || line[index] == tab):
        isNull = true
      case UInt8(ascii: "b"): field.append(8)
      case UInt8(ascii: "f"): field.append(12)
      case UInt8(ascii: "n"): field.append(newline)
      case UInt8(ascii: "r"): field.append(13)
      case UInt8(ascii: "t"): field.append(tab)
      case UInt8(ascii: "v"): field.append(11)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var code = Int(escaped - UInt8(ascii: "0"))
        var digits = 1
        while digits < 3, index < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[index])
        {
          code = code * 8 + Int(line[index] - UInt8(ascii: "0"))
          index += 1
          digits += 1
        }
        field.append(UInt8(truncatingIfNeeded: code))
      case UInt8(ascii: "x") where index < end && hexValue(line[index]) != nil:
        var code = hexValue(line[index])!
        index += 1
        if index < end, let low = hexValue(line[index]) {
          code = code * 16 + low
          index += 1
        }
        field.append(code)
      default: field.append(escaped)
      }
    }
    guard finish(), values.count == kinds.count else { return nil }
    return values
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func typed(_ bytes: [UInt8], _ kind: ColumnKind) -> SQLiteValue {
    let text = String(decoding: bytes, as: UTF8.self)
    switch kind {
    case .text: return .text(text)
    case .integer:
      if let number = Int64(text) { return .integer(number) }
      return Double(text).map { .real($0) } ?? .text(text)
    case .real: return Double(text).map { .real($0) } ?? .text(text)
    case .boolean: return text == "t" ? .integer(1) : text == "f" ? .integer(0) : .text(text)
    }
  }
}
