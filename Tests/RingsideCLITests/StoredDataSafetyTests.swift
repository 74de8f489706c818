import Foundation
import RingsideStore
import XCTest

/// What another program wrote into the store never crashes a command: rows Ringside would
/// refuse are refused with a message naming them.
final class StoredDataSafetyTests: XCTestCase {
  func testARingNameRingsideWouldRefuseIsReportedNamedInsteadOfCrashing() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute("UPDATE rings SET name = 'Bad Ring'||char(27)||'[2J' WHERE name = 'test'")
    for command in [["report"], ["staged"], ["report", "--format", "json"]] {
      let result = cli.run(command + ["--db", cli.dbPath])
      XCTAssertEqual(result.status, 65, "\(command): \(result.err)")
      XCTAssertTrue(result.err.contains("\"Bad Ring^[[2J\""), result.err)
      XCTAssertTrue(result.err.contains("holds a ring Ringside cannot use"), result.err)
      XCTAssertFalse(result.err.contains("\u{1B}"), result.err)
    }
    let devices = cli.run("devices", "--db", cli.dbPath)
    XCTAssertEqual(devices.status, 0, devices.err)
    XCTAssertFalse(devices.out.contains("\u{1B}"))
  }
}

/// Nothing the test suite runs reads the machine's /etc/ringside: the harness points the
/// host-wide config at a file of its own.
final class HostConfigIsolationTests: XCTestCase {
  func testCommandsReadTheTestsHostConfigNotTheMachines() throws {
    let cli = try CLIHarness()
    try FileManager.default.createDirectory(
      atPath: (cli.hostConfigPath as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try Data("not json".utf8).write(to: URL(fileURLWithPath: cli.hostConfigPath))
    // `demo` writes, so it decides the role from the config first.
    let result = cli.run("demo", "--db", cli.dbPath, "--devices", "5")
    XCTAssertEqual(result.status, 65, result.err)
    XCTAssertTrue(result.err.contains("\(cli.hostConfigPath): not a valid config"), result.err)
  }
}
