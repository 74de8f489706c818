import XCTest

@testable import RingsideDomain

final class PolicyAndFilterTests: XCTestCase {
  func testSettingsCycleUnsetAllowBlock() {
    XCTAssertEqual(PolicySetting.unset.next, .allow)
    XCTAssertEqual(PolicySetting.allow.next, .block)
    XCTAssertEqual(PolicySetting.block.next, .unset)
    XCTAssertEqual(CriticalUpdateSetting.unset.next, .on)
  }

  func testDeferralAcceptsOneToNinetyDaysOrUnset() throws {
    var policy = RingPolicy.unset
    XCTAssertThrowsError(try policy.setDeferral(0))
    XCTAssertThrowsError(try policy.setDeferral(91))
    try policy.setDeferral(90)
    XCTAssertEqual(policy.deferralDays, 90)
    XCTAssertEqual(policy.deferral(steppedBy: 1), 90)
    try policy.setDeferral(1)
    XCTAssertNil(policy.deferral(steppedBy: -1))
    XCTAssertEqual(RingPolicy.unset.deferral(steppedBy: 1), 1)
  }

  func testRingNamesAreSafeForFileNames() {
    XCTAssertTrue(Ring.isValidName("pilot-2"))
    for bad in ["", "Pilot", "../etc", "a b", "9lives", String(repeating: "a", count: 33)] {
      XCTAssertFalse(Ring.isValidName(bad), bad)
    }
    XCTAssertEqual(Ring.normalizedName("Update Ring: Pilot"), "update-ring-pilot")
    XCTAssertEqual(Ring.normalizedName("Production"), "production")
    XCTAssertNil(Ring.normalizedName("!!!"))
    // İ lowercases to i and a combining dot, one grapheme that sorts between i and j.
    XCTAssertFalse(Ring.isValidName("i\u{307}"))
    XCTAssertEqual(Ring.normalizedName("İ"), "i")
    XCTAssertEqual(Ring.normalizedName("İzmir"), "izmir")
    XCTAssertEqual(Ring.normalizedName("José Lab"), "jose-lab")
    XCTAssertEqual(Ring.normalizedName("Izmir"), "izmir")
  }

  func testAnIdentifierWithNothingVisibleInItNamesNoDevice() {
    // Two devices whose serial is a zero-width space are told apart by their UDIDs.
    let a = Device.mergeKey(serial: "\u{200B}", udid: "UDID-A", source: "jamf", sourceID: "1")
    let b = Device.mergeKey(serial: "\u{200B}", udid: "UDID-B", source: "jamf", sourceID: "2")
    XCTAssertEqual(a, "UDID:UDID-A")
    XCTAssertNotEqual(a, b)
    XCTAssertEqual(
      Device.mergeKey(serial: " \u{202E}\u{FE0F} ", udid: nil, source: "intune", sourceID: "9"),
      "intune:9")
    XCTAssertEqual(
      Device.mergeKey(serial: "c02x\u{200B}1", udid: nil, source: "jamf", sourceID: "3"),
      "C02X\u{200B}1")
  }

  func testFilterReadsFieldsAndWords() throws {
    let f = try DeviceFilter.parse(
      "os:16.5.1 ring:test state:pulled-rsr removal:blocked platform:macos supervised:no lab")
    XCTAssertEqual(
      f.terms,
      [
        .os(OSVersionNumber("16.5.1")!, nil), .ring("test"), .state(.pulledRSR), .removal(.blocked),
        .platform(.macOS), .supervised(false), .text("lab"),
      ])
  }

  func testFilterKeepsQuotedVersionsWithLetters() throws {
    let f = try DeviceFilter.parse("os:\"16.5.1 (c)\" -state:current")
    XCTAssertEqual(
      f.terms, [.os(OSVersionNumber("16.5.1")!, .letter("c")), .not(.state(.current))])
  }

  func testFilterRejectsUnknownFieldsAndValuesWithTheChoices() {
    XCTAssertThrowsError(try DeviceFilter.parse("colour:red")) { error in
      XCTAssertTrue(String(describing: error).contains("use one of os, ring"))
    }
    XCTAssertThrowsError(try DeviceFilter.parse("state:fine")) { error in
      XCTAssertTrue(String(describing: error).contains("rsr-available"))
    }
  }

  func testSortParsesDirections() {
    XCTAssertEqual(DeviceSort.parse("-checkin"), DeviceSort(.checkin, descending: true))
    XCTAssertEqual(DeviceSort.parse("os:desc"), DeviceSort(.os, descending: true))
    XCTAssertNil(DeviceSort.parse("colour"))
  }

  func testManyPlainWordsAreAListAndSerialTakesOne() throws {
    let words = (0..<10_000).map { "c02x\($0)" }
    let list = try DeviceFilter.parse(words.joined(separator: " "))
    XCTAssertEqual(list.terms, [.anyOf(words.map { $0.uppercased() })])
    XCTAssertEqual(try DeviceFilter.parse("serial:a1,b2").terms, [.anyOf(["A1", "B2"])])
    XCTAssertEqual(try DeviceFilter.parse("two words").terms, [.text("two"), .text("words")])
  }

  func testMoreThanAThousandTermsIsAnError() {
    let text = "platform:ios " + (0..<1_000).map { "w\($0)" }.joined(separator: " ")
    XCTAssertThrowsError(try DeviceFilter.parse(text)) { error in
      XCTAssertTrue("\(error)".contains("1001 terms; a filter takes at most 1000"), "\(error)")
    }
  }
}

/// Every version the screen shows can be typed back into the filter.
final class FilterVersionLabelTests: XCTestCase {
  func testAnUnknownLetterAsShownIsAFilterValue() throws {
    for text in ["os:\"26.3.1 (?)\"", "os:26.3.1(?)"] {
      XCTAssertEqual(
        try DeviceFilter.parse(text).terms, [.os(OSVersionNumber("26.3.1")!, .unknown)])
    }
    XCTAssertEqual(
      try DeviceFilter.parse("os:\"16.5.1 (c)\"").terms,
      [.os(OSVersionNumber("16.5.1")!, .letter("c"))])
  }
}
