import XCTest

@testable import RingsideDomain

final class VersionParsingTests: XCTestCase {
  func testEveryFormSeenInTheWildParses() throws {
    let cases: [(String, Platform?, String, RSRMark)] = [
      ("16.4.1", nil, "16.4.1", .unknown),
      ("16.4.1 (a)", nil, "16.4.1", .letter("a")),
      ("16.4.1(a)", nil, "16.4.1", .letter("a")),
      ("iOS 16.4.1 (a)", .iOS, "16.4.1", .letter("a")),
      ("macOS 13.4.1 (c)", .macOS, "13.4.1", .letter("c")),
      ("26.3.1 (a)", nil, "26.3.1", .letter("a")),
      ("iPadOS 17.5.1", .iPadOS, "17.5.1", .unknown),
      ("macOS Ventura 13.4.1 (c)", .macOS, "13.4.1", .letter("c")),
      ("  16.5  ", nil, "16.5", .unknown),
      ("17", nil, "17", .unknown),
    ]
    for (text, platform, base, mark) in cases {
      let v = try AppleOSVersion.parse(text)
      XCTAssertEqual(v.platform, platform, text)
      XCTAssertEqual(v.base, OSVersionNumber(base), text)
      XCTAssertEqual(v.rsr, mark, text)
    }
  }

  func testVersionWithBuildInParenthesesKeepsTheBuild() throws {
    let v = try AppleOSVersion.parse("16.4.1 (a) (20E772520a)")
    XCTAssertEqual(v.rsr, .letter("a"))
    XCTAssertEqual(v.build?.text, "20E772520a")
  }

  func testMissingLetterMeansWhatTheSourceSays() throws {
    XCTAssertEqual(try AppleOSVersion.parse("16.4.1").rsr, .unknown)
    XCTAssertEqual(try AppleOSVersion.parse("16.4.1", missingLetter: .none).rsr, .none)
  }

  func testBareDDMLetterAndParenthesisedExtraParse() throws {
    XCTAssertEqual(try RSRMark.parse("a"), .letter("a"))
    XCTAssertEqual(try RSRMark.parse("(c)"), .letter("c"))
    XCTAssertEqual(try RSRMark.parse(""), RSRMark.none)
  }

  func testMDMPairCombinesOSVersionAndSupplementalExtra() throws {
    let v = try AppleOSVersion.fromMDM(
      osVersion: "16.4.1", supplementalOSVersionExtra: "(a)", buildVersion: "20E252",
      supplementalBuildVersion: "20E772520a")
    XCTAssertEqual(v.displayString, "16.4.1 (a)")
    XCTAssertEqual(v.build?.text, "20E252")
    XCTAssertEqual(v.supplementalBuild?.text, "20E772520a")
  }

  func testMDMWithEmptyExtraMeansNoRSR() throws {
    let v = try AppleOSVersion.fromMDM(
      osVersion: "16.5.1", supplementalOSVersionExtra: "", buildVersion: "20F75",
      supplementalBuildVersion: "20F75")
    XCTAssertEqual(v.rsr, RSRMark.none)
  }

  func testEqualBuildAndSupplementalBuildProveNoRSR() throws {
    let v = AppleOSVersion(
      base: OSVersionNumber("16.4.1"), rsr: .unknown, build: try AppleBuild("20E252"),
      supplementalBuild: try AppleBuild("20E252"))
    XCTAssertEqual(v.rsr, RSRMark.none)
  }

  func testDifferentSupplementalBuildShowsAnRSRWhoseLetterIsUnknown() throws {
    let v = AppleOSVersion(
      base: OSVersionNumber("16.4.1"), rsr: .unknown, build: try AppleBuild("20E252"),
      supplementalBuild: try AppleBuild("20E772520a"))
    XCTAssertEqual(v.rsr, .unknown)
    XCTAssertEqual(v.hasRSRInstalled, true)
    XCTAssertEqual(v.displayString, "16.4.1 (?)")
  }

  func testBuildsParse() throws {
    for text in ["20E252", "20E772520a", "22F2083", "23D771330a", "20C5049e", "25G83"] {
      XCTAssertEqual(try AppleBuild(text).text, text)
    }
  }

  func testMalformedVersionsSayWhatWasExpected() {
    for text in [
      "", "sixteen", "16.4.1 (ab)", "16..4", "16.4.1.2", "iOS", "16.4.1 (", "1.2.3 (a) junk",
    ] {
      XCTAssertThrowsError(try AppleOSVersion.parse(text), text) { error in
        XCTAssertTrue(String(describing: error).contains("expected"), "\(error)")
      }
    }
  }

  func testMalformedBuildsAndLettersAreRejected() {
    for text in ["20e252", "2E252", "20E", "20E252ab", "build"] {
      XCTAssertThrowsError(try AppleBuild(text), text)
    }
    for text in ["ab", "1", "(a", "é"] {
      XCTAssertThrowsError(try RSRMark.parse(text), text)
    }
  }

  func testParseErrorNeverEchoesControlCharacters() {
    XCTAssertThrowsError(try AppleOSVersion.parse("\u{1B}]0;owned\u{07}")) { error in
      let text = String(describing: error)
      XCTAssertFalse(text.contains("\u{1B}"))
      XCTAssertTrue(text.contains("^["))
    }
  }
}
