import Foundation
import XCTest

/// `ringside --demo` is a sandbox: `w` writes the demo fleet's profiles into a temporary folder
/// of its own, removed on exit, never into the real profile folder, and the status line says
/// `demo` at 80x24.
final class DemoDashboardTests: XCTestCase {
  private var cli: CLIHarness!
  /// The profile folder a real store writes to by default in the harness's environment.
  private var realFolder: String { cli.directory.path + "/data/ringside/profiles" }

  override func setUpWithError() throws { cli = try CLIHarness() }
  override func tearDown() { cli = nil }

  private func demo(_ keys: String, size: String) throws -> (status: Int32, out: String) {
    let script = cli.directory.appendingPathComponent("keys.txt")
    try keys.write(to: script, atomically: true, encoding: .utf8)
    let result = cli.run("--demo", "--script", script.path, "--dump-screen", "--size", size)
    XCTAssertEqual(result.status, 0, result.err)
    return (result.status, result.out)
  }

  func testWInTheDemoWritesIntoItsOwnTemporaryFolderNotTheRealOne() throws {
    // Stage a change (allow → block asks: y), then write it (w, y).
    let screen = try demo("3iy4wy", size: "200x24").out
    let wrote = try XCTUnwrap(
      screen.split(separator: "\n").first { $0.contains("wrote ") }, screen)
    let folder = try XCTUnwrap(
      wrote.split(separator: " ").first { $0.hasSuffix("/profiles;") }.map { $0.dropLast() })
    XCTAssertTrue(folder.contains("/ringside-demo-"), String(wrote))
    XCTAssertFalse(FileManager.default.fileExists(atPath: String(folder)), "removed on exit")
    XCTAssertFalse(FileManager.default.fileExists(atPath: realFolder), "the real folder untouched")
    // So a real store's first apply finds no demo profiles in its way.
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "50").status, 0)
    let apply = cli.run("apply", "--db", cli.dbPath)
    XCTAssertEqual(apply.status, 0, apply.err)
    XCTAssertTrue(apply.out.contains("Wrote to \(realFolder):"), apply.out)
  }

  func testTheDemoSaysDemoOnTheStatusLineAt80x24() throws {
    for keys in ["", "2", "3", "4"] {
      let lines = try demo(keys, size: "80x24").out.split(
        separator: "\n", omittingEmptySubsequences: false)
      let status = lines[22]
      XCTAssertTrue(
        status.hasPrefix(" demo · ") || status.contains(" demo · "), "\(keys): \(status)")
    }
  }

  func testTheDemoRefusesAnOutFolder() {
    let result = cli.run("--demo", "--out", cli.directory.path + "/elsewhere", "--dump-screen")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.err.contains("temporary folder of its own"), result.err)
  }
}
