import CWidth

/// How many terminal columns text takes: CJK and emoji take two, combining marks none.
/// Tables in the dashboard and in `ringside devices` align on this, not on `count`. The width
/// is the C library's `wcwidth` summed over the scalars, as ncurses places them, so a screen
/// cell never disagrees with what curses drew (a variation selector such as U+FE0F adds
/// nothing); without a UTF-8 locale a built-in table stands in.
public enum DisplayWidth {
  /// The width of one extended grapheme cluster.
  public static func of(_ character: Character) -> Int {
    var total = 0
    for scalar in character.unicodeScalars {
      let width = ringside_wcwidth(scalar.value)
      if width == -2 { return builtinWidth(character) }
      total += max(0, Int(width))
    }
    return total
  }

  /// The width from Ringside's own table, when the C library has no UTF-8 locale.
  static func builtinWidth(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
    if first.properties.isEmojiPresentation { return 2 }
    if isWide(first.value) { return 2 }
    if first.properties.generalCategory == .nonspacingMark
      || first.properties.generalCategory == .enclosingMark || first.value == 0x200D
    {
      return 0
    }
    if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
    return 1
  }

  /// The width of a whole string.
  public static func of(_ text: some StringProtocol) -> Int {
    if let ascii = asciiWidth(text) { return ascii }
    var total = 0
    for c in text { total += of(c) }
    return total
  }

  /// The width of printable ASCII text (one column a byte), or nil when it holds anything else.
  static func asciiWidth(_ text: some StringProtocol) -> Int? {
    var count = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte >= 0x7F { return nil }
      count += 1
    }
    return count
  }

  /// The longest prefix that fits in `width` columns, with `…` when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if let ascii = asciiWidth(text) {
      return ascii <= width
        ? text : wholeMarkers(String(text.utf8.prefix(width - 1))!, of: text) + "…"
    }
    if of(text) <= width { return text }
    var out = ""
    var used = 0
    for c in text {
      let w = of(c)
      if used + w > width - 1 { break }
      out.append(c)
      used += w
    }
    return wholeMarkers(out, of: text) + "…"
  }

  /// `cut`, a prefix of `text`, without a `<U+…>` marker of `Sanitized` that the cut split
  /// (`<U+200` of `<U+200D>`): half a marker reads as text that is not there.
  static func wholeMarkers(_ cut: String, of text: String) -> String {
    let end = text.index(text.startIndex, offsetBy: cut.count)
    var from = text.startIndex
    while let open = text.range(of: "<U+", range: from..<text.endIndex), open.lowerBound < end {
      guard let close = text[open.upperBound...].firstIndex(of: ">") else { break }
      if end <= close { return String(text[..<open.lowerBound]) }
      from = text.index(after: close)
    }
    return cut
  }

  /// Pads with spaces (after the text, or before when `right`) to exactly `width` columns,
  /// truncating when longer.
  public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let cut = truncate(text, to: width)
    let fill = String(repeating: " ", count: max(0, width - of(cut)))
    return right ? fill + cut : cut + fill
  }

  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Wraps prose at spaces into lines of at most `width` columns (a word longer than that gets
  /// a line of its own). Leading spaces stay on the first line; every later line starts with
  /// `indent`, which counts towards its width. Empty text is one empty line.
  public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    let lead = String(text.prefix { $0 == " " })
    let room = width - of(indent)
    var lines: [String] = []
    var current = lead
    for word in text.dropFirst(lead.count).split(separator: " ") {
      let candidate = current == lead && lines.isEmpty ? lead + word : current + " " + word
      if of(candidate) > (lines.isEmpty ? width : room), current != lead || !lines.isEmpty {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    lines.append(current)
    return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
  }
}
