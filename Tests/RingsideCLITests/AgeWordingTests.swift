import Foundation
import XCTest

@testable import RingsideCLI

/// How long ago, in the words `why` prints.
final class AgeWordingTests: XCTestCase {
  func testAgesCountCalendarDaysAfterTheFirstDay() {
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 11:06 UTC
    func age(_ seconds: Double) -> String { Formatting.age(now - seconds, now: now) }
    XCTAssertEqual(age(30), "just now")
    XCTAssertEqual(age(20 * 60), "20 minutes ago")
    XCTAssertEqual(age(5 * 3600), "5 hours ago")
    XCTAssertEqual(age(12 * 3600), "yesterday", "23:06 the day before is yesterday, not today")
    XCTAssertEqual(age(10 * 3600), "10 hours ago")
    XCTAssertEqual(age(3 * 86400), "3 days ago")
    XCTAssertEqual(age(-86400), "in the future")
    XCTAssertEqual(Formatting.age(nil, now: now), "never")
  }
}
