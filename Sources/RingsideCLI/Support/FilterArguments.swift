import RingsideDomain

/// The filter a command's words spell, as the shell passed them: `ringside devices ring:test
/// OR ring:pilot` reads like `--filter 'ring:test OR ring:pilot'`.
enum FilterArguments {
  /// The words joined by spaces. A word the shell unquoted that is one `field:value` with
  /// spaces in the value (`os:"16.5.1 (c)"` typed without outer quotes) gets its quotes back,
  /// so it stays one term; any other word is filter text as it stands, a whole filter in one
  /// quoted word among them (`'ring:test os:26.7.1'`: a later part names a field too).
  static func text(_ words: [String]) -> String {
    words.map { word in
      guard word.contains(where: \.isWhitespace), !word.contains("\""),
        let colon = word.firstIndex(of: ":"),
        DeviceFilter.fields.contains(word[..<colon].lowercased()),
        !word[..<colon].contains(where: \.isWhitespace),
        !word.split(whereSeparator: \.isWhitespace).dropFirst().contains(where: namesAField)
      else { return word }
      return word[...colon] + "\"" + word[word.index(after: colon)...] + "\""
    }.joined(separator: " ")
  }

  /// True for a part such as `os:26.7.1` or `-ring:test`: a term of its own.
  private static func namesAField(_ part: Substring) -> Bool {
    guard let colon = part.firstIndex(of: ":") else { return false }
    let field = part[..<colon].drop { $0 == "-" || $0 == "!" }.lowercased()
    return DeviceFilter.fields.contains(field)
  }

  /// The filter of `--filter` and the command's words together: the devices must pass both.
  static func filter(option: String?, words: [String]) throws(FilterError) -> DeviceFilter {
    let typed = try DeviceFilter.parse(option ?? "")
    guard !words.isEmpty else { return typed }
    let joined = text(words)
    let extra = try DeviceFilter.parse(joined)
    let text = [option ?? "", joined].filter { !$0.isEmpty }.joined(separator: " + ")
    return DeviceFilter(terms: typed.terms + extra.terms, text: text)
  }
}
