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
  static let maxFileSize = 64 << 10

  /// The credentials for `source`: the environment variables when any is set, else
  /// `userDirectory/SOURCE.conf`, else `sharedDirectory/SOURCE.conf`.
  public static func load(
    _ source: SyncSource, environment: [String: String], userDirectory: String?,
    sharedDirectory: String?
  ) throws(SyncFailure) -> SourceCredentials {
    var fromEnvironment: [String: String] = [:]
    for (key, name) in source.environmentNames {
      if let value = environment[name], !value.isEmpty { fromEnvironment[key] = value }
    }
    if !fromEnvironment.isEmpty {
      return SourceCredentials(values: fromEnvironment, origin: "the environment")
    }
    for directory in [userDirectory, sharedDirectory].compactMap({ $0 }) {
      let path = directory + "/" + source.rawValue + ".conf"
      if let found = try read(path) { return found }
    }
    let names = source.environmentNames.values.sorted().map { "$" + $0 }.joined(separator: ", ")
    let places = [userDirectory, sharedDirectory].compactMap { $0 }.map {
      "\($0)/\(source.rawValue).conf"
    }
    throw .refused(
      "no credentials for \(source.rawValue): create \(places.joined(separator: " or ")) (mode 0600), or set \(names)"
    )
  }

  /// Reads one credentials file; nil when it does not exist.
  static func read(_ path: String) throws(SyncFailure) -> SourceCredentials? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw .refused("\(path): cannot read: \(String(cString: strerror(errno)))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .refused("\(path): not a regular file (a symbolic link or folder is refused)")
    }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw .refused(
        "\(path): mode \(String(mode, radix: 8)) lets other users read the secrets; run chmod 600 \(path)"
      )
    }
    guard info.st_uid == geteuid() else {
      throw .refused(
        "\(path): belongs to uid \(info.st_uid), not to the user running the sync (uid \(geteuid()))"
      )
    }
    guard info.st_size <= maxFileSize else {
      throw .refused("\(path): larger than \(maxFileSize >> 10) KB; not a credentials file")
    }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw .refused("\(path): cannot read it as UTF-8 text") }
    var values: [String: String] = [:]
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
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
      values[key] = value
    }
    return SourceCredentials(values: values, origin: path)
  }
}
