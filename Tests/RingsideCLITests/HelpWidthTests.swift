import Foundation
import RingsideCLI
import XCTest

/// `--help` fits the output width like every other text: 80 columns when piped, `$COLUMNS`
/// when set; the usage breaks between options, never inside one.
final class HelpWidthTests: XCTestCase {
  func testEveryCommandsHelpFitsEightyColumnsAndItsUsageBreaksBetweenOptions() throws {
    let cli = try CLIHarness()
    for spec in CommandTable.commands + [CommandTable.dashboard] {
      let help = cli.run(spec.path + ["--help"])
      XCTAssertEqual(help.status, 0, spec.path.joined(separator: " "))
      for line in help.out.split(separator: "\n") {
        XCTAssertLessThanOrEqual(line.count, 80, "\(spec.path): \(line)")
      }
      let usage = help.out.components(separatedBy: "\n\n").first ?? ""
      for line in usage.split(separator: "\n") {
        let opened = line.filter { $0 == "[" }.count
        XCTAssertEqual(opened, line.filter { $0 == "]" }.count, "an option cut in two: \(line)")
      }
    }
  }

  func testWideColumnsKeepTheUsageOnOneLine() throws {
    let cli = try CLIHarness()
    let help = cli.run(["sync", "--help"], environment: ["COLUMNS": "400"])
    XCTAssertTrue(help.out.hasPrefix("Usage: ringside sync [--db PATH]"), help.out)
    XCTAssertTrue(
      help.out.split(separator: "\n").first?.hasSuffix("SOURCE (graph, jamf, fleet or kandji)")
        == true, help.out)
  }
}
