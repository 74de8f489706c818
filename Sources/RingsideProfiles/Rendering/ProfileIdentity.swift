import RingsideDomain

/// The names one ring's files carry for one platform family: file names, reverse-DNS
/// identifiers and UUIDs, all derived from organisation, ring and family alone, so a policy
/// change rewrites the same profile instead of adding a second one.
public struct ProfileIdentity: Sendable, Hashable {
  public let organization: ProfileOrganization
  public let ring: String
  public let family: PlatformFamily

  public init(organization: ProfileOrganization, ring: String, family: PlatformFamily) {
    self.organization = organization
    self.ring = ring
    self.family = family
  }

  /// The profile's `PayloadIdentifier`, e.g. `ringside.acme.test.ios`, or with an identifier
  /// prefix `com.example.ringside.test.ios`.
  public var profileIdentifier: String {
    "\(organization.identifierRoot).\(ring).\(family.rawValue)"
  }

  /// The identifier of one payload inside the profile.
  public func payloadIdentifier(_ role: String) -> String { profileIdentifier + "." + role }

  /// The declaration's `Identifier`.
  public var declarationIdentifier: String { profileIdentifier + ".softwareupdate-settings" }

  /// The UUID that belongs to `identifier`, the same on every run.
  public func uuid(for identifier: String) -> String { DerivedUUID.make(name: identifier) }

  /// "iPhone and iPad" or "Mac", for descriptions.
  public var audience: String { family == .macOS ? "Mac" : "iPhone and iPad" }
}
