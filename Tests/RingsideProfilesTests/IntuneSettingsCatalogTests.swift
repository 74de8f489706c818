import XCTest

@testable import RingsideProfiles

/// Every declaration key Ringside writes has its Intune settings-catalog setting, named and
/// valued as Intune's policies carry them in Microsoft Graph.
final class IntuneSettingsCatalogTests: XCTestCase {
  /// The setting IDs and values of a real published policy: the macOS DDM software update
  /// example of deploymenttheory/terraform-provider-microsoft365 (a settings catalog policy
  /// written against Graph's `configurationPolicies`), beside the keys Ringside writes for them.
  func testDeclarationKeysMapToTheSettingIDsAndValuesOfAPublishedIntunePolicy() {
    let declaration = """
      {"Type": "com.apple.configuration.softwareupdate.settings",
       "Identifier": "x", "ServerToken": "y",
       "Payload": {"AutomaticActions": {"InstallSecurityUpdate": "AlwaysOn"},
                   "Deferrals": {"MinorPeriodInDays": 5, "MajorPeriodInDays": 1},
                   "RapidSecurityResponse": {"Enable": true, "EnableRollback": true}}}
      """
    let entries = DeclarationSettings.settings(ofDeclaration: declaration).compactMap {
      IntuneSettingsCatalog.entry(for: $0)
    }
    XCTAssertEqual(
      entries.map { "\($0.settingID) \($0.value)" },
      [
        "softwareupdate_automaticactions_installsecurityupdate softwareupdate_automaticactions_installsecurityupdate_1",
        "softwareupdate_deferrals_majorperiodindays 1",
        "softwareupdate_deferrals_minorperiodindays 5",
        "softwareupdate_rapidsecurityresponse_enable softwareupdate_rapidsecurityresponse_enable_true",
        "softwareupdate_rapidsecurityresponse_enablerollback softwareupdate_rapidsecurityresponse_enablerollback_true",
      ])
    XCTAssertEqual(entries.first?.displayValue, "AlwaysOn")
  }

  func testEveryDeclarationKeyRingsideWritesHasAnIntuneSetting() {
    for key in SoftwareUpdateSchema.allKeys
    where key.container == SoftwareUpdateSchema.settingsDeclaration {
      let scalar: DeclarationSetting.Scalar =
        switch key.type {
        case .boolean: .boolean(false)
        case .integer: .integer(7)
        case .string: .string(key.allowedValues.last ?? "")
        case .dictionary: .other
        }
      let setting = DeclarationSetting(keyPath: key.path, valueText: "", scalar: scalar)
      XCTAssertNotNil(IntuneSettingsCatalog.entry(for: setting), key.path.joined(separator: "."))
    }
  }

  func testAValueOutsideTheSchemaOrAnUnknownKeyHasNoIntuneSetting() {
    let unknownValue = DeclarationSetting(
      keyPath: ["AutomaticActions", "InstallSecurityUpdate"], valueText: "\"Sometimes\"",
      scalar: .string("Sometimes"))
    XCTAssertNil(IntuneSettingsCatalog.entry(for: unknownValue))
    let unknownKey = DeclarationSetting(
      keyPath: ["Beta", "ProgramEnrollment"], valueText: "\"Allowed\"", scalar: .string("Allowed"))
    XCTAssertNil(IntuneSettingsCatalog.entry(for: unknownKey))
    let (entries, unmapped) = IntuneSettingsCatalog.lines(
      ofDeclaration:
        #"{"Payload": {"Beta": {"ProgramEnrollment": "Allowed"}, "Notifications": true}}"#)
    XCTAssertEqual(entries, [])
    XCTAssertEqual(unmapped, ["Beta.ProgramEnrollment", "Notifications"])
  }
}
