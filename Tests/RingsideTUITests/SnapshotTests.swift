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

  func testTooSmallTerminalSaysSoAndComesBack() throws {
    let small = try TestFleet.screen("2<resize 20x5>", width: 80, height: 24)
    XCTAssertTrue(small.text.contains("terminal too small"), small.text)
    let back = try TestFleet.screen("2<resize 20x5><resize 80x24>", width: 80, height: 24)
    XCTAssertTrue(back.line(2).contains("Name"), back.text)
  }
}
