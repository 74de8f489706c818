import Foundation

/// The settings and secrets of one source, from its credentials file or the environment.
///
/// The file is `KEY=VALUE` lines (`#` starts a comment): `tenant_id`, `client_id`,
/// `client_secret`, `client_certificate_file` (Graph), `token`, `url`, `auth_url`. It must belong to the user running the sync and
/// be mode 0600; anything readable by others is refused with the reason.
public struct SourceCredentials: Sendable {
  public var values: [String: String]
  /// Where they came from, for messages: a path or "the environment".
  public var origin: String

  public init(values: [String: String], origin: String) {
    self.values = values
    self.origin = origin
  }

  public subscript(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }

  /// The value of `key`, or a refusal naming where it is missing.
  func required(_ key: String, source: SyncSource) throws(SyncFailure) -> String {
    guard let value = self[key] else {
      let variable = source.environmentNames[key].map { " or $\($0)" } ?? ""
      throw .refused(
        "\(origin) has no \(key) for \(source.rawValue): set \(key)=...\(variable)")
    }
    return value
  }

  /// Every secret value, for scrubbing messages.
  var secrets: [String] {
    ["client_secret", "token"].compactMap { self[$0] }.filter { $0.count >= 4 }
  }

  static let keys: Set<String> = [
    "tenant_id", "client_id", "client_secret", "token", "url", "auth_url",
    "client_certificate_file",
  ]

  /// The credentials for `source`: the environment variables when any credential is set,
  /// else `userDirectory/SOURCE.conf`, else `sharedDirectory/SOURCE.conf` (with the URL
  /// variable, when set alone, in place of the file's `url`).
  public static func load(
    _ source: SyncSource, environment: [String: String], userDirectory: String?,
    sharedDirectory: String?
  ) throws(SyncFailure) -> SourceCredentials {
    var fromEnvironment: [String: String] = [:]
    for (key, name) in source.environmentNames {
      guard let value = environment[name], !value.isEmpty else { continue }
      guard !hasControlCharacters(value) else {
        throw .refused("$\(name) holds a control character (a newline or carriage return?)")
      }
      fromEnvironment[key] = value
    }
    // The environment stands in for the file when it holds a credential; a lone URL variable
    // only points the file's credentials at another server.
    if fromEnvironment.keys.contains(where: { $0 != "url" }) {
      return SourceCredentials(values: fromEnvironment, origin: "the environment")
    }
    for directory in [userDirectory, sharedDirectory].compactMap({ $0 }) {
      let path = directory + "/" + source.rawValue + ".conf"
      if var found = try read(path) {
        if let url = fromEnvironment["url"] { found.values["url"] = url }
        return found
      }
    }
    let names = source.environmentNames.values.sorted().map { "$" + $0 }.joined(separator: ", ")
    let places = [userDirectory, sharedDirectory].compactMap { $0 }.map {
      "\($0)/\(source.rawValue).conf"
    }
    throw .refused(
      "no credentials for \(source.rawValue): create \(places.joined(separator: " or ")) (mode 0600), or set \(names)"
    )
  }

  /// Reads one credentials file, after `PrivateFile`'s checks; nil when it does not exist.
  static func read(_ path: String) throws(SyncFailure) -> SourceCredentials? {
    guard
      var bytes = try PrivateFile.read(path, holding: "the secrets", kind: "a credentials file")
    else { return nil }
    defer { for i in bytes.indices { bytes[i] = 0 } }
    guard let text = String(bytes: bytes, encoding: .utf8) else {
      throw .refused(
        "\(path): cannot read it as UTF-8 text of at most \(PrivateFile.maxSize >> 10) KB")
    }
    var values: [String: String] = [:]
    // `isNewline` also splits CRLF ("\r\n" is one Character, which a split on "\n" misses).
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw .refused("\(path), line \(index + 1): expected KEY=VALUE")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      guard keys.contains(key) else {
        throw .refused(
          "\(path), line \(index + 1): unknown key (known: \(keys.sorted().joined(separator: ", ")))"
        )
      }
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      guard !hasControlCharacters(value) else {
        throw .refused("\(path), line \(index + 1): the value of \(key) holds a control character")
      }
      values[key] = value
    }
    return SourceCredentials(values: values, origin: path)
  }

  /// True when `text` holds a control character: in an HTTP header it would end the line (a
  /// CRLF file's `\r`, or a header injected after it).
  static func hasControlCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }
}
