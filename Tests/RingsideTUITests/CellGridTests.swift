import RingsideDomain
import XCTest

@testable import RingsideTUI

final class CellGridTests: XCTestCase {
  func testWideCharactersTakeTwoColumnsAndKeepColumnsAligned() {
    var grid = CellGrid(width: 12, height: 2)
    grid.put("山田のiPad", x: 0, y: 0, width: 10, role: .tableRow)
    grid.put("x", x: 10, y: 0, role: .tableRow)
    grid.put("Zoë", x: 0, y: 1, width: 10, role: .tableRow)
    grid.put("x", x: 10, y: 1, role: .tableRow)
    XCTAssertEqual(grid.line(0), "山田のiPadx ")
    XCTAssertEqual(grid.line(1), "Zoë       x ")
    XCTAssertEqual(grid[10, 0].text, "x")
    XCTAssertEqual(grid[10, 1].text, "x")
  }

  func testEscapeSequencesInNamesAreShownNotSent() {
    var grid = CellGrid(width: 40, height: 1)
    grid.put("\u{1B}]0;owned\u{07}\u{1B}[2J<script>", x: 0, y: 0, role: .tableRow)
    XCTAssertEqual(grid.line(0).trimmingCharacters(in: .whitespaces), "^[]0;owned^G^[[2J<script>")
    XCTAssertFalse(grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
  }

  func testCutTextEndsInAnEllipsisWithoutSplittingAWideCharacter() {
    var grid = CellGrid(width: 3, height: 1)
    grid.put("a山田", x: 0, y: 0, role: .tableRow)
    XCTAssertEqual(grid.line(0), "a… ")
    var narrow = CellGrid(width: 4, height: 1)
    narrow.put("ab山", x: 0, y: 0, role: .tableRow, limit: 3)
    XCTAssertEqual(narrow.line(0), "ab… ")
    var plain = CellGrid(width: 10, height: 1)
    plain.put("breadcrumbs", x: 0, y: 0, role: .tableRow, limit: 6)
    XCTAssertEqual(plain.line(0), "bread…    ")
    var ascii = CellGrid(width: 5, height: 1, asciiOnly: true)
    ascii.put("abcdefg", x: 0, y: 0, role: .tableRow)
    XCTAssertEqual(ascii.line(0), "abcd~")
    var fits = CellGrid(width: 5, height: 1)
    fits.put("abcde", x: 0, y: 0, role: .tableRow)
    XCTAssertEqual(fits.line(0), "abcde")
  }

  func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.put("山田", x: 0, y: 0, role: .tableRow)
    grid.put("x", x: 1, y: 0, role: .tableRow)
    XCTAssertEqual(grid.line(0), " x田")
  }

  func testASCIIModeReplacesWhatANonUTF8TerminalCannotShow() {
    var grid = CellGrid(width: 8, height: 1, asciiOnly: true)
    grid.put("Zoë 🍎", x: 0, y: 0, role: .tableRow)
    XCTAssertEqual(grid.line(0), "Zo? ?   ")
    XCTAssertEqual(Glyphs.ascii.bar(10, of: 10, width: 4), "####")
  }

  func testOnlyChangedCellsAreRedrawn() {
    var a = CellGrid(width: 20, height: 3)
    a.put("hello", x: 0, y: 1, role: .tableRow)
    var b = a
    b.restyle(x: 0, y: 1, width: 20, role: .tableSelected)
    b.put("!", x: 19, y: 2, role: .tableRow)
    XCTAssertEqual(
      b.changedRuns(since: a),
      [ChangedRun(y: 1, x: 0, width: 20), ChangedRun(y: 2, x: 19, width: 1)])
    XCTAssertEqual(a.changedRuns(since: a), [])
    XCTAssertEqual(a.changedRuns(since: nil).count, 3)
  }

  func testARunNeverStartsInsideAWideCharacter() {
    var a = CellGrid(width: 6, height: 1)
    a.put("山田", x: 0, y: 0, role: .tableRow)
    var b = a
    b.restyle(x: 1, y: 0, width: 1, role: .tableSelected)
    XCTAssertEqual(b.changedRuns(since: a), [ChangedRun(y: 0, x: 0, width: 2)])
  }

  func testBarsUseEighthsOfACell() {
    XCTAssertEqual(Glyphs.unicode.bar(1, of: 2, width: 4), "██")
    XCTAssertEqual(Glyphs.unicode.bar(5, of: 8, width: 1), "▋")
    XCTAssertEqual(Glyphs.unicode.bar(1, of: 1000, width: 4), "▏")
    XCTAssertEqual(Glyphs.unicode.bar(0, of: 10, width: 4), "")
  }
}

/// Numbers people add up on screen.
final class FormattingTests: XCTestCase {
  func testPercentagesOfTheWholeAddUpToAHundred() {
    let shares = Format.percentages([1286, 0, 10, 610, 63, 31], of: 2000)
    XCTAssertEqual(shares, ["64%", "0%", "1%", "30%", "3%", "2%"])
    XCTAssertEqual(
      shares.compactMap { Int($0.dropLast()) }.reduce(0, +), 100, "\(shares)")
    XCTAssertEqual(Format.percentages([1, 999], of: 1000), ["<1%", "100%"])
    XCTAssertEqual(Format.percentages([1, 1, 1], of: 3), ["34%", "33%", "33%"])
    XCTAssertEqual(Format.percentages([0, 0], of: 0), ["–", "–"])
  }
}
