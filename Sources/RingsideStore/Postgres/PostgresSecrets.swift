import Foundation

/// The password of a connection URL or keyword/value string in every form libpq's messages
/// could quote it, and the scrubbing of those messages: a second line of defence behind
/// `PostgresURL.check`, which refuses the URLs libpq would quote from.
struct PostgresSecrets {
  /// The password as written, percent-decoded and percent-encoded, longest first: replaced
  /// wherever they appear.
  let whole: [String]
  /// Its pieces between URL delimiters (`@`, `/`, `?`, `:`, `%`, …), two characters or more:
  /// a quoted token of libpq's holding one is hidden.
  let pieces: [String]

  init(of text: String) {
    var written: [Substring] = []
    if let (_, rest) = PostgresURL.splitScheme(text) {
      // The userinfo as libpq reads it (up to the first "@" before any "/") and as a person
      // means it (up to the last "@"), so either reading's password is known.
      for at in [rest.firstIndex(of: "@"), rest.lastIndex(of: "@")].compactMap({ $0 }) {
        if let colon = rest[..<at].firstIndex(of: ":") {
          written.append(rest[rest.index(after: colon)..<at])
        }
      }
      if let mark = rest.firstIndex(of: "?") {
        for parameter in rest[rest.index(after: mark)...].split(separator: "&") {
          let parts = parameter.split(separator: "=", maxSplits: 1)
          if parts.count == 2, PostgresURL.percentDecoded(parts[0]).lowercased() == "password" {
            written.append(parts[1])
          }
        }
      }
    } else {
      written = Self.conninfoPasswords(text)
    }
    var whole: Set<String> = []
    var pieces: Set<String> = []
    for password in written where !password.isEmpty {
      whole.insert(String(password))
      whole.insert(PostgresURL.percentDecoded(password))
      whole.insert(
        password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
      for piece in password.split(whereSeparator: { "@/?:&=#%,[] '\\".contains($0) })
      where piece.count >= 2 {
        pieces.insert(String(piece))
      }
    }
    whole.remove("")
    self.whole = whole.sorted { $0.count > $1.count }
    self.pieces = Array(pieces)
  }

  /// The values of `password=` (`password = 'x y'` too) in a keyword/value string.
  private static func conninfoPasswords(_ text: String) -> [Substring] {
    let words = text.split(whereSeparator: \.isWhitespace)
    var found: [Substring] = []
    for (index, word) in words.enumerated() where word.lowercased().hasPrefix("password") {
      // Everything after "password" and its "=" up to the next keyword, quotes removed.
      let rest = words[index...].joined(separator: " ").dropFirst("password".count)
        .drop { $0 == " " || $0 == "=" }
      let value =
        rest.first == "'" ? rest.dropFirst().prefix { $0 != "'" } : rest.prefix { $0 != " " }
      found.append(Substring(value))
    }
    return found
  }

  /// `message` with every whole form of the password replaced by `***`, and every quoted
  /// token ("…") holding a piece of it by "***".
  func scrubbed(_ message: String) -> String {
    var text = message
    for secret in whole { text = text.replacingOccurrences(of: secret, with: "***") }
    guard !pieces.isEmpty else { return text }
    var parts = text.split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
    // Odd parts lie between quotes (a last odd part has no closing quote: it is hidden too).
    for index in parts.indices where index % 2 == 1 {
      if pieces.contains(where: { parts[index].contains($0) }) { parts[index] = "***" }
    }
    return parts.joined(separator: "\"")
  }
}
