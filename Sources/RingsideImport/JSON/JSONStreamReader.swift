import Foundation

/// Reads JSON from a `ByteSource` token by token, 64 KB at a time, so a file of any size is
/// walked in bounded memory. Values come back as `JSONValue`s that keep numbers, booleans and
/// text apart; every error names the file and the line where reading stopped.
final class JSONStreamReader {
  static let chunkSize = 1 << 16
  /// Deeper nesting than any export has; deeper input is refused before it can exhaust the stack.
  static let maxDepth = 64
  /// The longest text value read.
  static let maxStringBytes = 1 << 20

  let file: String
  private let source: ByteSource
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private var pos = 0
  private var end = 0
  private var atEnd = false
  private var scratch: [UInt8] = []
  /// Bytes of the input before `buffer[0]`.
  private var consumed = 0
  /// The line being read, 1-based.
  private(set) var line = 1
  /// Reading past this offset fails: it bounds one record (see `JSONEnvelope`).
  var limit = Int.max
  /// Why `limit` applies, for the message.
  var limitReason = ""

  init(source: ByteSource, file: String) {
    self.source = source
    self.file = file
    buffer = .allocate(capacity: Self.chunkSize)
  }

  deinit { buffer.deallocate() }

  /// Bytes read so far.
  var offset: Int { consumed + pos }

  /// True once the input ran out.
  var reachedEnd: Bool { atEnd }

  // MARK: Errors

  func invalid(_ reason: String) -> ImportIssue {
    ImportIssue(SourceLocation(file: file, line: line), "not valid JSON: \(reason)")
  }

  /// `c` where `what` belongs. A `/` there starts a comment, as API docs write them
  /// (`// Fleet Premium only`): JSON has none, so the message says so.
  private func unexpected(_ c: UInt8, expected what: String) -> ImportIssue {
    if c == 0x2F {
      return invalid(
        "found \"/\" where \(what) belongs: JSON does not allow comments (// or /* */); remove them, or save the response as the server sent it"
      )
    }
    return invalid("expected \(what), found \(Self.describe(c))")
  }

  func truncated() -> ImportIssue {
    ImportIssue(
      SourceLocation(file: file, line: line),
      "the JSON ends early: the file is truncated (an interrupted download or pipe?)")
  }

  private static func describe(_ b: UInt8) -> String {
    if b >= 0x21 && b < 0x7F { return "\"\(Character(Unicode.Scalar(b)))\"" }
    return String(format: "byte 0x%02X", b)
  }

  // MARK: Bytes

  private func fill() throws(ImportIssue) -> Bool {
    if atEnd { return false }
    consumed += end
    pos = 0
    end = 0
    if consumed > limit {
      throw ImportIssue(SourceLocation(file: file, line: line), limitReason)
    }
    end = try source.read(into: buffer)
    if end == 0 {
      atEnd = true
      return false
    }
    return true
  }

  /// Skips a UTF-8 byte-order mark at the very start (PowerShell and Windows editors write one).
  func skipByteOrderMark() throws(ImportIssue) {
    guard offset == 0, try peek() == 0xEF else { return }
    guard end - pos >= 3, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF else { return }
    pos += 3
  }

  /// The next byte that is not white space, not consumed; nil at the end of the input.
  func peek() throws(ImportIssue) -> UInt8? {
    while true {
      while pos < end {
        switch buffer[pos] {
        case 0x20, 0x09, 0x0D: pos += 1
        case 0x0A:
          line += 1
          pos += 1
        default: return buffer[pos]
        }
      }
      if try !fill() { return nil }
    }
  }

  private func nextByte() throws(ImportIssue) -> UInt8 {
    if pos == end, try !fill() { throw truncated() }
    let b = buffer[pos]
    pos += 1
    return b
  }

  private func expect(_ b: UInt8, _ what: String) throws(ImportIssue) {
    guard let c = try peek() else { throw truncated() }
    guard c == b else { throw unexpected(c, expected: what) }
    pos += 1
  }

  // MARK: Containers, step by step

  /// Consumes the `{` or `[` that `peek()` returned.
  func open() { pos += 1 }

  /// The next member name of an object opened with `open()`, with its `:` consumed; nil at `}`.
  func nextMember(first: inout Bool) throws(ImportIssue) -> String? {
    guard try memberStart(first: &first) else { return nil }
    let key = try stringBody()
    try expect(0x3A, "\":\" after field \"\(key.prefix(60))\"")
    return key
  }

  /// Consumes the `,` before a member and its opening quote; false (with `}` consumed) at the end.
  private func memberStart(first: inout Bool) throws(ImportIssue) -> Bool {
    guard let c = try peek() else { throw truncated() }
    if c == 0x7D {
      pos += 1
      return false
    }
    if first {
      first = false
    } else {
      guard c == 0x2C else { throw unexpected(c, expected: "\",\" or \"}\"") }
      pos += 1
      if try peek() == 0x7D { throw invalid("a \",\" before \"}\": JSON allows no trailing comma") }
    }
    try expect(0x22, "a quoted field name")
    return true
  }

  /// Reads one value; when it is an object, only the members `filter` keeps are built, the
  /// others are checked for syntax and skipped. A record needs a dozen of Graph's 55 members.
  func value(keeping filter: KeyFilter) throws(ImportIssue) -> JSONValue {
    guard try peek() == 0x7B else { return try value() }
    pos += 1
    var members: [String: JSONValue] = [:]
    members.reserveCapacity(filter.names.count)
    var first = true
    while try memberStart(first: &first) {
      var i = pos
      while i < end && buffer[i] != 0x22 && buffer[i] != 0x5C && buffer[i] >= 0x20 { i += 1 }
      let name: String?
      if i < end && buffer[i] == 0x22 {
        name = filter.match(UnsafeBufferPointer(rebasing: buffer[pos..<i]))
        pos = i + 1
      } else {
        let key = try stringBody()
        name = filter.names.contains(key) ? key : nil
      }
      try expect(0x3A, "\":\" after a field name")
      if let name { members[name] = try value(depth: 1) } else { try skip(depth: 1) }
    }
    return .object(members)
  }

  /// Checks one value's syntax and moves past it without building it.
  func skip(depth: Int = 0) throws(ImportIssue) {
    guard let c = try peek() else { throw truncated() }
    switch c {
    case 0x7B:
      guard depth < Self.maxDepth else { throw invalid("nested deeper than \(Self.maxDepth)") }
      pos += 1
      var first = true
      while try memberStart(first: &first) {
        try skipString()
        try expect(0x3A, "\":\" after a field name")
        try skip(depth: depth + 1)
      }
    case 0x5B:
      guard depth < Self.maxDepth else { throw invalid("nested deeper than \(Self.maxDepth)") }
      pos += 1
      var first = true
      while try nextItem(first: &first) { try skip(depth: depth + 1) }
    case 0x22:
      pos += 1
      try skipString()
    default: _ = try value(depth: depth)
    }
  }

  /// Moves past the rest of a string, checking its escapes, without building it.
  private func skipString() throws(ImportIssue) {
    while true {
      while pos < end {
        let c = buffer[pos]
        if c == 0x22 {
          pos += 1
          return
        }
        if c == 0x5C || c < 0x20 { break }
        pos += 1
      }
      if pos == end {
        if try !fill() { throw truncated() }
        continue
      }
      let c = buffer[pos]
      pos += 1
      guard c == 0x5C else {
        throw invalid(
          "a control character (\(Self.describe(c))) inside text: a line break in a string, or a truncated string"
        )
      }
      scratch.removeAll(keepingCapacity: true)
      try escape()
    }
  }

  /// True when another item of a list opened with `open()` follows (not yet read); false at `]`.
  func nextItem(first: inout Bool) throws(ImportIssue) -> Bool {
    guard let c = try peek() else { throw truncated() }
    if c == 0x5D {
      pos += 1
      return false
    }
    if first {
      first = false
    } else {
      guard c == 0x2C else { throw unexpected(c, expected: "\",\" or \"]\"") }
      pos += 1
      if try peek() == 0x5D { throw invalid("a \",\" before \"]\": JSON allows no trailing comma") }
    }
    return true
  }

  // MARK: Values

  /// Reads one whole value.
  func value(depth: Int = 0) throws(ImportIssue) -> JSONValue {
    guard let c = try peek() else { throw truncated() }
    switch c {
    case 0x7B:
      guard depth < Self.maxDepth else { throw invalid("nested deeper than \(Self.maxDepth)") }
      pos += 1
      var members: [String: JSONValue] = [:]
      var first = true
      while let key = try nextMember(first: &first) {
        members[key] = try value(depth: depth + 1)
      }
      return .object(members)
    case 0x5B:
      guard depth < Self.maxDepth else { throw invalid("nested deeper than \(Self.maxDepth)") }
      pos += 1
      var items: [JSONValue] = []
      var first = true
      while try nextItem(first: &first) { items.append(try value(depth: depth + 1)) }
      return .array(items)
    case 0x22:
      pos += 1
      return .string(try stringBody())
    case 0x74:
      try literal("true")
      return .bool(true)
    case 0x66:
      try literal("false")
      return .bool(false)
    case 0x6E:
      try literal("null")
      return .null
    case 0x2D, 0x30...0x39: return .number(try number())
    default: throw unexpected(c, expected: "a value")
    }
  }

  private func literal(_ word: StaticString) throws(ImportIssue) {
    let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for expected in bytes {
      let b = try nextByte()
      guard b == expected else { throw invalid("expected \(word), found \(Self.describe(b))") }
    }
  }

  private static func isNumberByte(_ b: UInt8) -> Bool {
    (0x30...0x39).contains(b) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45
  }

  /// A number's text, checked against JSON's grammar.
  private func number() throws(ImportIssue) -> String {
    var i = pos
    while i < end && Self.isNumberByte(buffer[i]) { i += 1 }
    let text: String
    if i < end {
      let slice = UnsafeBufferPointer(rebasing: buffer[pos..<i])
      guard Self.isValidNumber(slice) else {
        throw invalid(
          "cannot read \(String(decoding: slice, as: UTF8.self).prefix(40)) as a number")
      }
      text = String(decoding: slice, as: UTF8.self)
      pos = i
      return text
    }
    scratch.removeAll(keepingCapacity: true)
    while true {
      if pos == end, try !fill() { break }
      let b = buffer[pos]
      guard Self.isNumberByte(b) else { break }
      scratch.append(b)
      pos += 1
      if scratch.count > 400 { throw invalid("a number longer than 400 characters") }
    }
    guard scratch.withUnsafeBufferPointer({ Self.isValidNumber($0) }) else {
      throw invalid(
        "cannot read \(String(decoding: scratch.prefix(40), as: UTF8.self)) as a number")
    }
    return String(decoding: scratch, as: UTF8.self)
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
  private static func isValidNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    func digits() -> Int {
      let start = i
      while i < b.count && (0x30...0x39).contains(b[i]) { i += 1 }
      return i - start
    }
    if i < b.count && b[i] == 0x2D { i += 1 }
    guard i < b.count else { return false }
    if b[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
    if i < b.count && b[i] == 0x2E {
      i += 1
      if digits() == 0 { return false }
    }
    if i < b.count && (b[i] == 0x65 || b[i] == 0x45) {
      i += 1
      if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
      if digits() == 0 { return false }
    }
    return i == b.count
  }

  /// The rest of a string after its opening quote.
  private func stringBody() throws(ImportIssue) -> String {
    var i = pos
    while i < end {
      let c = buffer[i]
      if c == 0x22 {
        let s = String(decoding: UnsafeBufferPointer(rebasing: buffer[pos..<i]), as: UTF8.self)
        pos = i + 1
        return s
      }
      if c == 0x5C || c < 0x20 { break }
      i += 1
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<i]))
    pos = i
    while true {
      let c = try nextByte()
      switch c {
      case 0x22: return String(decoding: scratch, as: UTF8.self)
      case 0x5C: try escape()
      case 0..<0x20:
        throw invalid(
          "a control character (\(Self.describe(c))) inside text: a line break in a string, or a truncated string"
        )
      default: scratch.append(c)
      }
      if scratch.count > Self.maxStringBytes {
        throw invalid("a text value longer than \(Self.maxStringBytes >> 20) MB")
      }
    }
  }

  private func escape() throws(ImportIssue) {
    let c = try nextByte()
    switch c {
    case 0x22, 0x5C, 0x2F: scratch.append(c)
    case 0x62: scratch.append(0x08)
    case 0x66: scratch.append(0x0C)
    case 0x6E: scratch.append(0x0A)
    case 0x72: scratch.append(0x0D)
    case 0x74: scratch.append(0x09)
    case 0x75:
      var scalar = try hex4()
      if (0xD800..<0xDC00).contains(scalar) {
        // A high surrogate must be followed by `\u` and a low one.
        guard try nextByte() == 0x5C, try nextByte() == 0x75 else {
          throw invalid("a \\u escape holds half a surrogate pair")
        }
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low) else {
          throw invalid("a \\u escape holds half a surrogate pair")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      scratch.append(contentsOf: Array(String(Character(u)).utf8))
    default: throw invalid("unknown escape \\\(Self.describe(c))")
    }
  }

  private func hex4() throws(ImportIssue) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = try nextByte()
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw invalid("\\u needs four hex digits, found \(Self.describe(b))")
      }
      v = v << 4 | d
    }
    return v
  }
}
