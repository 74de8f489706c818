/// A reader for the YAML subset Apple's device-management schema files use: block mappings,
/// block sequences (also at their parent key's indentation), plain and quoted scalars, plain
/// scalars folded over several lines, and `|` / `|-` block scalars. Enough to read key names,
/// types, ranges and supported platforms; not a general YAML parser.
indirect enum YAMLNode: Equatable {
  case scalar(String)
  case map([(String, YAMLNode)])
  case list([YAMLNode])

  static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
    switch (lhs, rhs) {
    case (.scalar(let a), .scalar(let b)): a == b
    case (.list(let a), .list(let b)): a == b
    case (.map(let a), .map(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
    default: false
    }
  }

  subscript(key: String) -> YAMLNode? {
    if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  var string: String? { if case .scalar(let s) = self { s } else { nil } }
  var items: [YAMLNode] { if case .list(let l) = self { l } else { [] } }
  var pairs: [(String, YAMLNode)] { if case .map(let p) = self { p } else { [] } }

  static func parse(_ text: String) -> YAMLNode {
    var parser = MiniYAMLParser(text: text)
    return parser.parseDocument()
  }
}

struct MiniYAMLParser {
  private var lines: [(indent: Int, text: String)]
  private var index = 0

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { raw in
      let line = String(raw)
      let stripped = line.drop { $0 == " " }
      guard !stripped.isEmpty, !stripped.hasPrefix("#") else { return nil }
      return (line.count - stripped.count, String(stripped))
    }
  }

  mutating func parseDocument() -> YAMLNode {
    guard index < lines.count else { return .map([]) }
    return parseNode(indent: lines[index].indent)
  }

  private mutating func parseNode(indent: Int) -> YAMLNode {
    isListItem(lines[index].text) ? parseList(indent: indent) : parseMap(indent: indent)
  }

  private func isListItem(_ text: String) -> Bool { text == "-" || text.hasPrefix("- ") }

  private mutating func parseMap(indent: Int) -> YAMLNode {
    var pairs: [(String, YAMLNode)] = []
    while index < lines.count, lines[index].indent == indent, !isListItem(lines[index].text) {
      let text = lines[index].text
      let (key, found) = splitKey(text)
      let rest = found ?? ""
      index += 1
      if rest.isEmpty {
        if index < lines.count,
          lines[index].indent > indent
            || (lines[index].indent == indent && isListItem(lines[index].text))
        {
          pairs.append((key, parseNode(indent: lines[index].indent)))
        } else {
          pairs.append((key, .scalar("")))
        }
      } else if rest == "|" || rest == "|-" || rest == ">" || rest == ">-" {
        var block: [String] = []
        while index < lines.count, lines[index].indent > indent {
          block.append(lines[index].text)
          index += 1
        }
        pairs.append((key, .scalar(block.joined(separator: "\n"))))
      } else {
        var value = rest
        while index < lines.count, lines[index].indent > indent {
          value += " " + lines[index].text
          index += 1
        }
        pairs.append((key, .scalar(unquoted(value))))
      }
    }
    return .map(pairs)
  }

  private mutating func parseList(indent: Int) -> YAMLNode {
    var items: [YAMLNode] = []
    while index < lines.count, lines[index].indent == indent, isListItem(lines[index].text) {
      let content = String(lines[index].text.dropFirst(1).drop { $0 == " " })
      if content.isEmpty {
        index += 1
        items.append(index < lines.count ? parseNode(indent: lines[index].indent) : .scalar(""))
      } else if splitKey(content).rest != nil || content.hasSuffix(":") {
        let childIndent = indent + (lines[index].text.count - content.count)
        lines[index] = (childIndent, content)
        items.append(parseMap(indent: childIndent))
      } else {
        index += 1
        items.append(.scalar(unquoted(content)))
      }
    }
    return .list(items)
  }

  private func splitKey(_ text: String) -> (key: String, rest: String?) {
    if text.hasSuffix(":"), !text.contains(": ") { return (String(text.dropLast()), "") }
    guard let range = text.range(of: ": ") else { return (text, nil) }
    return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
  }

  private func unquoted(_ value: String) -> String {
    if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
      return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}
