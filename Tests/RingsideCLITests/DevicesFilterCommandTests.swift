import Foundation
import XCTest

/// `ringside devices` with `OR` and parentheses, in `--filter` and as words after the options.
final class DevicesFilterCommandTests: XCTestCase {
  /// One demo store for every test here, or why there is none (no PostgreSQL server when the
  /// tests run on that backend). A `static let` is never released, so the harness's folder
  /// and database go when the test process exits.
  nonisolated(unsafe) static let shared: Result<CLIHarness, any Error> = Result {
    let cli = try CLIHarness()
    precondition(cli.run("demo", "--db", cli.dbPath, "--devices", "300").status == 0)
    atexit { (try? DevicesFilterCommandTests.shared.get())?.removeEverything() }
    return cli
  }
  private var harness: CLIHarness?
  var cli: CLIHarness { harness! }

  override func setUpWithError() throws { harness = try Self.shared.get() }

  /// The rows `devices --format csv` prints for these arguments, sorted (devices without a
  /// serial number still differ by name, model or check-in).
  private func rows(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line)
    -> [String]
  {
    let result = cli.run(
      ["devices", "--db", cli.dbPath, "--format", "csv", "--sort", "name"] + arguments)
    XCTAssertEqual(result.status, 0, result.err, file: file, line: line)
    return result.out.split(separator: "\n").dropFirst().map(String.init).sorted()
  }

  func testOrSelectsTheUnionOfBothSides() {
    let test = rows(["--filter", "ring:test"])
    let macs = rows(["--filter", "platform:macos"])
    let either = rows(["--filter", "ring:test OR platform:macos"])
    XCTAssertFalse(test.isEmpty)
    XCTAssertFalse(macs.isEmpty)
    XCTAssertEqual(either, Array(Set(test).union(macs)).sorted())
    let both = rows(["--filter", "ring:test platform:macos"])
    XCTAssertEqual(either.count, test.count + macs.count - both.count)
    XCTAssertGreaterThan(either.count, max(test.count, macs.count))
  }

  func testParenthesesAndAndBindingTighterThanOr() {
    let testMacs = Set(rows(["--filter", "ring:test platform:macos"]))
    let ios = Set(rows(["--filter", "platform:ios"]))
    XCTAssertEqual(
      rows(["--filter", "ring:test platform:macos OR platform:ios"]),
      testMacs.union(ios).sorted())
    let testOnly = Set(rows(["--filter", "ring:test"]))
    XCTAssertEqual(
      rows(["--filter", "ring:test (platform:macos OR platform:ios)"]),
      testOnly.intersection(Set(rows(["--filter", "platform:macos"])).union(ios)).sorted())
  }

  func testWordsAfterTheOptionsAreTheFilterAndAddToFilterOption() {
    XCTAssertEqual(
      rows(["ring:test", "OR", "platform:macos"]),
      rows(["--filter", "ring:test OR platform:macos"]))
    XCTAssertEqual(
      rows(["--filter", "platform:macos", "ring:test", "OR", "ring:production"]),
      rows(["--filter", "platform:macos"]))
    // The shell took the quotes off `os:"16.5.1 (c)"`; the word is still one term.
    XCTAssertEqual(
      rows(["os:16.5.1 (c)", "OR", "ring:test"]),
      rows(["--filter", "os:\"16.5.1 (c)\" OR ring:test"]))
    XCTAssertEqual(
      rows(["(platform:ios OR platform:macos)", "ring:test"]),
      rows(["--filter", "(platform:ios OR platform:macos) ring:test"]))
    // A whole filter quoted as one word is that filter, not one field holding the rest.
    let quoted = rows(["ring:test os:26.7.1"])
    XCTAssertFalse(quoted.isEmpty)
    XCTAssertEqual(quoted, rows(["--filter", "ring:test os:26.7.1"]))
    XCTAssertEqual(
      rows(["state:current -ring:test"]), rows(["--filter", "state:current -ring:test"]))
  }

  func testUnbalancedParenthesesAndADanglingOrAreUsageErrorsNamingThePosition() {
    let open = cli.run("devices", "--db", cli.dbPath, "--filter", "(ring:test OR ring:pilot")
    XCTAssertEqual(open.status, 64)
    XCTAssertTrue(open.err.contains("( at position 1 is never closed"), open.err)
    let dangling = cli.run("devices", "--db", cli.dbPath, "ring:test", "OR")
    XCTAssertEqual(dangling.status, 64)
    XCTAssertTrue(dangling.err.contains("OR at position 11 has nothing after it"), dangling.err)
    XCTAssertTrue(open.out.isEmpty && dangling.out.isEmpty)
  }

  func testQuotedOrIsAWordThatMatchesNothingHere() {
    let result = cli.run("devices", "--db", cli.dbPath, "--filter", "ring:test \"OR\" ring:test")
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.err.contains("no devices match"), result.err)
  }

  func testHelpDescribesOrAndTheFilterWords() {
    let help = cli.run("devices", "--help").out
    XCTAssertTrue(help.contains("[FILTER...]"), help)
    XCTAssertTrue(help.contains("OR between them"), help)
  }
}
