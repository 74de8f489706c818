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

  /// Reads one credentials file; nil when it does not exist. The checks (a regular file, not
  /// a symbolic link, FIFO or folder; owned by this user; mode 0600; size) are made on the
  /// opened descriptor, so the file checked is the file read.
  static func read(_ path: String) throws(SyncFailure) -> SourceCredentials? {
    // O_NOFOLLOW refuses a symbolic link; O_NONBLOCK keeps a FIFO from blocking the open.
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP {
        throw .refused("\(path): not a regular file (a symbolic link is refused)")
      }
      throw .refused("\(path): cannot read: \(String(cString: strerror(code)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .refused("\(path): cannot read: \(String(cString: strerror(errno)))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .refused("\(path): not a regular file (a symbolic link, FIFO or folder is refused)")
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
    guard let data = readBounded(fd), let text = String(data: data, encoding: .utf8) else {
      throw .refused("\(path): cannot read it as UTF-8 text of at most \(maxFileSize >> 10) KB")
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

  /// At most `maxFileSize` bytes from `fd`; nil on a read error or when there is more (the
  /// file grew after it was checked).
  private static func readBounded(_ fd: Int32) -> Data? {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 8192)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { return data }
      data.append(contentsOf: chunk[0..<n])
      if data.count > maxFileSize { return nil }
    }
  }
}
