import Foundation

/// Reads a SOFA v2 feed (`ios_data_feed.json`, `macos_data_feed.json`, as macadmins publish
/// and admins mirror) into catalog releases, without any network access.
public enum SOFAFeed {
  /// How the releases it gives name their source, before the file's name.
  static let sourcePrefix = "SOFA feed"

  /// Parses the feed; errors name the file and the JSON path or line of the problem.
  public static func parse(_ data: Data, file: String) throws(CatalogError) -> [CatalogRelease] {
    do {
      return try parseTree(data, file: file)
    } catch {
      guard let line = error.line.flatMap({ lineNumber(of: $0, in: data) }) else { throw error }
      throw CatalogError(
        file: file, location: "line \(line), \(error.location)", reason: error.reason)
    }
  }

  /// The line of a Foundation JSON syntax error, which reports "around character N".
  static func jsonErrorLine(_ detail: String, _ data: Data) -> Int? {
    guard let range = detail.range(of: "character ") else { return nil }
    let digits = detail[range.upperBound...].prefix { $0.isASCIIDigit }
    guard let offset = Int(digits) else { return nil }
    return data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
  }

  /// The 1-based line of the first occurrence of `needle` in `data`.
  static func lineNumber(of needle: String, in data: Data) -> Int? {
    let bytes = [UInt8](data)
    let pattern = [UInt8](needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    var line = 1
    var i = 0
    while i + pattern.count <= bytes.count {
      if bytes[i] == pattern[0] && Array(bytes[i..<(i + pattern.count)]) == pattern { return line }
      if bytes[i] == 0x0A { line += 1 }
      i += 1
    }
    return nil
  }

  private static func parseTree(_ data: Data, file: String) throws(CatalogError) -> [CatalogRelease]
  {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      let detail =
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
      throw CatalogError(
        file: file, location: jsonErrorLine(detail, data).map { "line \($0)" } ?? "",
        reason: "not valid JSON (\(detail))")
    }
    guard let top = root as? [String: Any] else {
      throw CatalogError(
        file: file, location: "$", reason: "expected a JSON object (a SOFA v2 feed)")
    }
    guard let osVersions = top["OSVersions"] as? [[String: Any]] else {
      throw CatalogError(
        file: file, location: "OSVersions",
        reason: "missing; a SOFA v2 feed has OSVersions and BackgroundSecurityImprovements")
    }
    let family = try detectFamily(top, osVersions: osVersions, file: file)
    let source = "\(sourcePrefix) \(URL(fileURLWithPath: file).lastPathComponent)"
    var releases: [CatalogRelease] = []
    var seen: [OSVersionNumber: Int] = [:]
    for (i, osVersion) in osVersions.enumerated() {
      guard let security = osVersion["SecurityReleases"] as? [[String: Any]] else {
        throw CatalogError(
          file: file, location: "OSVersions[\(i)].SecurityReleases", reason: "missing or not a list"
        )
      }
      for (j, item) in security.enumerated() {
        let path = "OSVersions[\(i)].SecurityReleases[\(j)]"
        let version = try versionNumber(item["ProductVersion"], at: path + ".ProductVersion", file)
        let build = try optionalBuild(item["Build"], at: path + ".Build", file)
        let date = (item["ReleaseDate"] as? String).map { String($0.prefix(10)) }
        if let k = seen[version] {
          if let date, (releases[k].released ?? "9999") > date { releases[k].released = date }
          if releases[k].build == nil { releases[k].build = build }
          continue
        }
        seen[version] = releases.count
        releases.append(
          CatalogRelease(
            family: family, version: version, build: build, released: date, source: source))
      }
    }
    if let bsis = top["BackgroundSecurityImprovements"] {
      guard let byMajor = bsis as? [String: Any] else {
        throw CatalogError(
          file: file, location: "BackgroundSecurityImprovements", reason: "expected an object")
      }
      for major in byMajor.keys.sorted() {
        guard let list = byMajor[major] as? [[String: Any]] else {
          throw CatalogError(
            file: file, location: "BackgroundSecurityImprovements.\(major)",
            reason: "expected a list")
        }
        for (k, item) in list.enumerated() {
          let path = "BackgroundSecurityImprovements.\(major)[\(k)]"
          releases.append(try bsi(item, path: path, family: family, file: file, source: source))
        }
      }
    }
    return releases
  }

  private static func bsi(
    _ item: [String: Any], path: String, family: PlatformFamily, file: String, source: String
  ) throws(CatalogError) -> CatalogRelease {
    // Spring 2026 feeds wrote this block in snake_case, without the letter: it is then read
    // from the build's last character (23D771330a is (a)) and noted.
    let snake = item["VersionExtra"] == nil && item["version"] != nil
    let item = snake ? camelCased(item) : item
    let version = try versionNumber(item["Version"], at: path + ".Version", file)
    let fromBuild = (item["Build"] as? String)?.last.flatMap { $0.isLowercase ? "(\($0))" : nil }
    let extra = item["VersionExtra"] as? String ?? (snake ? fromBuild ?? "" : "")
    let mark: RSRMark
    do { mark = try RSRMark.parse(extra) } catch {
      throw CatalogError(
        file: file, location: path + ".VersionExtra", reason: error.description,
        near: needle(path + ".VersionExtra", extra))
    }
    guard let letter = mark.letter else {
      throw CatalogError(
        file: file, location: path + ".VersionExtra", reason: "expected a letter such as \"(a)\"")
    }
    guard let build = try optionalBuild(item["Build"], at: path + ".Build", file) else {
      throw CatalogError(file: file, location: path + ".Build", reason: "missing")
    }
    let superseded = (item["SupersededBy"] as? [String: Any])?["ProductVersion"] as? String
    let devices = (item["SupportedDevices"] as? [Any])?.compactMap { $0 as? String } ?? []
    return CatalogRelease(
      family: family, version: version, letter: letter, build: build,
      prerequisiteBuild: try optionalBuild(
        item["PrerequisiteBuild"], at: path + ".PrerequisiteBuild", file),
      released: (item["PostingDate"] as? String).map { String($0.prefix(10)) },
      supersededBy: superseded.flatMap { OSVersionNumber($0) },
      devices: GDMFFeed.scope(devices, family: family),
      notes: snake ? "letter read from the build (the feed has no VersionExtra)" : "",
      source: source)
  }

  /// `posting_date` → `PostingDate`, for the spring-2026 BSI block.
  static func camelCased(_ item: [String: Any]) -> [String: Any] {
    var out: [String: Any] = [:]
    for (key, value) in item {
      let words = key.split(separator: "_")
      out[words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()] = value
    }
    return out
  }

  /// The feed's `LastCheck` day, when it has one.
  public static func asOf(_ data: Data) -> String? {
    guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let check = top["LastCheck"] as? String, check.count >= 10
    else { return nil }
    return try? CatalogCSV.day(String(check.prefix(10)))
  }

  private static func detectFamily(
    _ top: [String: Any], osVersions: [[String: Any]], file: String
  ) throws(CatalogError) -> PlatformFamily {
    let names = osVersions.compactMap {
      ($0["Latest"] as? [String: Any])?["ProductName"] as? String
    }
    if names.contains(where: { $0.lowercased().hasPrefix("macos") })
      || top["XProtectPayloads"] != nil
    {
      return .macOS
    }
    if names.contains(where: { $0.lowercased().contains("ios") }) { return .iOS }
    throw CatalogError(
      file: file, location: "OSVersions[0].Latest.ProductName",
      reason: "cannot tell whether this is the iOS or the macOS feed")
  }

  private static func versionNumber(
    _ value: Any?, at path: String, _ file: String
  ) throws(CatalogError) -> OSVersionNumber {
    guard let text = value as? String, let v = OSVersionNumber(text) else {
      throw CatalogError(
        file: file, location: path,
        reason: "expected a version such as \"26.3.1\", found \(describe(value))",
        near: needle(path, value))
    }
    return v
  }

  private static func optionalBuild(
    _ value: Any?, at path: String, _ file: String
  ) throws(CatalogError) -> AppleBuild? {
    guard let value, !(value is NSNull) else { return nil }
    guard let text = value as? String else {
      throw CatalogError(
        file: file, location: path, reason: "expected a string, found \(describe(value))",
        near: needle(path, value))
    }
    if text.isEmpty { return nil }
    do { return try AppleBuild(text) } catch {
      throw CatalogError(
        file: file, location: path, reason: error.description, near: needle(path, value))
    }
  }

  /// `"Key": "value"` as a pretty-printed feed writes it, to find the line of a bad value.
  private static func needle(_ path: String, _ value: Any?) -> String? {
    guard let key = path.split(separator: ".").last else { return nil }
    switch value {
    case let s as String: return "\"\(key)\": \"\(s)\""
    case let n as NSNumber: return "\"\(key)\": \(n)"
    default: return "\"\(key)\""
    }
  }

  private static func describe(_ value: Any?) -> String {
    switch value {
    case nil: "nothing"
    case let s as String: String(reflecting: Sanitized.text(s, limit: 40))
    case is NSNull: "null"
    case let n as NSNumber: "the number \(n)"
    default: "a \(type(of: value!))"
    }
  }
}
