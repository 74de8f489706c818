import Foundation
import XCTest

/// On a terminal `ringside import` shows one progress line, redrawn in place (carriage return,
/// erase to the end of the line) and erased before the summary; piped, it shows none.
final class ImportProgressLineTests: XCTestCase {
  func testATerminalGetsOneRedrawnLineWithAPercentageAndAPipeNone() throws {
    let cli = try CLIHarness()
    let directory = cli.directory
    let sample = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(
          "RingsideImportTests/Fixtures/intune-devices.csv"), encoding: .utf8)
    let lines = sample.split(whereSeparator: \.isNewline)
    let csv = directory.appendingPathComponent("many.csv")
    // 20,000 devices: the first row with a serial and a device id of each one's own (one
    // device listed 20,000 times would be a repeat the import warns about).
    let rows = (1...20_000).map { i in
      String(lines[1]).replacingOccurrences(
        of: "ZZRING000001", with: String(format: "ZZPROG%06d", i)
      )
      .replacingOccurrences(
        of: "a1b2c3d4-0000-4000-8000-000000000001",
        with: String(format: "a1b2c3d4-0000-4000-8000-%012d", i))
    }
    try
      (([String(lines[0])] + rows)
      .joined(separator: "\r\n") + "\r\n").write(to: csv, atomically: true, encoding: .utf8)

    // The sample's check-ins are recent: the real clock, so none lies in the future.
    let shown = cli.run(
      ["import", "--db", cli.dbPath, csv.path], stderrIsTerminal: true, now: Date())
    XCTAssertEqual(shown.status, 0, shown.err)
    XCTAssertTrue(shown.err.contains("\r  "), shown.err.debugDescription)
    XCTAssertTrue(shown.err.contains("% · 10,000 records · "), shown.err.debugDescription)
    XCTAssertTrue(shown.err.contains("% · 20,000 records · "), shown.err.debugDescription)
    // A large import into an empty store builds its indexes at the end, after the last record.
    XCTAssertTrue(
      shown.err.contains("\r  every record read · building the indexes…\u{1B}[K"),
      shown.err.debugDescription)
    XCTAssertTrue(shown.err.hasSuffix("\r\u{1B}[K"), "the line is erased at the end")
    XCTAssertFalse(shown.err.contains("\n"), "one line, never a new one per step")
    XCTAssertTrue(shown.out.contains("Read 20,000 records"), shown.out)

    let other = try CLIHarness()
    let piped = other.run(["import", "--db", other.dbPath, csv.path], now: Date())
    XCTAssertEqual(piped.status, 0, piped.err)
    XCTAssertEqual(piped.err, "")
  }
}
