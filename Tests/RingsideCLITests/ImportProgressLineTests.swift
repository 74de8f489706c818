import Foundation
import RingsideCLI
import XCTest

/// On a terminal `ringside import` shows one progress line, redrawn in place (carriage return,
/// erase to the end of the line) and erased before the summary; piped, it shows none.
final class ImportProgressLineTests: XCTestCase {
  private func run(_ arguments: [String], terminal: Bool, directory: URL) -> (
    out: String, err: String
  ) {
    final class Capture: @unchecked Sendable {
      let lock = NSLock()
      var out = ""
      var err = ""
    }
    let capture = Capture()
    let context = CommandContext(
      environment: [
        "HOME": directory.path, BuiltBinary.hostConfigVariable: directory.path + "/host.json",
      ], stderrIsTerminal: terminal,
      out: { text in capture.lock.withLock { capture.out += text } },
      err: { text in capture.lock.withLock { capture.err += text } })
    XCTAssertEqual(Ringside.run(arguments, context: context), 0, capture.err)
    return capture.lock.withLock { (capture.out, capture.err) }
  }

  func testATerminalGetsOneRedrawnLineWithAPercentageAndAPipeNone() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sample = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(
          "RingsideImportTests/Fixtures/intune-devices.csv"), encoding: .utf8)
    let lines = sample.split(whereSeparator: \.isNewline)
    let csv = directory.appendingPathComponent("many.csv")
    try
      (([String(lines[0])] + Array(repeating: String(lines[1]), count: 20_000))
      .joined(separator: "\r\n") + "\r\n").write(to: csv, atomically: true, encoding: .utf8)

    let shown = run(
      ["import", "--db", directory.path + "/a.db", csv.path], terminal: true,
      directory: directory)
    XCTAssertTrue(shown.err.contains("\r  "), shown.err.debugDescription)
    XCTAssertTrue(shown.err.contains("% · 10,000 records · "), shown.err.debugDescription)
    XCTAssertTrue(shown.err.contains("% · 20,000 records · "), shown.err.debugDescription)
    XCTAssertTrue(shown.err.hasSuffix("\r\u{1B}[K"), "the line is erased at the end")
    XCTAssertFalse(shown.err.contains("\n"), "one line, never a new one per step")
    XCTAssertTrue(shown.out.contains("Read 20,000 records"), shown.out)

    let piped = run(
      ["import", "--db", directory.path + "/b.db", csv.path], terminal: false,
      directory: directory)
    XCTAssertEqual(piped.err, "")
  }
}
