import XCTest

@testable import RingsideTUI

/// The filter editor with `OR` and parentheses, as text plus style roles, at 80x24 and 132x40.
final class FilterSnapshotTests: XCTestCase {
  static let screens: [(String, String)] = [
    ("filter-editor-or", "2/(ring:test OR platform:macos) -state:current"),
    ("filter-or-applied", "2/(ring:test OR platform:macos) -state:current<Enter>"),
    ("filter-editor-unclosed", "2/(ring:test OR platform:macos"),
  ]

  func testTheFilterEditorWithOrAt80x24And132x40() throws {
    for (name, script) in Self.screens {
      for (width, height) in [(80, 24), (132, 40)] {
        assertSnapshot(
          try TestFleet.screen(script, width: width, height: height),
          named: "\(name)-\(width)x\(height)")
      }
    }
  }
}
