import RingsideDomain

/// One file Ringside writes for a ring (and platform family), with its exact bytes.
public struct ProfileFile: Sendable, Hashable {
  /// The two formats written per ring and family, and the two membership files per ring.
  public enum Kind: String, Sendable, CaseIterable, Hashable {
    /// An XML `.mobileconfig` for the MDM's custom-profile upload.
    case configurationProfile = "mobileconfig"
    /// A declarative `softwareupdate.settings` configuration as JSON.
    case declaration = "ddm.json"
    /// The ring's serials, one per line.
    case serialList = "serials.txt"
    /// The ring's devices as CSV (`serial,name`).
    case membersCSV = "members.csv"
  }

  public let ring: String
  /// The platform family of a profile or declaration; nil for a membership file.
  public let family: PlatformFamily?
  public let kind: Kind
  public let text: String
  /// Lowercase hex SHA-256 of the bytes.
  public let sha256: String

  public init(ring: String, family: PlatformFamily, kind: Kind, text: String) {
    self.ring = ring
    self.family = family
    self.kind = kind
    self.text = text
    sha256 = SHA256.hex(Array(text.utf8))
  }

  /// A membership file of a ring: no platform family.
  public init(ring: String, kind: Kind, text: String) {
    self.ring = ring
    family = nil
    self.kind = kind
    self.text = text
    sha256 = SHA256.hex(Array(text.utf8))
  }

  /// `test-ios.mobileconfig`, `test-macos.ddm.json`, `test.serials.txt`.
  public var name: String {
    guard let family else { return "\(ring).\(kind.rawValue)" }
    return ProfileFile.name(ring: ring, family: family, kind: kind)
  }

  public var bytes: [UInt8] { Array(text.utf8) }

  /// Whether a file of this name carries identifiers (a profile or a declaration, not a
  /// membership file).
  public static func carriesIdentifiers(_ name: String) -> Bool {
    [Kind.configurationProfile, .declaration].contains { name.hasSuffix("." + $0.rawValue) }
  }

  /// The file name for a ring, family and kind.
  public static func name(ring: String, family: PlatformFamily, kind: Kind) -> String {
    "\(ring)-\(family.rawValue).\(kind.rawValue)"
  }
}
