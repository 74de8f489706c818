import Foundation
import RingsideDomain
import XCTest

@testable import RingsideImport

final class ValueParsingTests: XCTestCase {
  private func seconds(_ text: String) throws -> Double? {
    try DateValue.parse(text)?.timeIntervalSince1970
  }

  func testDatesInEveryExportFormReadAsTheSameInstant() throws {
    let expected = 1_717_400_472.0  // 2024-06-03T07:41:12Z
    for text in [
      "2024-06-03T07:41:12Z", "2024-06-03T07:41:12.0000000Z", "2024-06-03 07:41:12.0000000",
      "2024-06-03 07:41:12", "2024-06-03T09:41:12+02:00", "2024-06-03T09:41:12+0200",
      "2024-06-03T02:41:12-05:00", "6/3/2024 7:41:12 AM", "2024-06-03T07:41:12",
    ] {
      XCTAssertEqual(try seconds(text), expected, text)
    }
  }

  func testFractionsOfZeroToSevenDigitsAreRead() throws {
    XCTAssertEqual(
      try XCTUnwrap(try seconds("2024-06-03T07:41:12.147Z")), 1_717_400_472.147, accuracy: 0.0001)
    XCTAssertEqual(
      try XCTUnwrap(try seconds("2024-06-03T07:41:12.1234567Z")), 1_717_400_472.1234567,
      accuracy: 0.0001)
    XCTAssertEqual(
      try XCTUnwrap(try seconds("2024-06-03T07:41:12.5")), 1_717_400_472.5, accuracy: 0.0001)
  }

  func testWindowsPowerShellMillisecondDatesAreRead() throws {
    // ConvertTo-Json in Windows PowerShell 5.1 writes a DateTime as "\/Date(ms)\/", which a JSON
    // reader hands over as /Date(ms)/; a zone suffix says where it was written, not when.
    XCTAssertEqual(try seconds("/Date(1717400472000)/"), 1_717_400_472)
    XCTAssertEqual(try seconds("/Date(1717400472000+0200)/"), 1_717_400_472)
    XCTAssertNil(try seconds("/Date(-62135596800000)/"), "0001-01-01 means never")
    for text in ["/Date()/", "/Date(12ab)/", "/Date(1717400472000+02)/", "Date(1717400472000)"] {
      XCTAssertThrowsError(try DateValue.parse(text), text)
    }
  }

  func testDateOnlyIsMidnightUTC() throws {
    XCTAssertEqual(try seconds("2024-06-03"), 1_717_372_800)
  }

  func testSentinelDatesMeanUnknown() throws {
    XCTAssertNil(try seconds("0001-01-01T00:00:00Z"))
    XCTAssertNil(try seconds("9999-12-31 23:59:59.0000000"))
    XCTAssertNil(try seconds(""))
  }

  func testNonDatesAreRejected() {
    for text in [
      "yesterday", "2024-13-01", "2024-02-30", "2024-06-03T25:00:00Z", "2024-06-03T07:41:12+99:00",
    ] {
      XCTAssertThrowsError(try DateValue.parse(text), text)
    }
  }

  func testBooleansInEveryExportForm() throws {
    for text in ["true", "True", "TRUE", "Yes", "yes", "1"] {
      XCTAssertEqual(try BoolValue.parse(text), true, text)
    }
    for text in ["false", "False", "No", "no", "0"] {
      XCTAssertEqual(try BoolValue.parse(text), false, text)
    }
    XCTAssertNil(try BoolValue.parse(""))
    XCTAssertNil(try BoolValue.parse("Unknown"))
    XCTAssertEqual(try BoolValue.parse(json: .string("false")), false)
    XCTAssertEqual(try BoolValue.parse(json: .bool(true)), true)
    XCTAssertNil(try BoolValue.parse(json: nil))
    XCTAssertNil(try BoolValue.parse(json: JSONValue.null))
    XCTAssertThrowsError(try BoolValue.parse("maybe"))
  }

  func testAJSONNumberIsNeverABoolean() {
    XCTAssertThrowsError(try BoolValue.parse(json: .number("1")))
    XCTAssertThrowsError(try BoolValue.parse(json: .number("0")))
  }

  func testIPadReportingIOSIsToldApartByModel() {
    XCTAssertEqual(
      PlatformGuess.decide(reported: "iOS", model: "iPad (10th generation)"), .apple(.iPadOS))
    XCTAssertEqual(
      PlatformGuess.decide(reported: "iOS/iPadOS", model: "iPad13,16"), .apple(.iPadOS))
    XCTAssertEqual(PlatformGuess.decide(reported: "iOS/iPadOS", model: "iPhone 14"), .apple(.iOS))
    XCTAssertEqual(PlatformGuess.decide(reported: "iPadOS", model: nil), .apple(.iPadOS))
    XCTAssertEqual(PlatformGuess.decide(reported: "darwin", model: "Mac14,2"), .apple(.macOS))
    XCTAssertEqual(
      PlatformGuess.decide(reported: "Windows", model: "Surface Laptop 5"), .notApple("Windows"))
    XCTAssertEqual(PlatformGuess.decide(reported: nil, model: nil), .unknown)
  }
}
