import Foundation
import RingsideTUI
import XCTest

/// Compares a screen (text plus role map) with `Snapshots/NAME.txt`; with
/// `RINGSIDE_RECORD=1` in the environment it writes the file instead.
func assertSnapshot(
  _ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let actual = mask(ScreenDump.withRoles(grid))
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Snapshots")
  let url = folder.appendingPathComponent(name + ".txt")
  let record = ProcessInfo.processInfo.environment["RINGSIDE_RECORD"] == "1"
  if record || !FileManager.default.fileExists(atPath: url.path) {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    if !record {
      XCTFail("recorded a new snapshot \(name); check it and run again", file: file, line: line)
    }
    return
  }
  let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  if expected != actual {
    let diff = zip(
      expected.split(separator: "\n", omittingEmptySubsequences: false),
      actual.split(separator: "\n", omittingEmptySubsequences: false)
    )
    .enumerated().first { $0.element.0 != $0.element.1 }
    let location =
      diff.map {
        "first difference on line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)"
      } ?? "lengths differ"
    XCTFail(
      "snapshot \(name) differs (RINGSIDE_RECORD=1 re-records): \(location)", file: file, line: line
    )
  }
}

/// Masks what changes from run to run: the local clock of the last refresh.
func mask(_ text: String) -> String {
  text.replacingOccurrences(
    of: #"refreshed \d\d:\d\d:\d\d"#, with: "refreshed HH:MM:SS", options: .regularExpression)
}
