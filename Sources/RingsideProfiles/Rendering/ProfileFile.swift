import RingsideDomain

/// One file Ringside writes for a ring and platform family, with its exact bytes.
public struct ProfileFile: Sendable, Hashable {
  /// The two formats written per ring and family.
  public enum Kind: String, Sendable, CaseIterable, Hashable {
    /// An XML `.mobileconfig` for the MDM's custom-profile upload.
    case configurationProfile = "mobileconfig"
    /// A declarative `softwareupdate.settings` configuration as JSON.
    case declaration = "ddm.json"
  }

  public let ring: String
  public let family: PlatformFamily
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

  /// `test-ios.mobileconfig`, `test-macos.ddm.json`.
  public var name: String { ProfileFile.name(ring: ring, family: family, kind: kind) }

  public var bytes: [UInt8] { Array(text.utf8) }

  /// The file name for a ring, family and kind.
  public static func name(ring: String, family: PlatformFamily, kind: Kind) -> String {
    "\(ring)-\(family.rawValue).\(kind.rawValue)"
  }
}
