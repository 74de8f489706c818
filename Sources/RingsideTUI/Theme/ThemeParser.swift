import RingsideDomain

/// A theme file that cannot be read, naming the file, the line and what is accepted there.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let message: String

  /// Sanitized: the message quotes the theme file's own bytes.
  public var description: String {
    let file = Sanitized.text(file, limit: 300)
    let message = Sanitized.text(message, limit: 300)
    return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
  }
}

extension Theme {
  /// Reads a theme file over `base`. Lines are `palette.NAME = COLOR` or
  /// `ROLE = [fg:COLOR] [bg:COLOR] [bold] [dim] [reverse] [underline] [plain]`, where COLOR
  /// is a palette name, `default`, a colour name (`red`, `bright-red`) or 0–255; `#` starts
  /// a comment. A role line replaces that role's whole style; unknown roles are errors.
  public static func parse(
    _ text: String, name: String, file: String, over base: Theme? = nil
  ) throws(ThemeError) -> Theme {
    var palette = base?.palette ?? [:]
    var specs = base?.specs ?? [:]
    var roleLines: [(Int, StyleRole, [Substring])] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let lineNumber = number + 1
      let line = rawLine.prefix { $0 != "#" }.trimmingCharacters()
      if line.isEmpty { continue }
      func fail(_ message: String) -> ThemeError {
        ThemeError(file: file, line: lineNumber, message: message)
      }
      guard let eq = line.firstIndex(of: "=") else {
        throw fail("expected `ROLE = STYLE` or `palette.NAME = COLOR`, got \"\(line.prefix(40))\"")
      }
      let key = line[..<eq].trimmingCharacters()
      let value = line[line.index(after: eq)...].trimmingCharacters()
      if key.hasPrefix("palette.") {
        let entry = String(key.dropFirst(8))
        guard !entry.isEmpty, entry.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
          throw fail("palette names use letters, digits and -, not \"\(entry)\"")
        }
        guard let color = ThemeColor(name: value) else {
          throw fail(
            "unknown colour \"\(value)\": use default, a colour name (red, bright-red) or 0-255")
        }
        palette[entry] = color
        continue
      }
      guard let role = StyleRole(rawValue: key) else {
        throw fail(
          "unknown role \"\(key)\"; known roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      roleLines.append((lineNumber, role, value.split(separator: " ")))
    }
    for (lineNumber, role, words) in roleLines {
      specs[role] = try styleSpec(words, palette: palette) { message in
        ThemeError(file: file, line: lineNumber, message: message)
      }
    }
    return Theme(name: name, origin: file, palette: palette, specs: specs)
  }

  private static func styleSpec(
    _ words: [Substring], palette: [String: ThemeColor], fail: (String) -> ThemeError
  ) throws(ThemeError) -> StyleSpec {
    var spec = StyleSpec()
    for word in words {
      switch word {
      case "bold": spec.bold = true
      case "dim": spec.dim = true
      case "reverse": spec.reverse = true
      case "underline": spec.underline = true
      case "plain": break
      default:
        guard word.hasPrefix("fg:") || word.hasPrefix("bg:") else {
          throw fail(
            "unknown style \"\(word)\": use fg:COLOR, bg:COLOR, bold, dim, reverse, underline or plain"
          )
        }
        let name = String(word.dropFirst(3))
        let ref: ColorRef
        if palette[name] != nil {
          ref = .palette(name)
        } else if let color = ThemeColor(name: name) {
          ref = .color(color)
        } else {
          throw fail("unknown colour \"\(name)\": name a palette entry or a colour")
        }
        if word.hasPrefix("fg:") { spec.foreground = ref } else { spec.background = ref }
      }
    }
    return spec
  }
}

extension StringProtocol {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
