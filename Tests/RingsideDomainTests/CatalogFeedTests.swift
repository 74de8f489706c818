import XCTest

@testable import RingsideDomain

/// Apple's GDMF feed and SOFA feeds as published, read into the catalog with provenance.
final class CatalogFeedTests: XCTestCase {
  func testGDMFGivesExpiryDevicesAndPrerequisitesAndLeavesOutOtherPlatforms() throws {
    let contents = try GDMFFeed.parse(Fixtures.data("gdmf-pmv-sample.json"), file: "pmv.json")
    XCTAssertEqual(contents.asOf, "2026-08-17")
    let bsi = try XCTUnwrap(contents.releases.first { $0.build?.text == "23D771330a" })
    XCTAssertEqual(bsi.displayVersion, "26.3.1 (a)")
    XCTAssertEqual(bsi.prerequisiteBuild?.text, "23D8133")
    XCTAssertEqual(bsi.expires, "2026-11-20")
    XCTAssertEqual(bsi.devices.models?.count, 95)
    let neo = try XCTUnwrap(contents.releases.first { $0.build?.text == "25D771400a" })
    XCTAssertEqual(neo.devices.models, ["Mac17,5"], "J700AP is the MacBook Neo")
    let general = try XCTUnwrap(contents.releases.first { $0.build?.text == "25D771280a" })
    XCTAssertTrue(general.devices.isAll, "62 board IDs: every Mac")
    // watchOS, tvOS and visionOS entries sit under "iOS" or their own keys: none is kept.
    for build in ["23T6570", "23U67", "23L773", "23O780"] {
      XCTAssertNil(contents.releases.first { $0.build?.text == build }, build)
    }
    // A build and its "6" pair are one release, under the shorter build.
    let ios265 = contents.releases.filter { $0.family == .iOS && $0.version.description == "26.5" }
    XCTAssertEqual(ios265.map { $0.build?.text }, ["23F77"])
    XCTAssertEqual(ios265.first?.released, "2026-05-18", "GDMF's re-stamped date, before merging")
  }

  func testImportingGDMFKeepsTheFirstPostingDateAndNotesTheReStamp() throws {
    let contents = try GDMFFeed.parse(Fixtures.data("gdmf-pmv-sample.json"), file: "pmv.json")
    let merged = ReleaseCatalog.builtin.merging(contents.releases, asOf: contents.asOf)
    XCTAssertEqual(merged.asOf, ReleaseCatalog.builtinAsOf, "the builtin data is newer")
    let ios265 = try XCTUnwrap(
      merged.releases.first { $0.family == .iOS && !$0.isRSR && $0.version.description == "26.5" })
    XCTAssertEqual(ios265.released, "2026-05-11")
    XCTAssertEqual(ios265.build?.text, "23F77")
    XCTAssertTrue(ios265.notes.contains("says released 2026-05-18"), ios265.notes)
  }

  func testSOFAFeedCannotOverruleApplesFeedAndTheDisagreementIsShown() throws {
    let feed = try SOFAFeed.parse(Fixtures.data("ios_data_feed.json"), file: "ios_data_feed.json")
    XCTAssertTrue(feed.contains { $0.version.description == "26.5" && $0.build?.text == "23T6570" })
    let merged = ReleaseCatalog.builtin.merging(feed)
    let ios265 = try XCTUnwrap(
      merged.releases.first { $0.family == .iOS && !$0.isRSR && $0.version.description == "26.5" })
    XCTAssertEqual(ios265.build?.text, "23F77")
    XCTAssertTrue(ios265.notes.contains("says build 23T6570"), ios265.notes)
    let bsi = try XCTUnwrap(merged.rsrs(for: .iOS, base: OSVersionNumber("26.3.1")!).first)
    XCTAssertEqual(bsi.supersededBy?.description, "26.4")
    XCTAssertTrue(bsi.notes.contains("says superseded by 26.5"), bsi.notes)
  }

  func testSOFAFeedCannotReplaceTheBuiltinBuildsOfOlderLinesWithGDMFPairBuilds() throws {
    // SOFA gives GDMF's pair builds for the older lines (releases-2026.SOURCES.md): 18.7.10
    // is 22H374 and 17.7.11 is 21H461 on the devices, as the builtin catalog says.
    let feed = try SOFAFeed.parse(Fixtures.data("ios_data_feed.json"), file: "ios_data_feed.json")
    XCTAssertTrue(
      feed.contains { $0.version.description == "18.7.10" && $0.build?.text == "22H6374" })
    let merged = ReleaseCatalog.builtin.merging(feed)
    for (version, build) in [("18.7.10", "22H374"), ("17.7.11", "21H461"), ("18.7.8", "22H352")] {
      let release = try XCTUnwrap(
        merged.releases.first {
          $0.family == .iOS && !$0.isRSR && $0.version.description == version
        })
      XCTAssertEqual(release.build?.text, build, version)
    }
  }

  func testSpringFeedsWithSnakeCaseBSIsReadTheLetterFromTheBuild() throws {
    let ios = try SOFAFeed.parse(
      Fixtures.data("sofa-2026-04-11-ios_data_feed.json"), file: "ios.json")
    let bsi = try XCTUnwrap(ios.first { $0.isRSR && $0.build?.text == "23D771330a" })
    XCTAssertEqual(bsi.displayVersion, "26.3.1 (a)")
    XCTAssertEqual(bsi.prerequisiteBuild?.text, "23D8133")
    XCTAssertEqual(bsi.released, "2026-03-17")
    XCTAssertTrue(bsi.notes.contains("letter read from the build"), bsi.notes)
    XCTAssertEqual(
      SOFAFeed.asOf(try Fixtures.data("sofa-2026-04-11-ios_data_feed.json")), "2026-04-11")
    let mac = try SOFAFeed.parse(
      Fixtures.data("sofa-2026-04-11-macos_data_feed.json"), file: "macos.json")
    let neo = try XCTUnwrap(mac.first { $0.isRSR && $0.build?.text == "25D771400a" })
    XCTAssertEqual(neo.devices.models, ["Mac17,5"])
  }

  func testAnExpiryThatIsNotADayIsRefusedWithItsPath() {
    let text = """
      {"PublicBackgroundSecurityImprovements": {"iOS": [{"ProductVersion": "26.3.1",
      "ProductVersionExtra": "(a)", "Build": "23D771330a", "PrerequisiteBuild": "23D8133",
      "PostingDate": "2026-03-17", "ExpirationDate": "soon", "SupportedDevices": ["iPhone15,2"]}]}}
      """
    XCTAssertThrowsError(try GDMFFeed.parse(Data(text.utf8), file: "pmv.json")) { error in
      XCTAssertTrue(
        "\(error)".hasPrefix(
          "pmv.json: PublicBackgroundSecurityImprovements.iOS[0].ExpirationDate: expected a date"),
        "\(error)")
    }
  }
}
