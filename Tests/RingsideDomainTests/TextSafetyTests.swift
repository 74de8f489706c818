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

  func testPaddingAndTruncationKeepColumnsAligned() {
    XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("山田のiPad", to: 6)), 6)
    XCTAssertEqual(DisplayWidth.pad("abc", to: 5), "abc  ")
    XCTAssertEqual(DisplayWidth.pad("abc", to: 5, right: true), "  abc")
    XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
  }
}
