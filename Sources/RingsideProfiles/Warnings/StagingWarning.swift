/// Something about the staged policies an admin should know before writing them, with the
/// number of devices it concerns.
public struct StagingWarning: Sendable, Hashable {
  /// The situations Ringside warns about.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The ring blocks installation or removal, but some devices cannot enforce it.
    case restrictionNotEnforced = "restriction-not-enforced"
    /// A deferral keeps devices on an older minor OS, and RSR/BSIs need the latest minor.
    case deferralHoldsRSR = "deferral-holds-rsr"
    /// Devices on OS 27 or later ignore the profile keys; only the declaration reaches them.
    case profileKeysRemoved = "profile-keys-removed"
    /// Devices before iOS 18 / macOS 15 ignore the declaration; only the profile reaches them.
    case declarationUnsupported = "declaration-unsupported"
    /// The profile holds a payload a device installs only once (`com.apple.SoftwareUpdate` on
    /// macOS), so a second one from the MDM conflicts with it.
    case singlePayloadConflict = "single-payload-conflict"
    /// A staged change lifts a protection: RSR/BSI installation becomes blocked, a removal
    /// block is lifted, critical updates are turned off, or a ring stops requiring the newest
    /// major.
    case loosening
  }

  public let kind: Kind
  public let ring: String
  public let devices: Int
  /// One or two sentences naming the ring, the count and the consequence.
  public let message: String

  public init(kind: Kind, ring: String, devices: Int, message: String) {
    self.kind = kind
    self.ring = ring
    self.devices = devices
    self.message = message
  }
}
