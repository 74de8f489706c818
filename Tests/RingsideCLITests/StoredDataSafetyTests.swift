import Foundation
import RingsideCLI
import XCTest

@testable import RingsideStore

/// What another program wrote into the store never crashes a command: rows Ringside would
/// refuse are refused with a message naming them.
final class StoredDataSafetyTests: XCTestCase {
  func testARingNameRingsideWouldRefuseIsReportedNamedInsteadOfCrashing() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.prepare("UPDATE rings SET name = ?1 WHERE name = 'test'").run([
      .text("Bad Ring\u{1B}[2J")
    ])
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
    // `demo` writes, so it decides the role from the config first (on a SQLite store: on
    // PostgreSQL the database user decides).
    let result = cli.run("demo", "--db", cli.sqlitePath, "--devices", "5")
    XCTAssertEqual(result.status, 65, result.err)
    XCTAssertTrue(result.err.contains("\(cli.hostConfigPath): not a valid config"), result.err)
  }
}

/// No argument, path or file content quoted in a message reaches the terminal as a control
/// sequence: every message goes through one sanitizer.
final class MessageSanitizingTests: XCTestCase {
  static let payload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"

  func testEveryOptionValueEchoedInAnErrorIsSanitized() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    var checked = 0
    for spec in CommandTable.commands {
      for option in spec.options where option.value != nil && option.name != "--db" {
        if option.name == "--out" { continue }  // a folder it would create
        let result = cli.run(spec.path + ["--db", cli.dbPath, option.name, Self.payload])
        for text in [result.err] {
          XCTAssertFalse(text.contains("\u{1B}"), "\(spec.name) \(option.name): \(text)")
          XCTAssertFalse(text.contains("\u{07}"), "\(spec.name) \(option.name): \(text)")
          XCTAssertFalse(text.contains("\u{9B}"), "\(spec.name) \(option.name): \(text)")
        }
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 20)
  }

  func testASymlinkTargetNamedInApplyOutputIsSanitized() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    XCTAssertEqual(
      cli.run("stage", "policy", "--db", cli.dbPath, "test", "--rsr-install", "allow").status, 0)
    let out = cli.directory.path + "/profiles"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    XCTAssertEqual(symlink("/tmp/" + Self.payload, out + "/test-ios.mobileconfig"), 0)
    let result = cli.run("apply", "--db", cli.dbPath, "--out", out)
    XCTAssertEqual(result.status, 73, result.err)
    XCTAssertTrue(result.err.contains("symbolic link to /tmp/^[]0;pwned^G"), result.err)
    XCTAssertFalse(result.err.contains("\u{1B}") || result.out.contains("\u{1B}"), result.err)
  }

  func testAnUnknownFileArgumentIsSanitizedInTheMessage() throws {
    let cli = try CLIHarness()
    let result = cli.run("import", "--db", cli.dbPath, "/nonexistent/" + Self.payload + ".csv")
    XCTAssertNotEqual(result.status, 0)
    XCTAssertFalse(result.err.contains("\u{1B}"), result.err)
    XCTAssertTrue(result.err.contains("^[]0;pwned^G"), result.err)
  }
}

/// The filter takes a pasted list of serial numbers as a list, and too many terms is a usage
/// error that never shows SQL.
final class FilterLimitTests: XCTestCase {
  func testAPasteOfTenThousandSerialsIsAListOfThem() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "200").status, 0)
    let store = try InventoryStore(path: cli.dbPath, readOnly: true)
    let real = try store.database.prepare(
      "SELECT serial FROM devices WHERE serial IS NOT NULL LIMIT 2"
    )
    .query { $0.string(at: 0) ?? "" }
    XCTAssertEqual(real.count, 2)
    var words = (0..<9_998).map { "NOSUCH\($0)" }
    words.insert(real[0].lowercased(), at: 17)
    words.append(real[1])
    let started = Date()
    let result = cli.run(
      "devices", "--db", cli.dbPath, "--format", "csv", "--filter", words.joined(separator: " "))
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    XCTAssertEqual(result.out.split(separator: "\n").count, 3, result.out)
    XCTAssertTrue(result.out.contains(real[0]) && result.out.contains(real[1]), result.out)
  }

  func testTooManyTermsIsAUsageErrorWithoutSQL() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    let filter = "ring:test " + (0..<1_500).map { "w\($0)" }.joined(separator: " ")
    let result = cli.run("devices", "--db", cli.dbPath, "--filter", filter)
    XCTAssertEqual(result.status, 64, result.err)
    XCTAssertTrue(result.err.contains("1501 terms; a filter takes at most 1000"), result.err)
    XCTAssertFalse(result.err.contains("SELECT"), result.err)
  }
}
