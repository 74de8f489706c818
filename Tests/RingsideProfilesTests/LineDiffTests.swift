import XCTest

@testable import RingsideProfiles

final class LineDiffTests: XCTestCase {
  func testIdenticalTextsHaveNoChangesAndNoUnifiedDiff() {
    let diff = LineDiff(old: "a\nb\n", new: "a\nb\n")
    XCTAssertFalse(diff.hasChanges)
    XCTAssertEqual(diff.unified(oldLabel: "a", newLabel: "b"), "")
  }

  func testInsertedLinesShowWithContextInUnifiedFormat() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    var lines = (1...10).map { "line \($0)" }
    lines.insert("new", at: 5)
    let diff = LineDiff(old: old, new: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(
      diff.unified(oldLabel: "old", newLabel: "new"),
      """
      --- old
      +++ new
      @@ -3,6 +3,7 @@
       line 3
       line 4
       line 5
      +new
       line 6
       line 7
       line 8

      """)
  }

  func testReplacedLineIsRemovedThenAdded() {
    let diff = LineDiff(old: "a\nb\nc\n", new: "a\nB\nc\n")
    XCTAssertEqual(diff.lines, [.same("a"), .removed("b"), .added("B"), .same("c")])
    XCTAssertEqual(diff.hunks().first?.header, "@@ -1,3 +1,3 @@")
  }

  func testNewFileIsAllAddedWithAnEmptyOldSide() {
    let diff = LineDiff(old: "", new: "x\ny\n")
    XCTAssertEqual(diff.lines, [.added("x"), .added("y")])
    XCTAssertEqual(diff.hunks().first?.header, "@@ -0,0 +1,2 @@")
  }

  func testFarApartChangesGetSeparateHunks() {
    let old = (1...30).map(String.init)
    var new = old
    new[2] = "changed"
    new[25] = "changed too"
    let hunks = LineDiff(oldLines: old, newLines: new).hunks()
    XCTAssertEqual(hunks.map(\.header), ["@@ -1,6 +1,6 @@", "@@ -23,7 +23,7 @@"])
  }

  func testEditScriptIsMinimalAndRebuildsBothTexts() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        ["a", "b", "c"].randomElement()!
      }
      let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        ["a", "b", "c"].randomElement()!
      }
      let diff = LineDiff(oldLines: old, newLines: new)
      var rebuiltOld: [String] = []
      var rebuiltNew: [String] = []
      var same = 0
      for line in diff.lines {
        switch line {
        case .same(let s):
          rebuiltOld.append(s)
          rebuiltNew.append(s)
          same += 1
        case .removed(let s): rebuiltOld.append(s)
        case .added(let s): rebuiltNew.append(s)
        }
      }
      XCTAssertEqual(rebuiltOld, old)
      XCTAssertEqual(rebuiltNew, new)
      XCTAssertEqual(same, Self.lcsLength(old, new), "\(old) → \(new)")
    }
  }

  func testHugeUnrelatedFilesStillDiffWithinBounds() {
    let old = (0..<3000).map { "old \($0)" }
    let new = (0..<3000).map { "new \($0)" }
    let diff = LineDiff(oldLines: old, newLines: new)
    XCTAssertEqual(diff.counts.removed, 3000)
    XCTAssertEqual(diff.counts.added, 3000)
  }

  static func lcsLength(_ a: [String], _ b: [String]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }

  func testLinesEndingInCarriageReturnAndNewlineAreStillLines() {
    let diff = LineDiff(old: "a\r\nb\r\n", new: "a\nb\n")
    XCTAssertEqual(diff.counts.removed, 2)
    XCTAssertEqual(diff.counts.added, 2)
    XCTAssertEqual(LineDiff(old: "x\ny\n", new: "x\ny\n").lines, [.same("x"), .same("y")])
  }
}
