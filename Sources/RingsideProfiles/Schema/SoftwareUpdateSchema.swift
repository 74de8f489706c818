import RingsideDomain

/// The keys, payloads and OS versions Ringside relies on, transcribed from Apple's schema files
/// (device-management commit b6202ca, `mdm/profiles/*.yaml` and
/// `declarative/declarations/configurations/softwareupdate.settings.yaml`).
public enum SoftwareUpdateSchema {
  public static let restrictionsPayload = "com.apple.applicationaccess"
  public static let softwareUpdatePayload = "com.apple.SoftwareUpdate"
  public static let settingsDeclaration = "com.apple.configuration.softwareupdate.settings"

  /// The OS versions each payload type and the declaration were introduced in.
  public static let containerIntroduced: [String: [PlatformFamily: OSVersionNumber]] = [
    restrictionsPayload: [.iOS: OSVersionNumber(4, 0), .macOS: OSVersionNumber(10, 7)],
    softwareUpdatePayload: [.macOS: OSVersionNumber(10, 7)],
    settingsDeclaration: [.iOS: OSVersionNumber(18, 0), .macOS: OSVersionNumber(15, 0)],
  ]

  /// Families that accept the declaration from supervised devices only (its `allowed-enrollments`).
  public static let declarationSupervisedOnly: Set<PlatformFamily> = [.macOS]

  /// Payload types a device installs only once (the schema's `multiple: false`), per family: a
  /// second one from the MDM conflicts with Ringside's.
  public static let singleCopyPayloads: [PlatformFamily: Set<String>] = [
    .iOS: [], .macOS: [softwareUpdatePayload],
  ]

  /// Apple's newer schema (commits 97a11a8 and 0a4527c, described in the reference's
  /// `SOURCE.txt`; the YAML copied here predates it) marks every software-update restriction key
  /// and the `com.apple.SoftwareUpdate` payload deprecated in this major release (26.0) ...
  public static let profileKeysDeprecatedMajor = 26
  /// ... and removed in this one (27.0); the declaration replaces them.
  public static let profileKeysRemovedMajor = 27

  /// The first OS each family accepts the declaration on.
  public static func declarationMinimum(_ family: PlatformFamily) -> OSVersionNumber {
    containerIntroduced[settingsDeclaration]![family]!
  }

  public static let allowInstallation = SchemaKey(
    container: restrictionsPayload, path: ["allowRapidSecurityResponseInstallation"],
    type: .boolean, introduced: [.iOS: OSVersionNumber(16, 0), .macOS: OSVersionNumber(13, 0)],
    supervisedOnly: [.iOS])

  public static let allowRemoval = SchemaKey(
    container: restrictionsPayload, path: ["allowRapidSecurityResponseRemoval"], type: .boolean,
    introduced: [.iOS: OSVersionNumber(16, 0), .macOS: OSVersionNumber(13, 0)],
    supervisedOnly: [.iOS])

  public static let forceDelayedUpdates = SchemaKey(
    container: restrictionsPayload, path: ["forceDelayedSoftwareUpdates"], type: .boolean,
    introduced: [.iOS: OSVersionNumber(11, 3), .macOS: OSVersionNumber(10, 13)],
    supervisedOnly: [.iOS])

  /// The delay of `forceDelayedSoftwareUpdates` on iOS, and on macOS before 11.3.
  public static let updateDelay = SchemaKey(
    container: restrictionsPayload, path: ["enforcedSoftwareUpdateDelay"], type: .integer,
    range: 1...90, introduced: [.iOS: OSVersionNumber(11, 3), .macOS: OSVersionNumber(10, 13, 4)],
    supervisedOnly: [.iOS])

  /// The delay of `forceDelayedSoftwareUpdates` (minor updates) on macOS 11.3 and later.
  public static let minorUpdateDelay = SchemaKey(
    container: restrictionsPayload, path: ["enforcedSoftwareUpdateMinorOSDeferredInstallDelay"],
    type: .integer, range: 1...90, introduced: [.macOS: OSVersionNumber(11, 3)])

  /// Delays major updates on macOS 11.3 and later, as `forceDelayedSoftwareUpdates` does on iOS.
  public static let forceDelayedMajorUpdates = SchemaKey(
    container: restrictionsPayload, path: ["forceDelayedMajorSoftwareUpdates"], type: .boolean,
    introduced: [.macOS: OSVersionNumber(11, 3)])

  /// The delay of `forceDelayedMajorSoftwareUpdates`.
  public static let majorUpdateDelay = SchemaKey(
    container: restrictionsPayload, path: ["enforcedSoftwareUpdateMajorOSDeferredInstallDelay"],
    type: .integer, range: 1...90, introduced: [.macOS: OSVersionNumber(11, 3)])

  public static let criticalUpdateInstall = SchemaKey(
    container: softwareUpdatePayload, path: ["CriticalUpdateInstall"], type: .boolean,
    introduced: [.macOS: OSVersionNumber(10, 15)])

  public static let rsrEnable = SchemaKey(
    container: settingsDeclaration, path: ["RapidSecurityResponse", "Enable"], type: .boolean,
    introduced: containerIntroduced[settingsDeclaration]!, supervisedOnly: [.iOS, .macOS])

  public static let rsrEnableRollback = SchemaKey(
    container: settingsDeclaration, path: ["RapidSecurityResponse", "EnableRollback"],
    type: .boolean, introduced: containerIntroduced[settingsDeclaration]!,
    supervisedOnly: [.iOS, .macOS])

  /// iOS and iPadOS defer major and minor updates together.
  public static let combinedDeferral = SchemaKey(
    container: settingsDeclaration, path: ["Deferrals", "CombinedPeriodInDays"], type: .integer,
    range: 1...90, introduced: [.iOS: OSVersionNumber(18, 0)], supervisedOnly: [.iOS])

  /// macOS defers minor updates, what `forceDelayedSoftwareUpdates` delays on macOS 11.3 and later.
  public static let minorDeferral = SchemaKey(
    container: settingsDeclaration, path: ["Deferrals", "MinorPeriodInDays"], type: .integer,
    range: 1...90, introduced: [.macOS: OSVersionNumber(15, 0)], supervisedOnly: [.macOS])

  /// macOS defers major updates separately, what `forceDelayedMajorSoftwareUpdates` delays.
  public static let majorDeferral = SchemaKey(
    container: settingsDeclaration, path: ["Deferrals", "MajorPeriodInDays"], type: .integer,
    range: 1...90, introduced: [.macOS: OSVersionNumber(15, 0)], supervisedOnly: [.macOS])

  /// The declarative counterpart of `CriticalUpdateInstall` (security responses and system files).
  /// The schema gives it no iOS support, and no restriction key sets automatic RSR/BSI
  /// installation on iPhone or iPad, so Ringside sets it on Macs only.
  public static let installSecurityUpdate = SchemaKey(
    container: settingsDeclaration, path: ["AutomaticActions", "InstallSecurityUpdate"],
    type: .string, allowedValues: ["Allowed", "AlwaysOn", "AlwaysOff"],
    introduced: [.macOS: OSVersionNumber(15, 0)], supervisedOnly: [.macOS])

  /// Every key Ringside may write.
  public static let allKeys: [SchemaKey] = [
    allowInstallation, allowRemoval, forceDelayedUpdates, updateDelay, minorUpdateDelay,
    forceDelayedMajorUpdates, majorUpdateDelay, criticalUpdateInstall, rsrEnable,
    rsrEnableRollback, combinedDeferral, minorDeferral, majorDeferral, installSecurityUpdate,
  ]
}
