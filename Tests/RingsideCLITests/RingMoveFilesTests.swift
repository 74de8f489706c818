import Foundation
import RingsideCLI
import XCTest

/// Ring moves reach the MDM: `apply` writes each changed ring's membership files beside the
/// profiles, `staged` lists them with the devices moved, and the audit records them.
final class RingMoveFilesTests: XCTestCase {
  private var cli: CLIHarness!
  private var db: String { cli.dbPath }
  private var out: String { cli.directory.path + "/data/ringside/profiles" }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(run("demo", "--db", db, "--devices", "200").status, 0)
  }

  override func tearDown() { cli = nil }

  private func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
    run(arguments)
  }

  private func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    cli.run(arguments, environment: ["COLUMNS": "200"])
  }

  /// Serials of the devices in `ring` (devices with one), from `ringside devices`.
  private func serials(ring: String) throws -> [String] {
    let result = run("devices", "--db", db, "--filter", "ring:\(ring)", "--format", "json")
    XCTAssertEqual(result.status, 0, result.err)
    let json = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let devices = try XCTUnwrap(json["devices"] as? [[String: Any]])
    return devices.compactMap { $0["serial"] as? String }
  }

  private func lines(_ name: String) -> [String]? {
    (try? String(contentsOfFile: out + "/" + name, encoding: .utf8))?
      .split(separator: "\n").map(String.init)
  }

  func testApplyWritesBothRingsMembershipFilesAndAuditsThem() throws {
    let moving = Array(try serials(ring: "production").prefix(3))
    XCTAssertEqual(moving.count, 3)
    XCTAssertEqual(run(["stage", "move"] + moving + ["--ring", "test", "--db", db]).status, 0)

    let testBefore = try serials(ring: "test")
    let staged = run("staged", "--db", db)
    XCTAssertEqual(staged.status, 0, staged.err)
    XCTAssertTrue(staged.out.contains("\(testBefore.count + moving.count) serials"), staged.out)
    XCTAssertTrue(staged.out.contains("create  test.serials.txt"), staged.out)
    XCTAssertTrue(staged.out.contains("create  production.members.csv"), staged.out)
    XCTAssertTrue(staged.out.contains(moving[0]), "the moved devices are listed: \(staged.out)")
    let json = try XCTUnwrap(
      try JSONSerialization.jsonObject(
        with: Data(run("staged", "--db", db, "--format", "json").out.utf8)) as? [String: Any])
    let move = try XCTUnwrap((json["moves"] as? [[String: Any]])?.first)
    let listed = try XCTUnwrap(move["listed"] as? [[String: Any]])
    XCTAssertEqual(Set(listed.compactMap { $0["serial"] as? String }), Set(moving))

    let apply = run("apply", "--db", db)
    XCTAssertEqual(apply.status, 0, apply.err)
    XCTAssertTrue(apply.out.contains("Ring membership changed"), apply.out)
    XCTAssertEqual(Set(lines("test.serials.txt") ?? []), Set(testBefore + moving))
    XCTAssertTrue(Set(lines("production.serials.txt") ?? []).isDisjoint(with: moving))
    XCTAssertEqual(lines("test.members.csv")?.first, "serial,name")
    XCTAssertEqual(lines("test.members.csv")?.count, testBefore.count + moving.count + 1)

    let audit = run("audit", "--db", db, "--format", "json", "--limit", "50")
    XCTAssertTrue(audit.out.contains("/test.serials.txt"), audit.out)
    XCTAssertTrue(audit.out.contains("/production.members.csv"), audit.out)
  }

  func testALaterApplyKeepsTheMembershipFilesAndALaterMoveUpdatesThem() throws {
    let first = Array(try serials(ring: "production").prefix(2))
    XCTAssertEqual(run(["stage", "move"] + first + ["--ring", "test", "--db", db]).status, 0)
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    let written = lines("test.serials.txt")

    XCTAssertEqual(run("stage", "policy", "test", "--defer", "5", "--db", db).status, 0)
    let policyOnly = run("apply", "--db", db)
    XCTAssertEqual(policyOnly.status, 0, policyOnly.err)
    XCTAssertFalse(policyOnly.out.contains("remove"), policyOnly.out)
    XCTAssertEqual(lines("test.serials.txt"), written, "kept as it was")

    XCTAssertEqual(run("stage", "move", first[0], "--ring", "production", "--db", db).status, 0)
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    XCTAssertFalse(lines("test.serials.txt")?.contains(first[0]) ?? true)
    XCTAssertTrue(lines("production.serials.txt")?.contains(first[0]) ?? false)
  }

  func testAMembershipFileThatCannotBeReplacedStopsTheWholeApply() throws {
    let moving = Array(try serials(ring: "production").prefix(1))
    XCTAssertEqual(run(["stage", "move"] + moving + ["--ring", "test", "--db", db]).status, 0)
    XCTAssertEqual(run("stage", "policy", "test", "--defer", "5", "--db", db).status, 0)
    try FileManager.default.createDirectory(
      atPath: out + "/test.serials.txt", withIntermediateDirectories: true)

    let refused = run("apply", "--db", db)
    XCTAssertNotEqual(refused.status, 0)
    XCTAssertTrue(refused.err.contains("test.serials.txt is not a regular file"), refused.err)
    let forced = run("apply", "--db", db, "--force")
    XCTAssertNotEqual(forced.status, 0, "a folder cannot be renamed over")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["test.serials.txt"],
      "no profile, list, temporary or lock file was left behind")
    XCTAssertTrue(run("staged", "--db", db).out.contains(moving[0]), "the move stays staged")
    XCTAssertEqual(try serials(ring: "test").contains(moving[0]), false)
  }
}
