/// One piece of filter text: a word (a term such as `ring:test`, quoted parts joined), `OR`,
/// or a parenthesis; `start` is where it begins in the text.
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
  let start: String.Index

  /// The word's text, nil for `OR` and parentheses.
  var word: String? {
    if case .word(let text, _) = kind { text } else { nil }
  }

  /// Where the token starts in `text`, in characters from 1, for messages.
  func position(in text: String) -> Int { text[..<start].count + 1 }

  /// Splits filter text on white space, keeping `"quoted words"` (also after `field:`)
  /// together. A `(` opens a group only where a term could start (after a space, `(`, `-` or
  /// `!`); inside a term it is text, and so is the `)` that closes it: `os:26.3.1(?)` stays
  /// one term. A bare `OR` in any case is the operator; quoted, it is a word.
  /// One pass over the UTF-8 bytes: a keystroke of a pasted list re-reads it all.
  static func tokenize(_ text: String) -> [FilterToken] {
    let utf8 = text.utf8
    var tokens: [FilterToken] = []
    var current: [UInt8] = []
    var start = utf8.startIndex
    var quoted = false
    var hadQuote = false
    var innerParens = 0
    func flush() {
      if !current.isEmpty {
        let isOr =
          !hadQuote && current.count == 2 && current[0] | 0x20 == UInt8(ascii: "o")
          && current[1] | 0x20 == UInt8(ascii: "r")
        let kind: Kind =
          isOr ? .or : .word(String(decoding: current, as: UTF8.self), quoted: hadQuote)
        tokens.append(FilterToken(kind: kind, start: start))
      }
      current.removeAll(keepingCapacity: true)
      hadQuote = false
      innerParens = 0
    }
    var i = utf8.startIndex
    while i < utf8.endIndex {
      let byte = utf8[i]
      if current.isEmpty && !hadQuote { start = i }
      if byte >= 0xC0 {
        // The first byte of a character beyond ASCII: white space ends the word, anything
        // else is part of it, all of its bytes.
        let scalar = text.unicodeScalars[i]
        let next = utf8.index(i, offsetBy: UTF8.width(scalar))
        if !quoted && scalar.properties.isWhitespace {
          flush()
        } else {
          current += utf8[i..<next]
        }
        i = next
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        quoted.toggle()
        hadQuote = true
      case _ where quoted:
        current.append(byte)
      case UInt8(ascii: " "), 0x09...0x0D:
        flush()
      case UInt8(ascii: "(")
      where !hadQuote && (current.isEmpty || current == [0x2D] || current == [0x21]):
        tokens.append(FilterToken(kind: .open(negated: !current.isEmpty), start: start))
        current.removeAll(keepingCapacity: true)
      case UInt8(ascii: "("):
        innerParens += 1
        current.append(byte)
      case UInt8(ascii: ")") where innerParens > 0:
        innerParens -= 1
        current.append(byte)
      case UInt8(ascii: ")"):
        flush()
        tokens.append(FilterToken(kind: .close, start: i))
      default:
        current.append(byte)
      }
      i = utf8.index(after: i)
    }
    flush()
    return tokens
  }
}
