import Foundation
import RingsideStore
import RingsideTestSupport
import XCTest

/// A full disk and a read-only store: a clear one-line error, and nothing already stored lost.
/// Mounting a small tmpfs and acting as another user need root (CI runs as root).
final class StorageFaultSystemTests: XCTestCase {
  private func run(_ arguments: [String], as user: String? = nil) throws -> (
    status: Int32, err: String
  ) {
    let binary = try user == nil ? BuiltBinary.path() : BuiltBinary.copyForOtherUsers(self)
    let process = Process()
    let errPipe = Pipe()
    process.executableURL = URL(fileURLWithPath: user == nil ? binary : "/usr/sbin/runuser")
    process.arguments = user == nil ? arguments : ["-u", user!, "--", binary] + arguments
    process.environment = [
      "HOME": "/tmp", "PATH": "/usr/bin:/bin",
      BuiltBinary.hostConfigVariable: "/nonexistent/ringside-host-config.json",
      "XDG_STATE_HOME": BuiltBinary.noStateHome,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errPipe
    try process.run()
    let err = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, err)
  }

  private func csv(rows: Int) -> String {
    (["Device name,Serial number,OS,OS version,Last check-in"]
      + (0..<rows).map { "Fault \($0),FAULT\($0),iOS,26.3.1,2026-11-20 10:00:00" }).joined(
        separator: "\n") + "\n"
  }

  override func setUpWithError() throws {
    try TestBackend.requireSQLite(
      "a store file on a full disk or without write permission (the server's disk is its own)")
  }

  func testFullDiskGivesAClearErrorAndKeepsTheStore() throws {
    try XCTSkipUnless(geteuid() == 0, "mounting a small tmpfs needs root")
    let mount = "/tmp/ringside-full-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    let mounted = Process()
    mounted.executableURL = URL(fileURLWithPath: "/bin/mount")
    mounted.arguments = ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mount]
    try mounted.run()
    mounted.waitUntilExit()
    XCTAssertEqual(mounted.terminationStatus, 0, "mount -t tmpfs failed")
    defer {
      let umount = Process()
      umount.executableURL = URL(fileURLWithPath: "/bin/umount")
      umount.arguments = [mount]
      try? umount.run()
      umount.waitUntilExit()
      try? FileManager.default.removeItem(atPath: mount)
    }
    let db = mount + "/s.db"
    XCTAssertEqual(try run(["demo", "--db", db, "--devices", "100"]).status, 0)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "full-\(UUID().uuidString).csv")
    try csv(rows: 20_000).write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try run(["import", "--db", db, file.path])
    XCTAssertEqual(result.status, 74, result.err)
    XCTAssertTrue(result.err.contains("is full; nothing was changed"), result.err)
    let store = try InventoryStore(path: db, readOnly: true)
    XCTAssertEqual(try store.countDevices(), 100)
    XCTAssertEqual(try store.integrityProblems(), [])
  }

  func testReadOnlyStoreGivesAClearErrorAndStillReads() throws {
    try XCTSkipUnless(geteuid() == 0, "acting as another user needs root")
    try TestUsers.ensure()
    let user = TestUsers.admin
    let dir = "/tmp/ringside-ro-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    chmod(dir, 0o777)
    let db = dir + "/s.db"
    XCTAssertEqual(try run(["demo", "--db", db, "--devices", "10"], as: user).status, 0)
    chmod(db, 0o444)
    let file = dir + "/in.csv"
    try csv(rows: 5).write(toFile: file, atomically: true, encoding: .utf8)
    chmod(file, 0o644)
    let result = try run(["import", "--db", db, file], as: user)
    XCTAssertEqual(result.status, 77, result.err)
    XCTAssertEqual(result.err, "ringside: the store \(db) is read-only for this user\n")
    XCTAssertEqual(try run(["report", "--db", db], as: user).status, 0)
  }
}
