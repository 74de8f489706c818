/// One OS release or one RSR/BSI as the catalog knows it.
public struct CatalogRelease: Sendable, Hashable, Codable {
  /// Whether Apple still offers a release, and why not.
  public enum Status: String, Sendable, Codable, CaseIterable {
    case released, pulled, replaced, superseded, beta, `internal`
  }

  public var family: PlatformFamily
  public var version: OSVersionNumber
  /// The RSR/BSI letter; nil for a full OS release.
  public var letter: Character?
  public var build: AppleBuild?
  /// The build an RSR installs on top of.
  public var prerequisiteBuild: AppleBuild?
  /// `YYYY-MM-DD`.
  public var released: String?
  public var status: Status
  /// For a pulled or replaced RSR, the letter that replaced it.
  public var replacedBy: Character?
  /// The full OS release that also contains this RSR's fixes.
  public var supersededBy: OSVersionNumber?
  /// The last day Apple signs it (GDMF `ExpirationDate`); after it the release cannot be
  /// installed. Only known for releases Apple's feed listed.
  public var expires: String?
  /// The hardware it installs on.
  public var devices: HardwareScope
  /// Where sources disagree, and which one won.
  public var notes: String
  /// Where the facts came from.
  public var source: String

  public init(
    family: PlatformFamily, version: OSVersionNumber, letter: Character? = nil,
    build: AppleBuild? = nil, prerequisiteBuild: AppleBuild? = nil, released: String? = nil,
    status: Status = .released, replacedBy: Character? = nil, supersededBy: OSVersionNumber? = nil,
    expires: String? = nil, devices: HardwareScope = .all, notes: String = "", source: String = ""
  ) {
    self.family = family
    self.version = version
    self.letter = letter
    self.build = build
    self.prerequisiteBuild = prerequisiteBuild
    self.released = released
    self.status = status
    self.replacedBy = replacedBy
    self.supersededBy = supersededBy
    self.expires = expires
    self.devices = devices
    self.notes = notes
    self.source = source
  }

  public var isRSR: Bool { letter != nil }

  /// How far its facts are trusted when sources disagree: Apple's own feed first, then the
  /// curated builtin data, then a SOFA feed (which copied watchOS builds into iOS rows in 2026
  /// and gives GDMF's pair builds, 22H6374 for 18.7.10's 22H374). Told by how the release came
  /// in (`GDMFFeed` and `SOFAFeed` name their file after these words), not by what the
  /// builtin row cites: the builtin took many facts from SOFA and corrected them, and a feed
  /// imported later must not undo the corrections.
  public var authority: Int {
    if source.hasPrefix(GDMFFeed.sourcePrefix) { return 3 }
    if source.hasPrefix(SOFAFeed.sourcePrefix) { return 1 }
    return 2
  }
  /// Seed-only and internal releases never reach managed devices.
  public var isPublic: Bool { status != .beta && status != .internal }
  /// Pulled or replaced: a device on it should move to the replacement.
  public var isWithdrawn: Bool { status == .pulled || status == .replaced }

  /// "BSI" from OS 26, when Apple renamed Rapid Security Responses.
  public var kindName: String {
    guard isRSR else { return "OS" }
    return version.major >= 26 ? "BSI" : "RSR"
  }

  /// `16.5.1 (c)` or `26.6.1`.
  public var displayVersion: String {
    letter.map { "\(version) (\($0))" } ?? version.description
  }

  public var mark: RSRMark { letter.map(RSRMark.letter) ?? .none }

  /// True when this RSR can install on a device running `build` (unknown builds may).
  public func applies(toBuild deviceBuild: AppleBuild?) -> Bool {
    guard let prerequisiteBuild, let deviceBuild else { return true }
    return prerequisiteBuild == deviceBuild
  }

  /// True when Apple no longer signs it on `day` (`YYYY-MM-DD`): its expiration day has passed.
  public func hasExpired(on day: String) -> Bool {
    guard let expires else { return false }
    return day > expires
  }

  enum CodingKeys: String, CodingKey {
    case family, version, letter, build, prerequisiteBuild, released, status, replacedBy
    case supersededBy, expires, devices, notes, source
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    family = try c.decode(PlatformFamily.self, forKey: .family)
    version = try c.decode(OSVersionNumber.self, forKey: .version)
    letter = try c.decodeIfPresent(String.self, forKey: .letter)?.first
    build = try c.decodeIfPresent(AppleBuild.self, forKey: .build)
    prerequisiteBuild = try c.decodeIfPresent(AppleBuild.self, forKey: .prerequisiteBuild)
    released = try c.decodeIfPresent(String.self, forKey: .released)
    status = try c.decode(Status.self, forKey: .status)
    replacedBy = try c.decodeIfPresent(String.self, forKey: .replacedBy)?.first
    supersededBy = try c.decodeIfPresent(OSVersionNumber.self, forKey: .supersededBy)
    expires = try c.decodeIfPresent(String.self, forKey: .expires)
    let scope = try c.decodeIfPresent(String.self, forKey: .devices) ?? ""
    do { devices = try HardwareScope(parsing: scope) } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .devices, in: c, debugDescription: error.description)
    }
    notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
    source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(family, forKey: .family)
    try c.encode(version.description, forKey: .version)
    try c.encodeIfPresent(letter.map(String.init), forKey: .letter)
    try c.encodeIfPresent(build, forKey: .build)
    try c.encodeIfPresent(prerequisiteBuild, forKey: .prerequisiteBuild)
    try c.encodeIfPresent(released, forKey: .released)
    try c.encode(status, forKey: .status)
    try c.encodeIfPresent(replacedBy.map(String.init), forKey: .replacedBy)
    try c.encodeIfPresent(supersededBy?.description, forKey: .supersededBy)
    try c.encodeIfPresent(expires, forKey: .expires)
    if !devices.isAll { try c.encode(devices.text, forKey: .devices) }
    if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
    try c.encode(source, forKey: .source)
  }
}

extension OSVersionNumber {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let v = OSVersionNumber(text) else {
      throw VersionParseError(input: text, expected: "a version such as \"16.4.1\"")
    }
    self = v
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
