/// PostgreSQL's `COPY` text format: one line per row, fields separated by tabs, `\N` for NULL,
/// and a backslash before every backslash, tab, newline and carriage return inside a value
/// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format").
enum PostgresCopyText {
  private static let backslash = UInt8(ascii: "\\")
  private static let tab = UInt8(ascii: "\t")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

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
      appendDecimal(number, to: &out)
    case .real(let number):
      let text =
        number.isNaN
        ? "NaN" : number.isInfinite ? (number < 0 ? "-Infinity" : "Infinity") : "\(number)"
      out.append(contentsOf: text.utf8)
    case .text(let text):
      // A native string's bytes are contiguous: its runs without a special byte go in whole
      // (an import encodes 27 million fields).
      let holdsNul =
        text.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &out) }
        ?? Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
      if holdsNul {
        throw StoreError(
          .constraint,
          "column \(column + 1) holds a NUL character, which PostgreSQL cannot store in text")
      }
    }
  }

  /// Appends `bytes` with a backslash before every backslash, tab, newline and carriage
  /// return; true (and the output cut short) at a NUL byte.
  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8])
    -> Bool
  {
    var start = 0
    for i in 0..<bytes.count {
      let byte = bytes[i]
      guard byte == backslash || byte <= carriageReturn else { continue }
      let escaped: UInt8
      switch byte {
      case 0: return true
      case backslash: escaped = backslash
      case tab: escaped = UInt8(ascii: "t")
      case newline: escaped = UInt8(ascii: "n")
      case carriageReturn: escaped = UInt8(ascii: "r")
      default: continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
      out.append(backslash)
      out.append(escaped)
      start = i + 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    return false
  }

  /// Appends `number` in decimal without making a string of it.
  private static func appendDecimal(_ number: Int64, to out: inout [UInt8]) {
    if number < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var first = 20
      repeat {
        first -= 1
        digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
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
