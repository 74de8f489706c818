import RingsideDomain

/// Builds the `com.apple.configuration.softwareupdate.settings` declaration for one ring and
/// platform family: the declarative replacement for the profile keys, which Apple removes in
/// OS 27.
public enum DeclarationBuilder {
  /// The declaration, or nil when the policy sets nothing this family accepts.
  public static func declaration(for policy: RingPolicy, identity: ProfileIdentity)
    -> PropertyListValue?
  {
    let keys = payloadKeys(for: policy, family: identity.family)
    guard !keys.isEmpty else { return nil }
    let identifier = identity.declarationIdentifier
    let content: [String: PropertyListValue] = [
      "Type": .string(SoftwareUpdateSchema.settingsDeclaration),
      "Identifier": .string(identifier),
      "Payload": .dictionary(keys.entries),
    ]
    var declaration = content
    declaration["ServerToken"] = .string(
      String(SHA256.hex(Array(CanonicalJSON.compact(.dictionary(content)).utf8)).prefix(32)))
    return .dictionary(declaration)
  }

  static func payloadKeys(for policy: RingPolicy, family: PlatformFamily) -> SchemaKeyedValues {
    var keys = SchemaKeyedValues(family: family)
    if let enable = policy.rsrInstallation.profileValue {
      keys.set(SoftwareUpdateSchema.rsrEnable, .boolean(enable))
    }
    if let enable = policy.rsrRemoval.profileValue {
      keys.set(SoftwareUpdateSchema.rsrEnableRollback, .boolean(enable))
    }
    if let days = policy.deferralDays {
      // iOS has one period for major and minor updates, macOS one for each.
      keys.set(SoftwareUpdateSchema.combinedDeferral, .integer(days))
      keys.set(SoftwareUpdateSchema.minorDeferral, .integer(days))
      keys.set(SoftwareUpdateSchema.majorDeferral, .integer(days))
    }
    switch policy.criticalUpdateInstall {
    case .unset: break
    case .on: keys.set(SoftwareUpdateSchema.installSecurityUpdate, .string("AlwaysOn"))
    case .off: keys.set(SoftwareUpdateSchema.installSecurityUpdate, .string("AlwaysOff"))
    }
    return keys
  }
}
