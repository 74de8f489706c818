import Foundation

/// Reads Apple's software-update feed as admins save it (`curl https://gdmf.apple.com/v2/pmv`,
/// or SOFA's cached copy that wraps it in `{"etag": …, "data": …}`): every iOS/iPadOS and
/// macOS release with its posting and expiration dates and supported devices, and the
/// Background Security Improvements with their prerequisite builds. watchOS, tvOS, HomePod and
/// visionOS entries (Apple lists some of them under "iOS") are told apart by their devices and
/// left out.
public enum GDMFFeed {
  /// How the releases it gives name their source, before the file's name.
  static let sourcePrefix = "Apple GDMF"

  /// What the feed holds, and the day it speaks for: its newest posting date.
  public struct Contents: Sendable {
    public let releases: [CatalogRelease]
    public let asOf: String?
  }

  /// Mac board IDs that Apple's feed uses where a release is for a few models only, with the
  /// model identifier devices report (J700AP: the MacBook Neo, Mac17,5, per SOFA's BSI log).
  static let boardModels = ["J700AP": "Mac17,5"]

  /// True when the data looks like a GDMF response (or SOFA's wrapped copy of one).
  public static func recognizes(_ data: Data) -> Bool {
    guard let top = try? JSONSerialization.jsonObject(with: data.prefix(64 << 20)) as? [String: Any]
    else { return false }
    let body = (top["data"] as? [String: Any]) ?? top
    return body["PublicAssetSets"] != nil || body["AssetSets"] != nil
      || body["PublicBackgroundSecurityImprovements"] != nil
  }

  /// Parses the feed; errors name the file and the JSON path of the problem.
  public static func parse(_ data: Data, file: String) throws(CatalogError) -> Contents {
    let root: Any
    do { root = try JSONSerialization.jsonObject(with: data) } catch {
      let detail =
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
      throw CatalogError(
        file: file, location: SOFAFeed.jsonErrorLine(detail, data).map { "line \($0)" } ?? "",
        reason: "not valid JSON (\(detail))")
    }
    guard let top = root as? [String: Any] else {
      throw CatalogError(file: file, location: "$", reason: "expected a JSON object (a GDMF feed)")
    }
    let body = (top["data"] as? [String: Any]) ?? top
    let source = "\(sourcePrefix) \(URL(fileURLWithPath: file).lastPathComponent)"
    var byVersion: [String: CatalogRelease] = [:]
    var newest = ""
    for set in ["PublicAssetSets", "AssetSets"] {
      guard let platforms = body[set] else { continue }
      guard let platforms = platforms as? [String: Any] else {
        throw CatalogError(file: file, location: set, reason: "expected an object")
      }
      for key in platforms.keys.sorted() {
        guard let list = platforms[key] as? [[String: Any]] else {
          throw CatalogError(file: file, location: "\(set).\(key)", reason: "expected a list")
        }
        for (i, item) in list.enumerated() {
          let path = "\(set).\(key)[\(i)]"
          guard let release = try osRelease(item, path: path, file: file, source: source) else {
            continue
          }
          newest = max(newest, release.released ?? "")
          let id = "\(release.family.rawValue) \(release.version)"
          byVersion[id] = byVersion[id].map { merge($0, release) } ?? release
        }
      }
    }
    var releases = byVersion.keys.sorted().compactMap { byVersion[$0] }
    if let bsis = body["PublicBackgroundSecurityImprovements"] {
      guard let platforms = bsis as? [String: Any] else {
        throw CatalogError(
          file: file, location: "PublicBackgroundSecurityImprovements", reason: "expected an object"
        )
      }
      for key in platforms.keys.sorted() {
        let path = "PublicBackgroundSecurityImprovements.\(key)"
        guard let list = platforms[key] as? [[String: Any]] else {
          throw CatalogError(file: file, location: path, reason: "expected a list")
        }
        for (i, item) in list.enumerated() {
          let r = try bsi(item, path: "\(path)[\(i)]", file: file, source: source)
          newest = max(newest, r.released ?? "")
          releases.append(r)
        }
      }
    }
    return Contents(releases: releases, asOf: newest.isEmpty ? nil : newest)
  }

  /// Two entries of one version (a build and its `6`-pair, or the same build in two sets):
  /// the shorter build, the union of devices, the earliest posting and the latest expiry.
  static func merge(_ a: CatalogRelease, _ b: CatalogRelease) -> CatalogRelease {
    var r = a
    if let bb = b.build, (a.build?.text.count ?? .max) > bb.text.count { r.build = bb }
    r.released = [a.released, b.released].compactMap { $0 }.min()
    r.expires = [a.expires, b.expires].compactMap { $0 }.max()
    let models = (a.devices.models ?? []).union(b.devices.models ?? [])
    r.devices = HardwareScope(identifiers: Array(models))
    return r
  }

  private static func family(of devices: [String], key: String) -> PlatformFamily? {
    if devices.contains(where: { $0.hasPrefix("iPhone") || $0.hasPrefix("iPad") }) { return .iOS }
    if key == "macOS" { return .macOS }
    return nil
  }

  private static func osRelease(
    _ item: [String: Any], path: String, file: String, source: String
  ) throws(CatalogError) -> CatalogRelease? {
    let devices = try strings(item["SupportedDevices"], at: path + ".SupportedDevices", file)
    let key = path.split(separator: ".").dropFirst().first.map { String($0.prefix { $0 != "[" }) }
    guard let family = family(of: devices, key: key ?? "") else { return nil }
    return CatalogRelease(
      family: family, version: try version(item["ProductVersion"], at: path, file),
      build: try build(item["Build"], at: path + ".Build", file),
      released: try day(item["PostingDate"], at: path + ".PostingDate", file),
      expires: try day(item["ExpirationDate"], at: path + ".ExpirationDate", file),
      devices: scope(devices, family: family), source: source)
  }

  private static func bsi(
    _ item: [String: Any], path: String, file: String, source: String
  ) throws(CatalogError) -> CatalogRelease {
    let devices = try strings(item["SupportedDevices"], at: path + ".SupportedDevices", file)
    guard let family = family(of: devices, key: path.contains(".macOS") ? "macOS" : "") else {
      throw CatalogError(
        file: file, location: path + ".SupportedDevices",
        reason: "no iPhone, iPad or Mac among the supported devices")
    }
    let extra = item["ProductVersionExtra"] as? String ?? ""
    guard let letter = try? RSRMark.parse(extra).letter else {
      throw CatalogError(
        file: file, location: path + ".ProductVersionExtra",
        reason: "expected a letter such as \"(a)\", found \(Sanitized.text(extra, limit: 20))")
    }
    guard let build = try build(item["Build"], at: path + ".Build", file) else {
      throw CatalogError(file: file, location: path + ".Build", reason: "missing")
    }
    return CatalogRelease(
      family: family, version: try version(item["ProductVersion"], at: path, file),
      letter: letter, build: build,
      prerequisiteBuild: try self.build(
        item["PrerequisiteBuild"], at: path + ".PrerequisiteBuild", file),
      released: try day(item["PostingDate"], at: path + ".PostingDate", file),
      expires: try day(item["ExpirationDate"], at: path + ".ExpirationDate", file),
      devices: scope(devices, family: family), source: source)
  }

  /// iPhone and iPad product types as they are; Mac board IDs only when every one of them maps
  /// to a model identifier (a one-model release), else every Mac.
  static func scope(_ devices: [String], family: PlatformFamily) -> HardwareScope {
    if family == .iOS {
      return HardwareScope(
        identifiers: devices.filter { $0.hasPrefix("iPhone") || $0.hasPrefix("iPad") })
    }
    let models = devices.compactMap { boardModels[$0] }
    return models.count == devices.count ? HardwareScope(identifiers: models) : .all
  }

  private static func version(_ value: Any?, at path: String, _ file: String) throws(CatalogError)
    -> OSVersionNumber
  {
    guard let text = value as? String, let v = OSVersionNumber(text) else {
      throw CatalogError(
        file: file, location: path + ".ProductVersion",
        reason: "expected a version such as \"26.3.1\"")
    }
    return v
  }

  private static func build(_ value: Any?, at path: String, _ file: String) throws(CatalogError)
    -> AppleBuild?
  {
    guard let value, !(value is NSNull) else { return nil }
    guard let text = value as? String, let b = try? AppleBuild(text) else {
      throw CatalogError(file: file, location: path, reason: "expected a build such as \"23D8133\"")
    }
    return b
  }

  private static func day(_ value: Any?, at path: String, _ file: String) throws(CatalogError)
    -> String?
  {
    guard let value, !(value is NSNull) else { return nil }
    guard let text = value as? String, text.count >= 10 else {
      throw CatalogError(file: file, location: path, reason: "expected a date such as 2026-11-20")
    }
    do { return try CatalogCSV.day(String(text.prefix(10))) } catch {
      throw CatalogError(file: file, location: path, reason: error.reason)
    }
  }

  private static func strings(_ value: Any?, at path: String, _ file: String) throws(CatalogError)
    -> [String]
  {
    guard let value else { return [] }
    guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
      throw CatalogError(file: file, location: path, reason: "expected a list of model names")
    }
    return list.compactMap { $0 as? String }
  }
}
