import XCTest

@testable import RingsideTUI

/// Every view at 80x24 and 132x40 on the demo fleet, as text plus style roles.
final class SnapshotTests: XCTestCase {
  static let screens: [(String, String)] = [
    ("overview", ""),
    ("devices", "2"),
    ("devices-filtered-sorted", "2/platform:macos state:pulled-rsr<Enter>>>r"),
    ("device-detail", "2/state:pulled-rsr<Enter><Down><Enter>"),
    ("devices-from-overview", "<Down><Down><Enter>"),
    ("rings", "3"),
    ("help", "?"),
    ("help-at-its-end", "?G"),
    ("help-search", "?/staged<Enter>n"),
  ]

  func testEveryViewAt80x24() throws {
    for (name, script) in SnapshotTests.screens {
      assertSnapshot(try TestFleet.screen(script, width: 80, height: 24), named: "\(name)-80x24")
    }
  }

  func testEveryViewAt132x40() throws {
    for (name, script) in SnapshotTests.screens {
      assertSnapshot(try TestFleet.screen(script, width: 132, height: 40), named: "\(name)-132x40")
    }
  }

  /// Staged and Audit on a store of their own: two policy changes and a ring move by alice.
  static let stagingScreens: [(String, String)] = [
    ("staged", "3iy<Down>ry2 <Space> m14"),
    ("staged-diff", "3iy4<Down><Down><Enter>"),
    ("staged-moves", "3iy<Down>ry2 <Space> m14<Down><Down><Enter>"),
    ("audit", "3iy<Down>ry2 <Space> m15"),
    ("rings-staged", "3iy<Down>ry+"),
    ("ring-picker-bordered", "2 m"),
    ("confirm-write-bordered", "3iy4w"),
  ]

  func testStagedAndAuditAt80x24And132x40() throws {
    for (name, script) in SnapshotTests.stagingScreens {
      for (width, height) in [(80, 24), (132, 40)] {
        let grid = try TestFleet.screen(
          script, width: width, height: height, store: try TestFleet.freshStore())
        assertSnapshot(grid, named: "\(name)-\(width)x\(height)")
      }
    }
  }

  func testHelpScrollsToItsLastLineAtEverySize() throws {
    for (width, height) in [(80, 24), (132, 40), (200, 60), (60, 12)] {
      let grid = try TestFleet.screen("?G", width: width, height: height)
      let text = grid.text
      XCTAssertTrue(text.contains("-term excludes"), "\(width)x\(height):\n\(text)")
      let footer = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("┘") })
      let numbers = footer.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
      XCTAssertEqual(numbers.suffix(2).first, numbers.last, "the last row is shown: \(footer)")
    }
  }

  /// A device's page at 80x24 says lines follow, G reaches its last line (the newest
  /// history row), and k after G moves up at once rather than after every j pressed past it.
  func testADevicesPageSaysMoreFollowsAndGReachesItsLastLine() throws {
    let open = "2/state:pulled-rsr<Enter><Down><Enter>"
    let first = try TestFleet.screen(open, width: 80, height: 24).text
    XCTAssertTrue(first.contains("more lines below (j, PgDn, G)"), first)
    let bottom = try TestFleet.screen(open + "G", width: 80, height: 24).text
    XCTAssertFalse(bottom.contains("more line"), bottom)
    let lastRow = try XCTUnwrap(
      bottom.split(separator: "\n").dropLast(2).last {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      })
    let pastEnd = try TestFleet.screen(open + "jjjjjjjjjjjjjjjjjjjjjjjjk", width: 80, height: 24)
      .text
    XCTAssertTrue(pastEnd.contains("2 more lines below"), pastEnd)
    XCTAssertFalse(pastEnd.contains(String(lastRow)), "k moved up one line from the end")
  }

  func testSerialModelAndUserColumnsAppearAsTheTerminalWidens() throws {
    func header(_ width: Int) throws -> String {
      let grid = try TestFleet.screen("2", width: width, height: 24)
      return grid.line(2)
    }
    let narrow = try header(80)
    XCTAssertFalse(narrow.contains("Serial"), narrow)
    let wide = try header(132)
    XCTAssertTrue(wide.contains("Serial") && !wide.contains("User"), wide)
    let widest = try header(200)
    for title in ["Serial", "Model", "User", "Build", "Check-in"] {
      XCTAssertTrue(widest.contains(title), "\(title): \(widest)")
    }
  }

  /// At 60 columns the Devices view drops supervision, platform and check-in rather than cut
  /// the state to one letter.
  func testAtSixtyColumnsTheDevicesViewKeepsTheStateWhole() throws {
    let text = try TestFleet.screen("2", width: 60, height: 20).text
    let header = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("OS/RSR") })
    XCTAssertTrue(header.contains("State"), String(header))
    XCTAssertFalse(header.contains("…"), String(header))
    XCTAssertTrue(text.contains("OS update") || text.contains("current"), text)
  }

  func testTooSmallTerminalSaysSoAndComesBack() throws {
    let small = try TestFleet.screen("2<resize 20x5>", width: 80, height: 24)
    XCTAssertTrue(small.text.contains("terminal too small"), small.text)
    let back = try TestFleet.screen("2<resize 20x5><resize 80x24>", width: 80, height: 24)
    XCTAssertTrue(back.line(2).contains("Name"), back.text)
  }
}
