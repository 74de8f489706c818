import Foundation
import XCTest

/// `staged` says how each declaration reaches Intune, which takes no declaration file: every
/// setting by its settings-catalog ID, in the text and in the JSON.
final class StagedIntuneSettingsTests: XCTestCase {
  func testStagedNamesEachDeclarationSettingByItsIntuneSettingID() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "100").status, 0)
    let stage = cli.run(
      "stage", "policy", "production", "--critical-updates", "on", "--db", cli.dbPath)
    XCTAssertEqual(stage.status, 0, stage.err)

    let text = cli.run(["staged", "--db", cli.dbPath], environment: ["COLUMNS": "200"])
    XCTAssertEqual(text.status, 0, text.err)
    XCTAssertTrue(
      text.out.contains("softwareupdate_automaticactions_installsecurityupdate = AlwaysOn"),
      text.out)

    let json = cli.run("staged", "--db", cli.dbPath, "--format", "json")
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let files = try XCTUnwrap(object["files"] as? [[String: Any]])
    let macDeclaration = try XCTUnwrap(
      files.first { $0["name"] as? String == "production-macos.ddm.json" })
    let settings = try XCTUnwrap(macDeclaration["settings"] as? [[String: Any]])
    let install = try XCTUnwrap(
      settings.first { $0["key_path"] as? String == "AutomaticActions.InstallSecurityUpdate" })
    XCTAssertEqual(
      install["intune_setting_id"] as? String,
      "softwareupdate_automaticactions_installsecurityupdate")
    XCTAssertEqual(
      install["intune_value"] as? String, "softwareupdate_automaticactions_installsecurityupdate_1")
    XCTAssertNil(
      files.first { $0["name"] as? String == "production-macos.mobileconfig" }?["settings"],
      "profiles carry no declaration settings")
  }
}
