import Foundation
import RingsideCLI
import RingsideDomain
import XCTest

final class RoleTests: XCTestCase {
  func testViewerIsRefusedWritingCommandsWithExit77AndTheReason() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "50")
    cli.access = Access(role: .viewer, refusal: "read-only: you are not in group ringside-admins")
    let feed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../RingsideDomainTests/Fixtures/ios_data_feed.json").path
    for spec in CommandTable.commands where spec.writes {
      let result = cli.run(spec.path + ["--db", cli.dbPath])
      XCTAssertEqual(result.status, 77, spec.name)
      XCTAssertEqual(
        result.err, "ringside: read-only: you are not in group ringside-admins\n", spec.name)
    }
    XCTAssertEqual(cli.run("catalog", "import", "--db", cli.dbPath, feed).status, 77)
  }

  func testViewerMayRunEveryReadingCommand() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "50")
    cli.access = Access(role: .viewer, refusal: "read-only: you are not in group ringside-admins")
    for args in [["report"], ["devices"], ["check"], ["catalog", "list"]] {
      let result = cli.run(args + ["--db", cli.dbPath])
      XCTAssertNotEqual(result.status, 77, "\(args)")
    }
  }
}

final class DashboardRoleTests: XCTestCase {

  func testViewerPressingAStagingKeyInTheHeadlessDashboardIsToldWhy() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "50")
    cli.access = Access(role: .viewer, refusal: "read-only: you are not in group ringside-admins")
    let script = cli.directory.appendingPathComponent("keys.txt")
    try "3i".write(to: script, atomically: true, encoding: .utf8)
    let result = cli.run("--db", cli.dbPath, "--script", script.path, "--dump-screen")
    XCTAssertEqual(result.status, 0, result.err)
    let lines = result.out.split(separator: "\n")
    XCTAssertEqual(
      lines.last?.trimmingCharacters(in: .whitespaces),
      "read-only: you are not in group ringside-admins", result.out)
    XCTAssertTrue(lines.dropLast().last?.contains("viewer") == true, result.out)
    XCTAssertTrue(result.out.contains("0 staged"), result.out)
  }

  func testAdminStagesFromTheHeadlessDashboardAndTheCLISeesIt() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "50")
    let script = cli.directory.appendingPathComponent("keys.txt")
    // allow → block stops RSR/BSI installation: `y` answers its question.
    try "3iy".write(to: script, atomically: true, encoding: .utf8)
    let result = cli.run("--db", cli.dbPath, "--script", script.path, "--dump-screen")
    XCTAssertTrue(result.out.contains("1 staged"), result.out)
    XCTAssertTrue(result.out.contains("admin"), result.out)
    XCTAssertTrue(cli.run("staged", "--db", cli.dbPath).out.contains("RSR/BSI installation"))
  }
}
