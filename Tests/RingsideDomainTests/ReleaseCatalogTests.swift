import Foundation
import XCTest

@testable import RingsideDomain

final class ReleaseCatalogTests: XCTestCase {
  let catalog = ReleaseCatalog.builtin

  func testBuiltinCatalogHoldsEveryRowOfTheRSRTable() throws {
    for row in try Fixtures.rsrReleases() {
      let family: PlatformFamily = row["platform"] == "macOS" ? .macOS : .iOS
      let found = catalog.releases.contains {
        $0.family == family && $0.build?.text == row["build"] && $0.isRSR
      }
      XCTAssertTrue(found, "missing \(row["platform"]!) \(row["version"]!) \(row["build"]!)")
    }
  }

  func testBuiltinCatalogHoldsEveryReleaseOfTheSOFAFeeds() throws {
    for (feed, family) in [
      ("ios_data_feed.json", PlatformFamily.iOS), ("macos_data_feed.json", .macOS),
    ] {
      let releases = try SOFAFeed.parse(Fixtures.data(feed), file: feed)
      XCTAssertGreaterThan(releases.count, 60)
      for r in releases {
        XCTAssertTrue(
          catalog.releases.contains {
            $0.family == family && $0.version == r.version && $0.letter == r.letter
          },
          "\(feed) \(r.displayVersion) is not in the builtin catalog")
      }
    }
  }

  func testPulledRSRNamesItsReplacement() throws {
    let pulled = catalog.rsrs(for: .iOS, base: OSVersionNumber("16.5.1")!).first {
      $0.letter == "a"
    }!
    XCTAssertEqual(pulled.status, .pulled)
    XCTAssertEqual(catalog.replacement(of: pulled)?.build?.text, "20F770750d")
  }

  func testLatestRSRSkipsPulledOnes() {
    XCTAssertEqual(catalog.latestRSR(for: .iOS, base: OSVersionNumber("16.5.1")!)?.letter, "c")
    XCTAssertEqual(catalog.latestRSR(for: .iPadOS, base: OSVersionNumber("16.4.1")!)?.letter, "a")
  }

  func testBetaAndInternalRSRsAreNotOffered() {
    XCTAssertNil(catalog.latestRSR(for: .iOS, base: OSVersionNumber("16.2")!))
    XCTAssertNil(catalog.latestRSR(for: .macOS, base: OSVersionNumber("13.0")!))
  }

  func testNewestRSRPerMajor() {
    XCTAssertEqual(catalog.newestRSR(for: .iOS, major: 16)?.displayVersion, "16.5.1 (c)")
    XCTAssertEqual(catalog.newestRSR(for: .macOS, major: 26)?.displayVersion, "26.3.1 (a)")
    XCTAssertNil(catalog.newestRSR(for: .iOS, major: 18))
    XCTAssertEqual(catalog.newestRSR(for: .iPadOS)?.displayVersion, "26.3.1 (a)")
  }

  func testLatestMinorOfEachMajor() {
    XCTAssertEqual(catalog.latestMinor(for: .iOS, major: 18), OSVersionNumber("18.7"))
    XCTAssertEqual(
      catalog.latestRelease(for: .macOS, major: 15)?.version, OSVersionNumber("15.8.1"))
    XCTAssertEqual(catalog.latestRelease(for: .iOS, major: 26)?.version, OSVersionNumber("26.7.1"))
    XCTAssertEqual(catalog.latestRelease(for: .iOS, major: 27)?.version, OSVersionNumber("27.0.1"))
  }

  func testRSRAppliesOnlyOnTopOfItsPrerequisiteBuild() throws {
    let base = OSVersionNumber("13.4.1")!
    let generic = catalog.latestRSR(for: .macOS, base: base, build: try AppleBuild("22F82"))
    let hardware = catalog.latestRSR(for: .macOS, base: base, build: try AppleBuild("22F2083"))
    XCTAssertEqual(generic?.build?.text, "22F770820d")
    XCTAssertEqual(hardware?.build?.text, "22F770830e")
    XCTAssertNil(
      catalog.latestRSR(
        for: .iOS, base: OSVersionNumber("26.3.1")!, build: try AppleBuild("23D9133")))
  }

  func testSupplementalBuildResolvesAnUnknownLetter() throws {
    let v = AppleOSVersion(
      base: OSVersionNumber("16.5.1"), rsr: .unknown, build: try AppleBuild("20F75"),
      supplementalBuild: try AppleBuild("20F770750d"))
    XCTAssertEqual(catalog.resolve(v, on: .iOS).rsr, .letter("c"))
  }

  func testBSIsFromOS26AreCalledBSI() {
    XCTAssertEqual(catalog.newestRSR(for: .iOS, major: 26)?.kindName, "BSI")
    XCTAssertEqual(catalog.newestRSR(for: .iOS, major: 16)?.kindName, "RSR")
  }

  func testMergingAFeedUpdatesWithoutDuplicating() throws {
    let feed = try SOFAFeed.parse(Fixtures.data("ios_data_feed.json"), file: "ios")
    let merged = catalog.merging(feed)
    XCTAssertEqual(merged.releases.count, catalog.releases.count)
    let newer = CatalogRelease(
      family: .iOS, version: OSVersionNumber("26.8")!, released: "2026-11-01")
    XCTAssertEqual(
      catalog.merging([newer]).latestRelease(for: .iOS, major: 26)?.version, newer.version)
  }

  func testMalformedFeedNamesTheLineAndPath() throws {
    let text = try Fixtures.text("ios_data_feed.json").replacingOccurrences(
      of: "\"ProductVersion\": \"26.6\"", with: "\"ProductVersion\": \"26.x\"")
    XCTAssertThrowsError(try SOFAFeed.parse(Data(text.utf8), file: "feed.json")) { error in
      let message = String(describing: error)
      XCTAssertTrue(message.hasPrefix("feed.json: line "), message)
      XCTAssertTrue(message.contains("OSVersions[0].SecurityReleases[1].ProductVersion"), message)
    }
  }

  func testInvalidJSONNamesTheLine() {
    let data = Data("{\n \"OSVersions\": [\n  {\"a\": 1,,}\n ]\n}\n".utf8)
    XCTAssertThrowsError(try SOFAFeed.parse(data, file: "bad.json")) { error in
      XCTAssertTrue(
        String(describing: error).hasPrefix("bad.json: line 3: not valid JSON"), "\(error)")
    }
  }

  func testFeedWithoutOSVersionsSaysWhatAFeedHolds() {
    XCTAssertThrowsError(try SOFAFeed.parse(Data("{}".utf8), file: "x.json")) { error in
      XCTAssertTrue(String(describing: error).contains("OSVersions"))
    }
  }

  /// Which macOS majors a Mac runs, per AppleDB's deviceMap of each major's newest build (the
  /// files BuiltinDeviceSets.swift names): every release of a major must reach exactly these.
  /// Macs with Apple silicon are a rule, checked from macOS 12, the first major the M2
  /// MacBook Air (Mac14,2) shipped with.
  func testEveryMacOSReleaseReachesAnIntelMacOnlyWhenAppleDBListsItForTheMajor() {
    let runs: [String: ClosedRange<Int>?] = [
      "MacBookPro16,1": 11...26, "MacBookAir9,1": 11...15, "iMac19,1": 11...15,
      "MacBookAir8,1": 11...14, "MacBook10,1": 11...13, "MacBookPro11,4": 11...12,
      "iMac14,4": 11...11, "MacBookPro9,2": nil, "MacPro7,1": 11...26,
    ]
    var checked = 0
    for r in catalog.releases where r.family == .macOS && !r.isRSR && r.isPublic {
      if r.version.description == "26.3.2" { continue }  // the MacBook Neo's own release
      checked += 1
      for (model, majors) in runs {
        XCTAssertEqual(
          r.devices.includes(model: model, platform: .macOS),
          majors?.contains(r.version.major) ?? false, "\(r.version) on \(model)")
      }
      if r.version.major >= 12 {
        XCTAssertEqual(r.devices.includes(model: "Mac14,2", platform: .macOS), true, "\(r.version)")
      }
    }
    XCTAssertGreaterThanOrEqual(checked, 130)
  }

  func testAppleSiliconAloneKeepsItsMeaningAndAMacOSSetAddsAppleSiliconToItsIntelMacs() throws {
    let silicon = try HardwareScope(parsing: "@apple-silicon")
    XCTAssertEqual(silicon.includes(model: "Mac14,2", platform: .macOS), true)
    XCTAssertEqual(silicon.includes(model: "MacBookPro16,1", platform: .macOS), false)
    let neo = try HardwareScope(parsing: "@apple-silicon Mac17.5")
    XCTAssertEqual(neo.includes(model: "Mac17,5", platform: .macOS), true)
    XCTAssertEqual(neo.includes(model: "Mac14,2", platform: .macOS), false, "a list narrows it")
    let tahoe = try HardwareScope(parsing: "@macos26")
    XCTAssertEqual(tahoe.includes(model: "Mac16,1", platform: .macOS), true)
    XCTAssertEqual(tahoe.includes(model: "iMac20,1", platform: .macOS), true)
    XCTAssertEqual(tahoe.includes(model: "MacBookAir9,1", platform: .macOS), false)
    XCTAssertEqual(tahoe.includes(model: "iPhone15,2", platform: .iOS), false)
    XCTAssertNil(tahoe.includes(model: "MacBook Air", platform: .macOS), "a name decides nothing")
    XCTAssertEqual(tahoe.summary, "Macs with Apple silicon and 6 Intel models")
    for name in BuiltinDeviceSets.withAppleSilicon {
      for model in BuiltinDeviceSets.sets[name] ?? [] {
        XCTAssertEqual(ModelIdentifier.isAppleSilicon(model), false, "@\(name) lists \(model)")
      }
    }
    let row = try XCTUnwrap(catalog.releases.first { $0.build?.text == "25G241" })
    XCTAssertTrue(CatalogCSV.row(row).contains(",@macos26,"), CatalogCSV.row(row))
    let again = try CatalogCSV.parse(CatalogCSV.header + "\n" + CatalogCSV.row(row), file: "c")
    XCTAssertEqual(again.first?.devices, row.devices)
  }

  func testAnIPhoneNameOfOneFamilyResolvesToIdentifiersTheCatalogListsAndNoOtherNameDoes() {
    XCTAssertEqual(MarketingNames.iPhoneModels(named: "iPhone 8"), ["iPhone10,1", "iPhone10,4"])
    XCTAssertEqual(
      MarketingNames.iPhoneModels(named: " iphone  XS max "), ["iPhone11,4", "iPhone11,6"])
    XCTAssertEqual(MarketingNames.iPhoneModels(named: "iPhone Air"), ["iPhone18,4"])
    for ambiguous in ["iPhone", "iPhone SE", "iPad", "MacBook Air", "iPhone10,1", "iPhone 8 (GSM)"]
    {
      XCTAssertNil(MarketingNames.iPhoneModels(named: ambiguous), ambiguous)
    }
    let listed = Set(BuiltinDeviceSets.sets.values.joined())
    for name in [
      "6s", "6s Plus", "SE (1st generation)", "7", "7 Plus", "8", "8 Plus", "X", "XS",
      "XS Max", "XR", "11", "11 Pro", "11 Pro Max", "SE (2nd generation)", "12 mini", "12",
      "12 Pro", "12 Pro Max", "13 mini", "13", "13 Pro", "13 Pro Max", "SE (3rd generation)",
      "14", "14 Plus", "14 Pro", "14 Pro Max", "15", "15 Plus", "15 Pro", "15 Pro Max", "16",
      "16 Plus", "16 Pro", "16 Pro Max", "16e", "17", "17 Pro", "17 Pro Max", "17e", "Air",
    ] {
      let models = MarketingNames.iPhoneModels(named: "iPhone \(name)") ?? []
      XCTAssertFalse(models.isEmpty, "iPhone \(name)")
      XCTAssertTrue(models.isSubset(of: listed), "iPhone \(name): \(models.sorted())")
    }
  }

  func testIOS27ReachesIPadsByAssumptionAndAListedIPadIsNoLongerAssumed() throws {
    let ios27 = try HardwareScope(parsing: "@ios27")
    XCTAssertTrue(ios27.isAssumed(model: "iPad13,18", platform: .iPadOS))
    XCTAssertTrue(ios27.isAssumed(model: "iPad (10th generation)", platform: .iPadOS))
    XCTAssertFalse(ios27.isAssumed(model: "iPhone15,2", platform: .iOS))
    XCTAssertFalse(ios27.isAssumed(model: "iPhone", platform: .iOS))
    let listed = try HardwareScope(parsing: "@ios27 iPad13.18")
    XCTAssertFalse(listed.isAssumed(model: "iPad13,18", platform: .iPadOS))
    XCTAssertTrue(listed.isAssumed(model: "iPad14,1", platform: .iPadOS))
    XCTAssertFalse(
      try HardwareScope(parsing: "@ios26").isAssumed(model: "iPad13,18", platform: .iPadOS))
  }

  func testCatalogCSVReadsTheOlderTenColumnFormat() throws {
    let legacy =
      CatalogCSV.legacyHeader + "\nios,16.4.1,a,20E772520a,20E252,2023-05-01,superseded,,16.5,x"
    let r = try CatalogCSV.parse(legacy, file: "old.csv")
    XCTAssertEqual(r.first?.supersededBy?.description, "16.5")
    XCTAssertTrue(r.first?.devices.isAll ?? false)
  }

  func testCatalogCSVRoundTripsAndNamesBadLines() throws {
    let rows = catalog.releases.map(CatalogCSV.row)
    let again = try CatalogCSV.parse(
      ([CatalogCSV.header] + rows).joined(separator: "\n"), file: "c")
    XCTAssertEqual(again.count, catalog.releases.count)
    let bad =
      CatalogCSV.header
      + "\nios,16.4.1,a,20E772520a,20E252,2023-05-01,released,,,,,,x\nios,16.x,,,,,released,,,,,,x"
    XCTAssertThrowsError(try CatalogCSV.parse(bad, file: "c.csv")) { error in
      XCTAssertTrue(String(describing: error).hasPrefix("c.csv: line 3:"), "\(error)")
    }
  }
}
