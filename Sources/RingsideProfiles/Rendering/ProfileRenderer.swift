import RingsideDomain

/// Turns ring policies into the files to write: for every ring with a policy and every platform
/// family, a `.mobileconfig` and a declaration, leaving out a file when the policy sets nothing
/// that family accepts (a ring that only sets macOS critical updates gets no iOS files).
public enum ProfileRenderer {
  /// The files for all `rings`, in ring order, then family, then kind.
  public static func files(for rings: [Ring], organization: ProfileOrganization) -> [ProfileFile] {
    rings.flatMap { files(for: $0, organization: organization) }
  }

  /// The files for one ring; none when its policy is unset.
  public static func files(for ring: Ring, organization: ProfileOrganization) -> [ProfileFile] {
    guard !ring.policy.isUnset else { return [] }
    var out: [ProfileFile] = []
    for family in PlatformFamily.allCases {
      let identity = ProfileIdentity(organization: organization, ring: ring.name, family: family)
      if let profile = ConfigurationProfileBuilder.profile(for: ring.policy, identity: identity) {
        out.append(
          ProfileFile(
            ring: ring.name, family: family, kind: .configurationProfile,
            text: XMLPropertyList.document(profile)))
      }
      if let declaration = DeclarationBuilder.declaration(for: ring.policy, identity: identity) {
        out.append(
          ProfileFile(
            ring: ring.name, family: family, kind: .declaration,
            text: CanonicalJSON.document(declaration)))
      }
    }
    return out
  }
}
