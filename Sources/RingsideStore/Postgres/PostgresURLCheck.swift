import Foundation

extension PostgresURL {
  /// The URL as libpq gets it (the scheme in lower case: libpq does not know `PostgreSQL://`
  /// and would read the text as a database name), or a `.malformedLocation` error that says
  /// what is wrong and shows the URL only without its password. Catches what libpq would
  /// quote back in its own error (a password's bare `%`, or the part after its bare `@`),
  /// a port that is not a number, a keyword/value string and a URL without its `//`.
  static func check(_ text: String) throws(StoreError) -> String {
    let shown = redacted(text)
    if isConninfo(text) {
      throw StoreError(
        .malformedLocation,
        "\(shown) is a PostgreSQL keyword/value connection string, which Ringside does not take "
          + "(it would be taken for a file name): write it as a URL, "
          + "postgresql://USER@HOST:PORT/DBNAME; a SQLite file of that name needs ./ before it")
    }
    guard let (scheme, rest) = splitScheme(text), scheme.hasSuffix("//") else {
      throw StoreError(
        .malformedLocation,
        "\(shown) starts as a PostgreSQL URL but has no // after the scheme: write "
          + "postgresql://USER@HOST:PORT/DBNAME; a SQLite file of that name needs ./ before it")
    }
    if let problem = problem(inURLAfterScheme: rest) {
      throw StoreError(.malformedLocation, "the PostgreSQL URL \(shown) is malformed: \(problem)")
    }
    return scheme.lowercased() + rest
  }

  /// What is wrong with a URL's text after `postgresql://`, or nil.
  private static func problem(inURLAfterScheme rest: Substring) -> String? {
    let ats = rest.indices.filter { rest[$0] == "@" }
    let firstSlashOrMark = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    if ats.count > 1 {
      return "it holds more than one @; an @ in the user name or password must be written %40"
    }
    if let at = ats.first, firstSlashOrMark < at {
      return "it has a / or ? before its @: in the user name or password write / as %2F, "
        + "? as %3F (an @ in the database name or a parameter as %40)"
    }
    let at = ats.first
    let password =
      at.flatMap { at in rest[..<at].firstIndex(of: ":").map { rest.index(after: $0)..<at } }
    if let bad = badPercent(in: rest) {
      if bad.isZero { return "it holds %00, which libpq refuses" }
      return password?.contains(bad.index) == true
        ? "its password holds a % that is not percent-encoding; write it as %25"
        : "it holds a % that is not followed by two hex digits; write a % as %25"
    }
    let authority = rest[(at.map { rest.index(after: $0) } ?? rest.startIndex)...]
    let hostEnd = authority.firstIndex { $0 == "/" || $0 == "?" } ?? authority.endIndex
    for host in authority[..<hostEnd].split(separator: ",", omittingEmptySubsequences: false) {
      if let problem = problem(inHost: host, hasAt: at != nil) { return problem }
    }
    if let mark = authority[hostEnd...].firstIndex(of: "?") {
      return problem(inQuery: authority[authority.index(after: mark)...])
    }
    return nil
  }

  /// What is wrong with one `host:port` of the URL (a bracketed IPv6 address, a port that is
  /// not a number), or nil.
  private static func problem(inHost host: Substring, hasAt: Bool) -> String? {
    var portStart = host.startIndex
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else {
        return "an IPv6 host's [ has no ]"
      }
      portStart = host.index(after: close)
      if portStart < host.endIndex, host[portStart] != ":" {
        return "an IPv6 host's ] must be followed by : and the port, or end the host"
      }
    }
    guard let colon = host[portStart...].firstIndex(of: ":") else { return nil }
    let port = host[host.index(after: colon)...]
    guard port.isEmpty || isPort(port) else {
      return "its port is not a number from 1 to 65535"
        + (hasAt
          ? "" : " (a password goes before an @: postgresql://USER:PASSWORD@HOST:PORT/DBNAME)")
    }
    return nil
  }

  /// What is wrong with the URL's parameters (after `?`), or nil: each must be `key=value`
  /// (an `&` or `=` in a password must be encoded), and a `port` must be a number.
  private static func problem(inQuery query: Substring) -> String? {
    for parameter in query.split(separator: "&") {
      let parts = parameter.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        return "a parameter after ? is not one key=value; in a value write & as %26, = as %3D"
      }
      if percentDecoded(parts[0]).lowercased() == "port",
        !percentDecoded(parts[1]).split(separator: ",").allSatisfy(isPort)
      {
        return "its port parameter is not a number from 1 to 65535"
      }
    }
    return nil
  }

  /// Digits only, 1 to 65535.
  private static func isPort(_ text: Substring) -> Bool {
    text.count <= 5 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      && (1...65535).contains(Int(text) ?? 0)
  }

  /// The first `%` not followed by two hex digits, or the first `%00` (`isZero`).
  private static func badPercent(in text: Substring) -> (index: Substring.Index, isZero: Bool)? {
    var index = text.startIndex
    while let percent = text[index...].firstIndex(of: "%") {
      let digits = text[text.index(after: percent)...].utf8.prefix(2)
      guard digits.count == 2, digits.allSatisfy({ hexValue($0) != nil }) else {
        return (percent, false)
      }
      if digits.elementsEqual("00".utf8) { return (percent, true) }
      index = text.index(after: percent)
    }
    return nil
  }
}
