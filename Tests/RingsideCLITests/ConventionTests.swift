import Foundation
import RingsideCLI
import XCTest

/// The habits of the command-line tools admins use, on every command.
final class ConventionTests: XCTestCase {
  func testHelpAndVersionWorkEverywhereWithoutTouchingAStore() throws {
    let cli = try CLIHarness()
    let missing = cli.directory.appendingPathComponent("no-such.db").path
    for spec in CommandTable.commands {
      let db = spec.allOptions.contains { $0.name == "--db" } ? ["--db", missing] : []
      for flag in ["-h", "--help"] {
        let result = cli.run(spec.path + [flag] + db)
        XCTAssertEqual(result.status, 0, "\(spec.name) \(flag): \(result.err)")
        XCTAssertTrue(result.out.hasPrefix("Usage: ringside \(spec.name)"), "\(spec.name) \(flag)")
      }
      for flag in ["-V", "--version"] {
        let result = cli.run(spec.path + [flag] + db)
        XCTAssertEqual(result.status, 0, "\(spec.name) \(flag): \(result.err)")
        XCTAssertEqual(result.out, "ringside \(Ringside.version)\n", spec.name)
      }
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "no store was created")
  }

  func testUnexpectedArgumentsAreNamedAsUsageErrors() throws {
    let cli = try CLIHarness()
    for spec in CommandTable.commands where spec.arguments.isEmpty {
      let result = cli.run(spec.path + ["surplus-word"])
      let code: Int32 = spec.path == ["check"] ? 3 : 64
      XCTAssertEqual(result.status, code, spec.name)
      XCTAssertTrue(
        (result.err + result.out).contains("unexpected argument surplus-word"),
        "\(spec.name): \(result.err)\(result.out)")
    }
  }

  func testAnOptionValueThatIsAnOptionIsRefusedAndDoubleDashEndsOptions() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    let result = cli.run("report", "--db", cli.dbPath, "--ring", "--help")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.err.contains("--ring needs a value (RING), not the option --help"), result.err)
    let why = cli.run("why", "--db", cli.dbPath, "--", "-not-an-option")
    XCTAssertEqual(why.status, 66, why.err)
    XCTAssertTrue(why.err.contains("-not-an-option"), why.err)
  }
}
