import Foundation
import RingsideStore
import RingsideTestSupport
import XCTest

/// The text tables of the on-call commands as an 80-column terminal shows them (`COLUMNS=80`),
/// kept as files in `Snapshots/` (`RINGSIDE_RECORD=1` re-records them): every line fits, and a
/// change to any of them shows up in review.
final class CLITableSnapshotTests: XCTestCase {
  /// `folder` and the unix user's name are masked: they differ from machine to machine.
  private func assertTextSnapshot(
    _ text: String, named name: String, folder temporary: String, fitsWidth: Bool = true,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let user = NSRegularExpression.escapedPattern(for: AuditActor.unixUserName())
    let actual = text.replacingOccurrences(of: temporary, with: "TMP")
      .replacingOccurrences(of: "\\b\(user)\\b", with: "USER", options: .regularExpression)
    for (number, row) in actual.split(separator: "\n").enumerated() where fitsWidth {
      XCTAssertLessThanOrEqual(
        row.count, 80, "\(name) line \(number + 1) is wider than 80", file: file, line: line)
    }
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["RINGSIDE_RECORD"] == "1"
    if record || !FileManager.default.fileExists(atPath: url.path) {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      if !record { XCTFail("recorded a new snapshot \(name); check it", file: file, line: line) }
      return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if expected != actual {
      let first = zip(expected.split(separator: "\n"), actual.split(separator: "\n"))
        .enumerated().first { $0.element.0 != $0.element.1 }
      XCTFail(
        "snapshot \(name) differs (RINGSIDE_RECORD=1 re-records): "
          + (first.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" }
            ?? "lengths differ"),
        file: file, line: line)
    }
  }

  func testOnCallTablesAtEightyColumns() throws {
    let cli = try CLIHarness()
    let db = cli.dbPath
    // The day the snapshots were recorded: the catalog's age is counted from it.
    let narrow = ["COLUMNS": "80", "RINGSIDE_TEST_TODAY": "2026-11-29"]
    XCTAssertEqual(
      cli.run(["demo", "--db", db, "--devices", "300"], environment: narrow).status, 0)
    XCTAssertEqual(
      cli.run(
        ["stage", "policy", "production", "--rsr-removal", "unset", "--db", db],
        environment: narrow
      ).status, 0)
    let runs: [(String, [String])] = [
      ("report", ["report", "--db", db]),
      ("devices", ["devices", "--db", db, "ring:test", "OR", "state:pending"]),
      ("check", ["check", "--db", db]),
      ("staged", ["staged", "--db", db]),
      ("audit", ["audit", "--db", db]),
    ]
    // On PostgreSQL changes are signed by the database login (and the unix user follows the
    // origin), so the tables that name who staged or wrote are the SQLite pass's alone.
    let signed: Set = ["staged", "audit"]
    for (name, arguments) in runs where !(TestBackend.isPostgres && signed.contains(name)) {
      let result = cli.run(arguments, environment: narrow)
      XCTAssertTrue([0, 1, 2].contains(result.status), "\(name): \(result.err)")
      // A monitoring plugin's status is one line by convention, whatever the width.
      assertTextSnapshot(
        String(result.out.split(separator: "\n").prefix(40).joined(separator: "\n")),
        named: "cli-\(name)-80", folder: cli.directory.path, fitsWidth: name != "check")
    }
  }
}
