/// SQL split into words, quoted runs, comments, whitespace and single punctuation marks, so
/// rewrites never touch text inside quotes or comments.
enum SQLTokens {
  struct Token {
    var text: String
    let isWord: Bool
    let isSpace: Bool
  }

  static func split(_ sql: String) -> [Token] {
    var tokens: [Token] = []
    let chars = Array(sql.unicodeScalars)
    var i = 0
    func word(_ c: Unicode.Scalar) -> Bool {
      c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
    while i < chars.count {
      let c = chars[i]
      var end = i + 1
      var isWord = false
      var isSpace = false
      if c == "'" || c == "\"" {
        while end < chars.count {
          if chars[end] == c {
            if end + 1 < chars.count && chars[end + 1] == c {
              end += 2
              continue
            }
            end += 1
            break
          }
          end += 1
        }
      } else if c == "-" && end < chars.count && chars[end] == "-" {
        while end < chars.count && chars[end] != "\n" { end += 1 }
        isSpace = true
      } else if c == "/" && end < chars.count && chars[end] == "*" {
        end += 1
        while end + 1 < chars.count && !(chars[end] == "*" && chars[end + 1] == "/") { end += 1 }
        end = min(end + 2, chars.count)
        isSpace = true
      } else if c.properties.isWhitespace {
        while end < chars.count && chars[end].properties.isWhitespace { end += 1 }
        isSpace = true
      } else if c == "?" {
        while end < chars.count && ("0"..."9").contains(chars[end]) { end += 1 }
      } else if word(c) {
        while end < chars.count && word(chars[end]) { end += 1 }
        isWord = true
      }
      end = min(end, chars.count)
      var text = ""
      text.unicodeScalars.append(contentsOf: chars[i..<end])
      tokens.append(Token(text: text, isWord: isWord, isSpace: isSpace))
      i = end
    }
    return tokens
  }

  /// The next token after `i` that is not whitespace or a comment.
  static func next(_ tokens: [Token], after i: Int) -> Int? {
    var j = i + 1
    while j < tokens.count && tokens[j].isSpace { j += 1 }
    return j < tokens.count ? j : nil
  }

  static func previous(_ tokens: [Token], before i: Int) -> Int? {
    var j = i - 1
    while j >= 0 && tokens[j].isSpace { j -= 1 }
    return j >= 0 ? j : nil
  }

  /// The `)` that closes the `(` at `open`.
  static func matching(_ tokens: [Token], open: Int) -> Int? {
    var depth = 0
    for j in open..<tokens.count {
      if tokens[j].text == "(" { depth += 1 }
      if tokens[j].text == ")" {
        depth -= 1
        if depth == 0 { return j }
      }
    }
    return nil
  }
}
