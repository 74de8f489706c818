/// One piece of filter text: a word (a term such as `ring:test`, quoted parts joined), `OR`,
/// or a parenthesis; `position` is where it starts, counted in characters from 1.
struct FilterToken: Equatable {
  enum Kind: Equatable {
    /// A term; `quoted` when any of it was in quotes, so `"OR"` stays a word.
    case word(String, quoted: Bool)
    case or
    /// `(`, or `-(` / `!(` when `negated`.
    case open(negated: Bool)
    case close
  }

  let kind: Kind
  let position: Int

  /// The word's text, nil for `OR` and parentheses.
  var word: String? {
    if case .word(let text, _) = kind { text } else { nil }
  }

  /// Splits filter text on spaces, keeping `"quoted words"` (also after `field:`) together.
  /// A `(` opens a group only where a term could start (after a space, `(`, `-` or `!`);
  /// inside a term it is text, and so is the `)` that closes it: `os:26.3.1(?)` stays one
  /// term. A bare `OR` in any case is the operator; quoted, it is a word.
  static func tokenize(_ text: String) -> [FilterToken] {
    var tokens: [FilterToken] = []
    var current = ""
    var start = 1
    var quoted = false
    var hadQuote = false
    var innerParens = 0
    func flush() {
      if !current.isEmpty {
        let isOr = !hadQuote && current.count == 2 && current.lowercased() == "or"
        tokens.append(
          FilterToken(kind: isOr ? .or : .word(current, quoted: hadQuote), position: start))
      }
      current = ""
      hadQuote = false
      innerParens = 0
    }
    var position = 0
    for c in text {
      position += 1
      if current.isEmpty && !hadQuote { start = position }
      if c == "\"" {
        quoted.toggle()
        hadQuote = true
      } else if quoted {
        current.append(c)
      } else if c.isWhitespace {
        flush()
      } else if c == "(" && !hadQuote && (current.isEmpty || current == "-" || current == "!") {
        tokens.append(FilterToken(kind: .open(negated: !current.isEmpty), position: start))
        current = ""
      } else if c == "(" {
        innerParens += 1
        current.append(c)
      } else if c == ")" && innerParens > 0 {
        innerParens -= 1
        current.append(c)
      } else if c == ")" {
        flush()
        tokens.append(FilterToken(kind: .close, position: position))
      } else {
        current.append(c)
      }
    }
    flush()
    return tokens
  }
}
