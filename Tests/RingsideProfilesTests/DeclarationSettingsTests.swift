import XCTest

@testable import RingsideProfiles

/// A declaration read back setting by setting, as `staged` lists it for an admin who enters
/// the settings by hand: booleans, numbers and strings as they are, nested keys joined by dots.
final class DeclarationSettingsTests: XCTestCase {
  func testAWrittenDeclarationReadsAsSortedKeyPathsWithTheirValues() {
    // The bytes `ringside apply` wrote for a production macOS ring in this session's tryout.
    let written = """
      {
        "Identifier": "com.example.ringside.production.macos.softwareupdate-settings",
        "Payload": {
          "AutomaticActions": {
            "InstallSecurityUpdate": "AlwaysOn"
          },
          "Deferrals": {
            "MajorPeriodInDays": 7,
            "MinorPeriodInDays": 7
          },
          "RapidSecurityResponse": {
            "Enable": true,
            "EnableRollback": false
          }
        },
        "ServerToken": "0123456789abcdef0123456789abcdef",
        "Type": "com.apple.configuration.softwareupdate.settings"
      }
      """
    XCTAssertEqual(
      DeclarationSettings.lines(ofDeclaration: written),
      [
        "AutomaticActions.InstallSecurityUpdate = \"AlwaysOn\"",
        "Deferrals.MajorPeriodInDays = 7", "Deferrals.MinorPeriodInDays = 7",
        "RapidSecurityResponse.Enable = true", "RapidSecurityResponse.EnableRollback = false",
      ])
  }

  func testTextThatIsNoDeclarationHasNoSettings() {
    XCTAssertEqual(DeclarationSettings.lines(ofDeclaration: "serial\nC02X\n"), [])
    XCTAssertEqual(DeclarationSettings.lines(ofDeclaration: "{\"Type\": \"x\"}"), [])
  }
}
