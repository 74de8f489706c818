import Foundation
import XCTest

@testable import RingsideDomain

/// Every verdict rule on real releases from shared/reference (releases-2026.csv, Apple's GDMF
/// feed, rsr-releases.csv), as of 2026-11-29 unless a case says otherwise.
final class VerdictTableTests: XCTestCase {
  struct Case {
    let name: String
    let platform: Platform
    let model: String?
    let version: String
    var build: String? = nil
    var supplemental: String? = nil
    var removed: Character? = nil
    var today = "2026-11-29"
    var newestMajor = false
    var catalog: ReleaseCatalog = .builtin
    let state: DeviceState
    let target: String?
    var says: [String] = []
    var neverSays: [String] = []
  }

  /// The builtin catalog as Apple's feed stood on `day`: releases posted by then, and no
  /// supersession by a release that came later.
  static func catalog(asStoodOn day: String) -> ReleaseCatalog {
    let known = ReleaseCatalog.builtin.releases.filter { ($0.released ?? "0000") <= day }
    let versions = Set(known.filter { !$0.isRSR }.map { "\($0.family) \($0.version)" })
    let releases = known.map { r -> CatalogRelease in
      var r = r
      if let later = r.supersededBy, !versions.contains("\(r.family) \(later)") {
        r.supersededBy = nil
        r.status = .released
      }
      return r
    }
    return ReleaseCatalog(releases: releases, asOf: day)
  }

  static let march18 = catalog(asStoodOn: "2026-03-18")

  static let cases: [Case] = [
    Case(
      name: "iOS 26.3.1 without its BSI, after 26.4 and the end of signing", platform: .iOS,
      model: "iPhone15,2", version: "26.3.1", build: "23D8133", supplemental: "23D8133",
      state: .osUpdateFirst, target: "26.7.1",
      says: [
        "26.3.1 (a) cannot be installed any more", "26.4 replaced it on 2026-03-24",
        "stopped signing it after 2026-11-20", "26.7.1 (23H30)",
      ]),
    Case(
      name: "macOS 26.3.1 without its BSI", platform: .macOS, model: "Mac14,2",
      version: "26.3.1", build: "25D2128", supplemental: "25D2128", state: .osUpdateFirst,
      target: "26.7.1", says: ["26.4 replaced it", "26.7.1 (25G241)"]),
    Case(
      name: "iOS 26.3.1 (a) while 26.7.1 exists is not current", platform: .iOS,
      model: "iPhone16,2", version: "26.3.1 (a)", build: "23D8133", supplemental: "23D771330a",
      state: .osUpdateFirst, target: "26.7.1", says: ["no longer makes it current"]),
    Case(
      name: "iOS 16.5.1 without a letter: (c) was superseded by 16.6", platform: .iOS,
      model: "iPhone10,3", version: "16.5.1", build: "20F75", supplemental: "20F75",
      state: .osUpdateFirst, target: "16.7.16",
      says: ["16.5.1 (c) cannot be installed any more", "16.6 replaced it on 2023-07-24"]),
    Case(
      name: "iOS 16.5.1 (c) on an iPhone X", platform: .iOS, model: "iPhone10,3",
      version: "16.5.1 (c)", state: .osUpdateFirst, target: "16.7.16"),
    Case(
      name: "an iPhone X on 16.7.16 has the newest release its hardware gets", platform: .iOS,
      model: "iPhone10,3", version: "16.7.16", build: "20H392", state: .current,
      target: "16.7.16"),
    Case(
      name: "pulled 16.5.1 (a): the replacement is gone too, so update", platform: .iOS,
      model: "iPhone10,4", version: "16.5.1 (a)", build: "20F75", supplemental: "20F770750b",
      state: .pulledRSR, target: "16.7.16",
      says: ["was pulled on 2023-07-12", "16.5.1 (c) (20F770750d) replaced it"]),
    Case(
      name: "replaced macOS 13.4.1 (a)", platform: .macOS, model: "Mac14,2",
      version: "13.4.1 (a)", build: "22F82", supplemental: "22F770820b", state: .pulledRSR,
      target: "27.0.1", says: ["was replaced on 2023-07-12 by 13.4.1 (c)"]),
    Case(
      name: "iPhone XS on 18.7.10: iOS 18's last line, the newest it gets", platform: .iOS,
      model: "iPhone11,8", version: "18.7.10", build: "22H374", state: .current,
      target: "18.7.10"),
    Case(
      name: "iPhone XS on 18.7.7 must update within its line", platform: .iOS,
      model: "iPhone11,8", version: "18.7.7", build: "22H333", state: .osUpdateFirst,
      target: "18.7.10"),
    Case(
      name: "iPhone 14 left on iOS 18: Apple ships 18 only to older models now", platform: .iOS,
      model: "iPhone15,2", version: "18.6.2", state: .osUpdateFirst, target: "27.0.1",
      says: ["iOS 18 no longer gets releases for this model (iPhone15,2)"],
      neverSays: ["uncertain", "guess"]),
    Case(
      name: "an iPad left on iPadOS 18 targets 27.0.1, which rests on the catalog's assumption",
      platform: .iPadOS, model: "iPad13,18", version: "18.6.2", state: .osUpdateFirst,
      target: "27.0.1",
      says: [
        "Whether iPadOS 27 runs on this model (iPad13,18) is the catalog's assumption",
        "this target is uncertain",
      ]),
    Case(
      name: "an iPad on iPadOS 26.7.1 is current on a listed release, with no uncertainty",
      platform: .iPadOS, model: "iPad13,18", version: "26.7.1", build: "23H30", state: .current,
      target: "26.7.1", neverSays: ["uncertain"]),
    Case(
      name: "an iPhone 14 known by its marketing name on iOS 16 targets 27.0.1", platform: .iOS,
      model: "iPhone 14", version: "16.4.1", state: .osUpdateFirst, target: "27.0.1",
      says: ["iOS 16 no longer gets releases for this model (iPhone 14)"]),
    Case(
      name: "an iPhone 8 known by its marketing name on 16.5.1 stays on iOS 16, its last line",
      platform: .iOS, model: "iPhone 8", version: "16.5.1", build: "20F75",
      state: .osUpdateFirst, target: "16.7.16",
      says: ["The newest iOS 16 release for it is 16.7.16 (20H392)"]),
    Case(
      name: "an iPhone XS known by its marketing name on iOS 26.7.1 is an impossible pair",
      platform: .iOS, model: "iPhone XS", version: "26.7.1", build: "23H30", state: .unknown,
      target: nil, says: ["iOS 26 does not list this model (iPhone XS)"]),
    Case(
      name: "a name of no one model on iOS 16: most models of 16 run 27, a guess from the name",
      platform: .iOS, model: "iPhone", version: "16.4.1", state: .osUpdateFirst,
      target: "27.0.1", says: ["so the target is a guess from the name"]),
    Case(
      name: "an iPad by marketing name on 16.5.1 (c) is not sent to 16.7.x", platform: .iPadOS,
      model: "iPad (10th generation)", version: "16.5.1 (c)", state: .osUpdateFirst,
      target: "27.0.1",
      says: ["\"iPad (10th generation)\"", "a guess from the name", "target is uncertain"]),
    Case(
      name: "a device on 16.7.16 is one of its 12 models: it stays on iOS 16", platform: .iOS,
      model: "iPhone", version: "16.7.16", build: "20H392", state: .current, target: "16.7.16"),
    Case(
      name: "iPad 6th generation on iPadOS 17.7.11, its last line", platform: .iPadOS,
      model: "iPad7,5", version: "17.7.11", build: "21H461", state: .current, target: "17.7.11"),
    Case(
      name: "macOS 15.8.1: the older line Apple still ships", platform: .macOS, model: "Mac14,2",
      version: "15.8.1", build: "24H32", state: .current, target: "15.8.1"),
    Case(
      name: "macOS 15.7.9 must update to 15.8.1", platform: .macOS, model: "Mac14,2",
      version: "15.7.9", build: "24G830", state: .osUpdateFirst, target: "15.8.1"),
    Case(
      name: "macOS 14 ended before 27.0: an Apple silicon Mac goes to 27", platform: .macOS,
      model: "Mac14,2", version: "14.8.9", build: "23J631", state: .osUpdateFirst,
      target: "27.0.1"),
    Case(
      name: "an Intel Mac cannot run macOS 27: its newest is 26.7.1", platform: .macOS,
      model: "MacBookPro16,1", version: "14.8.9", build: "23J631", state: .osUpdateFirst,
      target: "26.7.1"),
    Case(
      name: "an Intel Mac on 26.7.1 is current", platform: .macOS, model: "MacBookPro16,1",
      version: "26.7.1", build: "25G241", state: .current, target: "26.7.1"),
    Case(
      name: "iOS 26.7.1 is current while Apple ships 26", platform: .iOS, model: "iPhone15,2",
      version: "26.7.1", build: "23H30", state: .current, target: "26.7.1"),
    Case(
      name: "iOS 27.0 must take 27.0.1", platform: .iOS, model: "iPhone17,1", version: "27.0",
      build: "24A437", state: .osUpdateFirst, target: "27.0.1"),
    Case(
      name: "a ring that requires the newest major", platform: .iOS, model: "iPhone15,2",
      version: "26.7.1", build: "23H30", newestMajor: true, state: .osUpdateFirst,
      target: "27.0.1", says: ["requires the newest major"]),
    Case(
      name: "the newest major a model runs is its ceiling even when a ring wants more",
      platform: .iOS, model: "iPhone11,8", version: "18.7.10", build: "22H374",
      newestMajor: true, state: .current, target: "18.7.10"),
    Case(
      name: "on 2026-03-18 the iOS BSI was installable", platform: .iOS, model: "iPhone15,2",
      version: "26.3.1", build: "23D8133", supplemental: "23D8133", today: "2026-03-18",
      catalog: march18, state: .rsrAvailable, target: "26.3.1",
      says: ["26.3.1 (a) (23D771330a)", "Apple signs it until 2026-11-20"]),
    Case(
      name: "the signing window's last day still counts", platform: .iOS, model: "iPhone15,2",
      version: "26.3.1", build: "23D8133", supplemental: "23D8133", today: "2026-11-20",
      catalog: march18, state: .rsrAvailable, target: "26.3.1"),
    Case(
      name: "the day after the signing window closed", platform: .iOS, model: "iPhone15,2",
      version: "26.3.1", build: "23D8133", supplemental: "23D8133", today: "2026-11-21",
      catalog: march18, state: .current, target: "26.3.1",
      says: ["stopped signing it after 2026-11-20"]),
    Case(
      name: "26.3.2 (a) is for the MacBook Neo only", platform: .macOS, model: "Mac17,5",
      version: "26.3.2", build: "25D2140", supplemental: "25D2140", today: "2026-03-18",
      catalog: march18, state: .rsrAvailable, target: "26.3.2", says: ["26.3.2 (a)"]),
    Case(
      name: "a Mac on the general BSI is current, the model-specific one notwithstanding",
      platform: .macOS, model: "Mac14,2", version: "26.3.1 (a)", build: "25D2128",
      supplemental: "25D771280a", today: "2026-03-18", catalog: march18, state: .current,
      target: "26.3.1"),
    Case(
      name: "the letter comes from the supplemental build when the source gives none",
      platform: .iOS, model: "iPhone15,2", version: "26.3.1", build: "23D8133",
      supplemental: "23D771330a", today: "2026-03-18", catalog: march18, state: .current,
      target: "26.3.1"),
    Case(
      name: "a removed BSI on the newest release", platform: .iOS, model: "iPhone15,2",
      version: "26.3.1", build: "23D8133", supplemental: "23D8133", removed: "a",
      today: "2026-03-18", catalog: march18, state: .rsrRemoved, target: "26.3.1",
      says: ["was removed"]),
    Case(
      name: "no version reported", platform: .iOS, model: nil, version: "", state: .unknown,
      target: nil),
    Case(
      name: "an iPhone XS reported on iOS 26.7.1 is an impossible pair, not current",
      platform: .iOS, model: "iPhone11,2", version: "26.7.1", build: "23H30", state: .unknown,
      target: nil,
      says: [
        "iOS 26 does not list this model (iPhone11,2)", "18.7.10 (22H374)",
        "model or the version reported is wrong",
      ]),
    Case(
      name: "an iPhone XS on iOS 15.7 runs a newer major, so it updates within what it runs",
      platform: .iOS, model: "iPhone11,2", version: "15.7", state: .osUpdateFirst,
      target: "18.7.10", says: ["iOS 15 no longer gets releases for this model (iPhone11,2)"]),
    Case(
      name: "an iPhone 5 on iOS 10.3.3: no release in the catalog runs on it", platform: .iOS,
      model: "iPhone5,1", version: "10.3.3", state: .unknown, target: nil,
      says: ["knows no iOS release for this model (iPhone5,1)", "not counted as patched"]),
    Case(
      name: "an iPad known by a part number on iOS 9.2.1, older than the catalog, gets no target",
      platform: .iPadOS, model: "ME824CH", version: "9.2.1", state: .unknown, target: nil,
      says: ["knows no iPadOS release for this model (ME824CH)"]),
    Case(
      name: "an Intel Mac reported on macOS 27.0.1 is an impossible pair, not current",
      platform: .macOS, model: "MacBookPro16,1", version: "27.0.1", build: "26A434",
      state: .unknown, target: nil,
      says: ["macOS 27 does not list this model (MacBookPro16,1)", "26.7.1 (25G241)"]),
    Case(
      name: "a MacBook Air 2018 on 14.8.9 is current: macOS 14 is the last it runs",
      platform: .macOS, model: "MacBookAir8,1", version: "14.8.9", build: "23J631",
      state: .current, target: "14.8.9"),
    Case(
      name: "a MacBook Air 2020 (Intel) on 14.8.9 goes to 15.8.1, not to 26 or 27",
      platform: .macOS, model: "MacBookAir9,1", version: "14.8.9", build: "23J631",
      state: .osUpdateFirst, target: "15.8.1",
      says: ["macOS 14 no longer gets releases for this model (MacBookAir9,1)", "15.8.1 (24H32)"]),
    Case(
      name: "an iMac 2019 on 14.8.9 goes to 15.8.1", platform: .macOS, model: "iMac19,1",
      version: "14.8.9", build: "23J631", state: .osUpdateFirst, target: "15.8.1"),
    Case(
      name: "a MacBook Pro 2015 on 12.7.6, the last Monterey, is current", platform: .macOS,
      model: "MacBookPro11,4", version: "12.7.6", build: "21H1320", state: .current,
      target: "12.7.6"),
    Case(
      name: "a MacBook Pro 2012 on 10.9.5: no macOS release in the catalog runs on it",
      platform: .macOS, model: "MacBookPro9,2", version: "10.9.5", state: .unknown, target: nil,
      says: ["knows no macOS release for this model (MacBookPro9,2)", "not counted as patched"]),
    Case(
      name: "a macOS virtual machine on Apple silicon goes to 27 like its host",
      platform: .macOS, model: "VirtualMac2,1", version: "14.8.9", build: "23J631",
      state: .osUpdateFirst, target: "27.0.1"),
    Case(
      name: "a Mac known by its name only on 14.8.9 still targets 27.0.1", platform: .macOS,
      model: "MacBook Air", version: "14.8.9", build: "23J631", state: .osUpdateFirst,
      target: "27.0.1", says: ["a guess from the name"]),
    Case(
      name: "a device on a major newer than the catalog is current on its newest known release",
      platform: .iOS, model: "iPhone17,1", version: "27.0", build: "24A437",
      today: "2026-09-13", catalog: catalog(asStoodOn: "2026-09-13"), state: .current,
      target: "26.6.2", says: ["newer than any release the catalog (as of 2026-09-13) knows"]),
    // 23G83 is iOS 26.6.1's build and 23H30 is 26.7.1's (releases-2026.csv).
    Case(
      name: "a build the catalog knows as another release: the source contradicts itself",
      platform: .iOS, model: "iPhone15,2", version: "26.7.1", build: "23G83",
      supplemental: "23G83", state: .unknown, target: nil,
      says: ["with build 23G83, which is 26.6.1's", "not judged"]),
    Case(
      name: "a build the catalog does not know leaves the version's verdict",
      platform: .iOS, model: "iPhone15,2", version: "26.7.1", build: "23H99",
      supplemental: "23H99", state: .current, target: "26.7.1",
      neverSays: ["contradicts", "beta"]),
    Case(
      name: "a letter beside equal builds: the builds say no RSR/BSI is installed",
      platform: .iOS, model: "iPhone15,2", version: "26.7.1 (a)", build: "23H30",
      supplemental: "23H30", state: .unknown, target: nil,
      says: ["both 23H30, which says no RSR/BSI is installed"], neverSays: ["may remove"]),
    // 26.3 (b) 25D770870v is a beta BSI on the seed 25D5087f (releases-2026.csv).
    Case(
      name: "a Mac on a beta BSI is named as on a beta seed", platform: .macOS,
      model: "Mac14,2", version: "26.3 (b)", build: "25D5087f", supplemental: "25D770870v",
      state: .osUpdateFirst, target: "26.7.1", says: ["25D770870v is a beta seed of 26.3 (b)"]),
    Case(
      name: "an iPhone on a seed of a release the catalog does not know yet", platform: .iOS,
      model: "iPhone17,1", version: "27.1", build: "24B5040e", supplemental: "24B5040e",
      state: .current, target: "27.0.1", says: ["24B5040e looks like a beta seed"]),
  ]

  func testEveryCaseGivesTheVerdictAndTargetTheReferencesSupport() throws {
    for c in Self.cases {
      var v =
        c.version.isEmpty
        ? AppleOSVersion(platform: c.platform, base: nil)
        : try AppleOSVersion.parse(c.version, missingLetter: .none)
      if let b = c.build { v.build = try AppleBuild(b) }
      if let s = c.supplemental { v.supplementalBuild = try AppleBuild(s) }
      let a = StateAssessor(catalog: c.catalog, today: c.today).assess(
        platform: c.platform, model: c.model, version: v, removedLetter: c.removed,
        requireNewestMajor: c.newestMajor)
      XCTAssertEqual(a.state, c.state, "\(c.name): \(a.explanation)")
      XCTAssertEqual(a.target?.version.description, c.target, "\(c.name): target")
      for phrase in c.says {
        XCTAssertTrue(
          a.explanation.contains(phrase), "\(c.name): \"\(phrase)\" in \(a.explanation)")
      }
      for phrase in c.neverSays {
        XCTAssertFalse(
          a.explanation.contains(phrase), "\(c.name): no \"\(phrase)\" in \(a.explanation)")
      }
      if a.state == .osUpdateFirst, let t = a.target {
        XCTAssertEqual(
          a.action, "Update to \(t.displayVersion) (\(t.build?.text ?? "")).", c.name)
      }
    }
  }

  /// Apple's feed lists Macs by board ID, so a macOS release it brings has no model scope; as
  /// every Mac, 26.7.1 imported onto the catalog of 2026-09-27 sent an Intel MacBook Air that
  /// stops at macOS 15 to 26.7.1.
  func testAMacOSReleaseAFeedAddsRunsOnTheMacsOfItsMajor() throws {
    let before = Self.catalog(asStoodOn: "2026-09-27")
    var feed = try XCTUnwrap(ReleaseCatalog.builtin.releases.first { $0.build?.text == "25G241" })
    feed.devices = .all
    feed.source = "Apple GDMF pmv.json"
    let merged = before.merging([feed], asOf: "2026-09-28")
    let added = try XCTUnwrap(merged.releases.first { $0.build?.text == "25G241" })
    XCTAssertEqual(added.devices.text, "@macos26")
    XCTAssertTrue(added.notes.contains("devices as macOS 26.7's"), added.notes)
    var v = try AppleOSVersion.parse("14.8.9", missingLetter: .none)
    v.build = try AppleBuild("23J631")
    let air = StateAssessor(catalog: merged, today: "2026-09-28").assess(
      platform: .macOS, model: "MacBookAir9,1", version: v)
    XCTAssertEqual(air.target?.version.description, "15.8", air.explanation)
    let pro = StateAssessor(catalog: merged, today: "2026-09-28").assess(
      platform: .macOS, model: "MacBookPro16,1", version: v)
    XCTAssertEqual(pro.target?.version.description, "26.7.1", pro.explanation)
  }

  func testRemovalOnOS27HoldsOnlyOnSupervisedDevicesThroughTheDeclaration() {
    func status(_ p: Platform, _ supervised: Bool?, major: Int, removed: Character? = nil)
      -> RemovalStatus
    {
      StateAssessor.removalStatus(
        platform: p, supervised: supervised, userEnrolled: false, ringRemoval: .block,
        major: major, removedLetter: removed)
    }
    XCTAssertEqual(status(.macOS, false, major: 26), .blocked)
    XCTAssertEqual(status(.macOS, false, major: 27), .notEnforced)
    XCTAssertEqual(status(.macOS, nil, major: 27), .notEnforced)
    XCTAssertEqual(status(.macOS, true, major: 27), .blocked)
    XCTAssertEqual(status(.iOS, true, major: 27), .blocked)
    XCTAssertEqual(status(.iOS, false, major: 27), .notEnforced)
    XCTAssertEqual(status(.iOS, true, major: 26, removed: "a"), .removedAnyway)
    XCTAssertEqual(status(.iOS, false, major: 26, removed: "a"), .notEnforced, "explains it")
    XCTAssertEqual(status(.macOS, false, major: 26, removed: "a"), .removedAnyway)
    let sentence = RemovalExplanation.sentence(
      status: .notEnforced, platform: .macOS, supervised: false, userEnrolled: false,
      ring: "production", version: AppleOSVersion(base: OSVersionNumber("27.0.1")))
    XCTAssertTrue(sentence.contains("softwareupdate.settings"), sentence)
    let flagged = RemovalExplanation.sentence(
      status: .removedAnyway, platform: .iOS, supervised: true, userEnrolled: false,
      ring: "production", version: AppleOSVersion(base: OSVersionNumber("26.3.1")))
    XCTAssertTrue(flagged.contains("check the profile reached the device"), flagged)
  }

  func testAVerdictOnADeviceNotSeenForOverTwoWeeksSaysItRestsOnOldData() {
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    let days = { (n: Double) in now.addingTimeInterval(-n * 86400) }
    XCTAssertNil(StaleVerdict.sentence(lastCheckIn: days(3), now: now))
    XCTAssertNil(StaleVerdict.sentence(lastCheckIn: days(14), now: now))
    XCTAssertNil(StaleVerdict.sentence(lastCheckIn: nil, now: now))
    let old = StaleVerdict.sentence(lastCheckIn: days(67.5), now: now)
    XCTAssertEqual(
      old,
      "Its last check-in was 67 days ago: this verdict rests on what it reported then; get it "
        + "to check in first, or retire it if it is gone.")
  }

  func testAnUnblockedRingSpeaksOfTheInstalledBSIOnlyWhenTheDeviceHasOne() {
    func allowed(_ version: AppleOSVersion) -> String {
      RemovalExplanation.sentence(
        status: .allowed, platform: .iOS, supervised: true, userEnrolled: false,
        ring: "production", version: version)
    }
    // 26.3.1 (a), build 23D771330a on 23D8133 (releases-2026.csv); 26.7.1 has no BSI.
    let withBSI = allowed(
      AppleOSVersion(
        base: OSVersionNumber("26.3.1"), rsr: .letter("a"), build: try? AppleBuild("23D8133"),
        supplementalBuild: try? AppleBuild("23D771330a")))
    XCTAssertTrue(withBSI.contains("may remove the one installed"), withBSI)
    let without = allowed(AppleOSVersion(base: OSVersionNumber("26.7.1"), rsr: .none))
    XCTAssertTrue(without.contains("could remove one installed here"), without)
    XCTAssertFalse(without.contains("remove it"), without)
  }

  func testTheCatalogKnowsEveryReleaseOf2026WithTheReferenceBuildAndDate() throws {
    let rows = try Fixtures.csv("releases-2026.csv")
    XCTAssertEqual(rows.count, 68)
    for row in rows {
      let family: PlatformFamily = row["platform"] == "macos" ? .macOS : .iOS
      let version = try AppleOSVersion.parse(row["version"] ?? "", missingLetter: .none)
      let build = try AppleBuild(row["build"] ?? "")
      let found = ReleaseCatalog.builtin.releases.first {
        $0.family == family && $0.build == build
      }
      XCTAssertNotNil(found, "\(row["version"] ?? "") \(build.text) is missing")
      XCTAssertEqual(found?.version, version.base, build.text)
      XCTAssertEqual(found?.letter, version.rsr.letter, build.text)
      XCTAssertEqual(found?.released, row["released"], build.text)
      XCTAssertEqual(found?.status == .beta, row["status"] == "beta", build.text)
    }
  }

  /// Apple's feed names the devices each build was offered to; an older line's updates in
  /// 2026 (15.8.x, 16.7.x, most of 18.7.x) went to the models that cannot run a newer major
  /// only. The catalog once said 16.7.15 ran on every iOS 16 model, and sent an iPhone 14 to it.
  func testEveryOlderIOSLineBuildReachesExactlyTheDevicesAppleOfferedItTo() throws {
    var offered: [String: Set<String>] = [:]
    for line in try Fixtures.text("gdmf-history.ndjson").split(separator: "\n") {
      let entry = try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard ["iOS", "iPadOS"].contains(entry["platform"] as? String),
        let build = entry["build"] as? String, let devices = entry["supported_devices"] as? [String]
      else { continue }
      offered[build, default: []].formUnion(devices)
    }
    let models = Set(BuiltinDeviceSets.sets.values.joined())
    var checked = 0
    for release in ReleaseCatalog.builtin.releases
    where release.family == .iOS && release.version.major < 26 && !release.isRSR {
      guard let build = release.build?.text, let devices = offered[build] else { continue }
      checked += 1
      for model in models.sorted() {
        let platform: Platform = model.hasPrefix("iPad") ? .iPadOS : .iOS
        XCTAssertEqual(
          release.devices.includes(model: model, platform: platform) != false,
          devices.contains(model), "\(release.version) (\(build)) on \(model)")
      }
    }
    XCTAssertGreaterThanOrEqual(checked, 14)
  }

  func testTheSOFAErrorsTheReferencesFoundAreCorrected() {
    let c = ReleaseCatalog.builtin
    func os(_ f: PlatformFamily, _ v: String) -> CatalogRelease? {
      c.releases.first { $0.family == f && !$0.isRSR && $0.version.description == v }
    }
    XCTAssertEqual(os(.iOS, "26.5")?.build?.text, "23F77")
    XCTAssertEqual(os(.iOS, "26.6")?.build?.text, "23G71")
    XCTAssertEqual(os(.macOS, "13.3.1")?.released, "2023-04-07")
    let bsi = c.rsrs(for: .iOS, base: OSVersionNumber("26.3.1")!).first
    XCTAssertEqual(bsi?.supersededBy?.description, "26.4")
    XCTAssertEqual(bsi?.expires, "2026-11-20")
    XCTAssertNil(c.releases.first { $0.build?.text == "23T6570" }, "a watchOS build")
  }
}
