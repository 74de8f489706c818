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

  /// A setting's value as `staged --format json` gives it: a boolean, a number or a string.
  private enum Scalar: Decodable, Equatable {
    case bool(Bool)
    case int(Int)
    case string(String)

    init(from decoder: Decoder) throws {
      let value = try decoder.singleValueContainer()
      if let flag = try? value.decode(Bool.self) {
        self = .bool(flag)
      } else if let number = try? value.decode(Int.self) {
        self = .int(number)
      } else {
        self = .string(try value.decode(String.self))
      }
    }
  }

  private struct Review: Decodable {
    struct File: Decodable {
      let name: String
      let settings: [Setting]?
    }
    struct Setting: Decodable {
      let keyPath: String
      let value: Scalar
      let intuneValue: Scalar?

      enum CodingKeys: String, CodingKey {
        case keyPath = "key_path"
        case value
        case intuneValue = "intune_value"
      }
    }
    let files: [File]
  }

  func testStagedJSONGivesEachSettingValueTheTypeOfItsKey() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "100").status, 0)
    XCTAssertEqual(
      cli.run("stage", "policy", "production", "--critical-updates", "on", "--db", cli.dbPath)
        .status, 0)
    let json = cli.run("staged", "--db", cli.dbPath, "--format", "json")
    XCTAssertEqual(json.status, 0, json.err)
    let review = try JSONDecoder().decode(Review.self, from: Data(json.out.utf8))
    var settings: [String: Review.Setting] = [:]
    for file in review.files {
      for setting in file.settings ?? [] { settings[file.name + " " + setting.keyPath] = setting }
    }
    let enable = try XCTUnwrap(settings["production-ios.ddm.json RapidSecurityResponse.Enable"])
    XCTAssertEqual(enable.value, .bool(true))
    let days = try XCTUnwrap(
      settings["production-ios.ddm.json Deferrals.CombinedPeriodInDays"])
    XCTAssertEqual(days.value, .int(7))
    XCTAssertEqual(days.intuneValue, .int(7), "Graph stores a number setting as a number")
    let install = try XCTUnwrap(
      settings["production-macos.ddm.json AutomaticActions.InstallSecurityUpdate"])
    XCTAssertEqual(install.value, .string("AlwaysOn"))
  }
}
