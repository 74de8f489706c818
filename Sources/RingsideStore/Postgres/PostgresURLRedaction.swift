import Foundation

extension PostgresURL {
  /// The URL (or `key=value` connection string) without its password, for messages: the
  /// `:secret` of `user:secret@host` and every `password=` parameter are left out. A URL that
  /// is malformed loses everything between its user name and its last `@` (a password holding
  /// an unencoded `@`, `/` or `?`), and a port that is not a number when it has no `@` (a
  /// password where the port goes); a keyword/value string is shown up to where it stops
  /// parsing.
  public static func redacted(_ text: String) -> String {
    if let (scheme, rest) = splitScheme(text) { return scheme + redactedRest(rest) }
    if isConninfo(text) { return redactedConninfo(text) }
    return text
  }

  /// Everything after the scheme, redacted.
  private static func redactedRest(_ rest: Substring) -> String {
    var user = ""
    var tail = rest
    if let lastAt = rest.lastIndex(of: "@") {
      let head = rest[..<lastAt]
      let end = head.firstIndex { ":/?@".contains($0) } ?? head.endIndex
      // A user name cut short by "/" or "?" is no user name: the "@" is further on.
      if end == head.endIndex || head[end] == ":" || head[end] == "@" {
        user = String(head[..<end])
      }
      tail = rest[lastAt...]
    }
    let hostEnd = tail.firstIndex { $0 == "/" || $0 == "?" } ?? tail.endIndex
    var hosts = String(tail[..<hostEnd])
    if !rest.contains("@") {
      hosts = hosts.split(separator: ",", omittingEmptySubsequences: false).map(redactedPort)
        .joined(separator: ",")
    }
    let after = tail[hostEnd...]
    guard let mark = after.firstIndex(of: "?") else { return user + hosts + after }
    let kept = after[after.index(after: mark)...].split(separator: "&").filter {
      guard let equals = $0.firstIndex(of: "=") else { return false }
      return percentDecoded($0[..<equals]).lowercased() != "password"
    }
    return user + hosts + after[..<mark] + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
  }

  /// `host:port` with a port that is not a number shown as `…`.
  private static func redactedPort(_ host: Substring) -> String {
    let portStart = host.hasPrefix("[") ? host.firstIndex(of: "]") : host.startIndex
    guard let portStart, let colon = host[portStart...].firstIndex(of: ":") else {
      return String(host)
    }
    let port = host[host.index(after: colon)...]
    return port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber)
      ? String(host) : host[...colon] + "…"
  }

  /// `key=value` pairs as libpq reads them, but `password`; once the text stops reading as
  /// pairs, the rest is shown as `…`.
  private static func redactedConninfo(_ text: String) -> String {
    var kept: [String] = []
    var scanner = Substring(text)
    func skipSpaces() { scanner = scanner.drop { $0.isWhitespace } }
    while true {
      skipSpaces()
      guard !scanner.isEmpty else { break }
      let key = scanner.prefix { !$0.isWhitespace && $0 != "=" }
      scanner = scanner.dropFirst(key.count)
      skipSpaces()
      guard !key.isEmpty, scanner.first == "=" else {
        kept.append("…")
        break
      }
      scanner = scanner.dropFirst()
      skipSpaces()
      let value = conninfoValue(&scanner)
      if key.lowercased() != "password" { kept.append(key + "=" + value) }
    }
    return kept.joined(separator: " ")
  }

  /// The value at the start of `scanner` as written (quoted or not, escapes kept), which it
  /// moves past.
  private static func conninfoValue(_ scanner: inout Substring) -> String {
    var value = ""
    let quoted = scanner.first == "'"
    if quoted {
      value.append("'")
      scanner = scanner.dropFirst()
    }
    while let c = scanner.first {
      if !quoted && c.isWhitespace { break }
      scanner = scanner.dropFirst()
      value.append(c)
      if c == "\\", let next = scanner.first {
        value.append(next)
        scanner = scanner.dropFirst()
      } else if quoted && c == "'" {
        break
      }
    }
    return value
  }

  /// `%XX` escapes decoded; anything else (a `%` without two hex digits) kept as it is.
  static func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
        let low = hexValue(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value of one hex digit, or nil.
  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
