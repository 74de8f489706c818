import Foundation
import XCTest

@testable import RingsideDomain

final class TextSafetyTests: XCTestCase {
  func testEscapeSequencesBecomeVisiblePlaceholders() {
    let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J<script>"
    let shown = Sanitized.text(hostile)
    XCTAssertEqual(shown, "^[]0;owned^G^[[2J<script>")
    XCTAssertFalse(Sanitized.isClean(hostile))
  }

  func testBidiOverridesAndC1ControlsAreShown() {
    XCTAssertEqual(Sanitized.text("a\u{202E}b\u{9B}c"), "a<U+202E>b<U+009B>c")
  }

  func testWideCharactersTakeTwoColumns() {
    XCTAssertEqual(DisplayWidth.of("山田のiPad"), 10)
    XCTAssertEqual(DisplayWidth.of("Mac 🍎 Lab"), 10)
    XCTAssertEqual(DisplayWidth.of("Zoë"), 3)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
  }

  func testDisplayWidthAgreesWithTheCLibrarysWcwidthAsNcursesUsesIt() {
    // U+2764 is one column in wcwidth; U+FE0F (emoji presentation) adds none. ncurses draws
    // "❤️" in one cell, so a wider count left a stale character behind it.
    XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}"), 1)
    XCTAssertEqual(DisplayWidth.of("Ana \u{2764}\u{FE0F} iPad"), 10)
    XCTAssertEqual(DisplayWidth.of("👍"), 2)
    XCTAssertEqual(DisplayWidth.of("\u{1B}"), 0)
  }

  func testPaddingAndTruncationKeepColumnsAligned() {
    XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("山田のiPad", to: 6)), 6)
    XCTAssertEqual(DisplayWidth.pad("abc", to: 5), "abc  ")
    XCTAssertEqual(DisplayWidth.pad("abc", to: 5, right: true), "  abc")
    XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
    // A cut never leaves half of Sanitized's marker for a character it escaped.
    let escaped = Sanitized.text("Lab \u{200D}\u{200D} iPad")
    XCTAssertEqual(escaped, "Lab <U+200D><U+200D> iPad")
    XCTAssertEqual(DisplayWidth.truncate(escaped, to: 15), "Lab <U+200D>…")
    XCTAssertEqual(DisplayWidth.truncate(escaped, to: 13), "Lab <U+200D>…")
    XCTAssertEqual(DisplayWidth.truncate(escaped, to: 12), "Lab …")
    XCTAssertEqual(DisplayWidth.truncate("a<b é <U+ x", to: 8), "a<b é <…")
  }
}

final class UTCTimestampTests: XCTestCase {
  func testFormatsMatchFoundation() {
    let formatter = ISO8601DateFormatter()
    for seconds: Int64 in [0, 951_782_400, 1_795_000_000, 4_102_444_799, -86_401] {
      XCTAssertEqual(
        UTCTimestamp.iso(seconds),
        formatter.string(from: Date(timeIntervalSince1970: Double(seconds))))
    }
    XCTAssertEqual(UTCTimestamp.readable(1_795_000_000), "2026-11-18 11:06 UTC")
  }
}
