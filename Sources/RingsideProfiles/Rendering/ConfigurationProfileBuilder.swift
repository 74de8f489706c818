import RingsideDomain

/// Builds the `.mobileconfig` for one ring and platform family: a plain, unsigned
/// configuration profile holding a `com.apple.applicationaccess` payload with only the keys
/// the policy sets and, on macOS, a `com.apple.SoftwareUpdate` payload for critical updates.
public enum ConfigurationProfileBuilder {
  /// The profile, or nil when the policy sets nothing this family accepts.
  public static func profile(for policy: RingPolicy, identity: ProfileIdentity)
    -> PropertyListValue?
  {
    var content: [PropertyListValue] = []
    var settings: [String] = []

    let restrictions = restrictionKeys(for: policy, family: identity.family)
    if !restrictions.isEmpty {
      content.append(
        payload(
          restrictions, type: SoftwareUpdateSchema.restrictionsPayload, role: "restrictions",
          displayName: "RSR/BSI and OS update restrictions", identity: identity))
      settings += PolicyWording.phrases(for: restrictions.written, policy: policy)
    }
    let softwareUpdate = softwareUpdateKeys(for: policy, family: identity.family)
    if !softwareUpdate.isEmpty {
      content.append(
        payload(
          softwareUpdate, type: SoftwareUpdateSchema.softwareUpdatePayload, role: "softwareupdate",
          displayName: "Software Update", identity: identity))
      settings += PolicyWording.phrases(for: softwareUpdate.written, policy: policy)
    }
    guard !content.isEmpty else { return nil }

    let identifier = identity.profileIdentifier
    return .dictionary([
      "PayloadType": .string("Configuration"),
      "PayloadVersion": .integer(1),
      "PayloadIdentifier": .string(identifier),
      "PayloadUUID": .string(identity.uuid(for: identifier)),
      "PayloadDisplayName": .string("Ring \(identity.ring): RSR/BSI policy (\(identity.audience))"),
      "PayloadDescription": .string(
        "Sets for the \(identity.ring) ring on \(identity.audience): "
          + settings.joined(separator: "; ") + ". " + deprecationNote(identity)
          + " Written by Ringside from the ring policy."),
      "PayloadOrganization": .string(identity.organization.name),
      "PayloadContent": .array(content),
    ])
  }

  /// Apple's deprecation of these keys and the declaration that replaces them.
  static func deprecationNote(_ identity: ProfileIdentity) -> String {
    let os = identity.family == .macOS ? "macOS" : "iOS and iPadOS"
    let declaration = ProfileFile.name(
      ring: identity.ring, family: identity.family, kind: .declaration)
    return "Apple deprecates these profile keys in \(os) "
      + "\(SoftwareUpdateSchema.profileKeysDeprecatedMajor) and removes them in "
      + "\(SoftwareUpdateSchema.profileKeysRemovedMajor): from then on only the "
      + "\(SoftwareUpdateSchema.settingsDeclaration) declaration (\(declaration)) applies"
      + (SoftwareUpdateSchema.declarationSupervisedOnly.contains(identity.family)
        ? ", and only on supervised devices." : ".")
  }

  static func restrictionKeys(for policy: RingPolicy, family: PlatformFamily) -> SchemaKeyedValues {
    var keys = SchemaKeyedValues(family: family)
    if let allow = policy.rsrInstallation.profileValue {
      keys.set(SoftwareUpdateSchema.allowInstallation, .boolean(allow))
    }
    if let allow = policy.rsrRemoval.profileValue {
      keys.set(SoftwareUpdateSchema.allowRemoval, .boolean(allow))
    }
    if let days = policy.deferralDays {
      // Each delay only counts with the flag that turns it on. On macOS 11.3 and later the
      // minor delay key replaces `enforcedSoftwareUpdateDelay`, which older Macs still read,
      // and major updates have their own pair; iOS defers both with the first pair.
      if keys.set(SoftwareUpdateSchema.forceDelayedUpdates, .boolean(true)) {
        keys.set(SoftwareUpdateSchema.updateDelay, .integer(days))
        keys.set(SoftwareUpdateSchema.minorUpdateDelay, .integer(days))
      }
      if keys.set(SoftwareUpdateSchema.forceDelayedMajorUpdates, .boolean(true)) {
        keys.set(SoftwareUpdateSchema.majorUpdateDelay, .integer(days))
      }
    }
    return keys
  }

  static func softwareUpdateKeys(for policy: RingPolicy, family: PlatformFamily)
    -> SchemaKeyedValues
  {
    var keys = SchemaKeyedValues(family: family)
    switch policy.criticalUpdateInstall {
    case .unset: break
    case .on: keys.set(SoftwareUpdateSchema.criticalUpdateInstall, .boolean(true))
    case .off: keys.set(SoftwareUpdateSchema.criticalUpdateInstall, .boolean(false))
    }
    return keys
  }

  private static func payload(
    _ keys: SchemaKeyedValues, type: String, role: String, displayName: String,
    identity: ProfileIdentity
  ) -> PropertyListValue {
    let identifier = identity.payloadIdentifier(role)
    var entries = keys.entries
    entries["PayloadType"] = .string(type)
    entries["PayloadVersion"] = .integer(1)
    entries["PayloadIdentifier"] = .string(identifier)
    entries["PayloadUUID"] = .string(identity.uuid(for: identifier))
    entries["PayloadDisplayName"] = .string(displayName)
    return .dictionary(entries)
  }
}
