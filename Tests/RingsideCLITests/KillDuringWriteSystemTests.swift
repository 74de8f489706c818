import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport
import XCTest

/// `kill -9` of the real binary while it imports: the store stays consistent (integrity check
/// passes) and holds either everything from the import or nothing of it.
final class KillDuringWriteSystemTests: XCTestCase {
  private var binary: String { (try? BuiltBinary.path()) ?? "" }

  private func intuneCSV(rows: Int, serialPrefix: String) -> String {
    var lines = ["Device name,Serial number,OS,OS version,Last check-in,Supervised"]
    for i in 0..<rows {
      lines.append(
        "Kill test \(i),\(serialPrefix)\(String(i)),iOS,26.3.1,2026-11-20 10:00:00.0000000,Yes")
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  func testKilledImportLeavesTheStoreWholeAndAllOrNothing() throws {
    try TestBackend.requireSQLite(
      "a process killed while it writes a store file (on PostgreSQL the server rolls back)")
    XCTAssertTrue(
      FileManager.default.isExecutableFile(atPath: binary), "build first: \(binary) is missing")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("k.db").path
    let csv = dir.appendingPathComponent("devices.csv")
    try intuneCSV(rows: 40_000, serialPrefix: "KILL").write(
      to: csv, atomically: true, encoding: .utf8)
    let seed = Process()
    seed.executableURL = URL(fileURLWithPath: binary)
    seed.environment = Self.hermeticEnvironment
    seed.arguments = ["demo", "--db", db, "--devices", "500"]
    seed.standardOutput = FileHandle.nullDevice
    try seed.run()
    seed.waitUntilExit()

    var killedMidway = 0
    var completed = 0
    for attempt in 0..<8 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.environment = Self.hermeticEnvironment
      process.arguments = ["import", "--db", db, csv.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: 0.05 + Double(attempt) * 0.12)
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killedMidway += 1
      }
      process.waitUntilExit()
      let store = try InventoryStore(path: db)
      XCTAssertEqual(try store.integrityProblems(), [], "attempt \(attempt)")
      let count = try store.countDevices()
      XCTAssertTrue(
        count == 500 || count == 40_500,
        "attempt \(attempt): \(count) devices, neither before nor after")
      if count == 40_500 {
        completed += 1
        break
      }
    }
    XCTAssertGreaterThan(
      killedMidway, 0, "the import always finished before the kill; nothing was tested")
    print(
      "kill -9 during import: \(killedMidway) killed midway, \(completed) completed; store intact each time"
    )
  }

  /// The test's environment, with the host-wide config pointed away from /etc/ringside and
  /// nothing written to the home folder.
  static var hermeticEnvironment: [String: String] {
    ProcessInfo.processInfo.environment.merging(
      [
        "RINGSIDE_TEST_HOST_CONFIG": "/nonexistent/ringside-host-config.json",
        // No audit witness file in the real home (writing it is best effort).
        "XDG_STATE_HOME": "/proc/ringside-no-state",
      ]
    ) { $1 }
  }
}
