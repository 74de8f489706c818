import Foundation
import XCTest

/// The built binary stopped mid-sync by a signal leaves no page of the inventory behind.
final class SyncSignalTests: XCTestCase {
  func testSIGTERMMidSyncRemovesThePagesAndStillEndsTheProcessWhichMayNotDumpCore() throws {
    let binary = try BuiltBinary.path()
    let f = try SyncFixture()
    let temporary = f.directory + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
    let mdm = try FakeMDM(devices: 5)
    mdm.stallWhen = { $0.query["offset"] == "2" }
    defer { mdm.release.signal() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "sync", "kandji", "--url", mdm.base, "--page-size", "2", "--quiet", "--db",
      f.storePath,
    ]
    process.environment = [
      "HOME": f.directory, "XDG_CONFIG_HOME": f.directory + "/config", "PATH": "/usr/bin:/bin",
      "TMPDIR": temporary, "RINGSIDE_KANDJI_TOKEN": mdm.apiToken,
      BuiltBinary.hostConfigVariable: f.directory + "/host.json",
      "RINGSIDE_TEST_SHARED_SOURCES": f.directory + "/shared-sources",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    // The child inherits a core limit above 0 (this machine's default may already be 0).
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    let saved = limit
    limit.rlim_cur = min(limit.rlim_max, 1 << 20)
    setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    defer {
      var restore = saved
      setrlimit(Int32(RLIMIT_CORE.rawValue), &restore)
    }
    try process.run()
    // Wait until the first page waits on disk and the second is being asked for.
    let started = Date()
    var firstPage = false
    while !firstPage && Date().timeIntervalSince(started) < 20 {
      let folders = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
      firstPage = folders.contains {
        FileManager.default.fileExists(atPath: temporary + "/" + $0 + "/page-00001.json")
      }
      usleep(20_000)
    }
    XCTAssertTrue(firstPage, "the sync never saved its first page")
    usleep(200_000)
    // Holding secrets, it may not leave a core file.
    let limits =
      (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8))
      ?? ""
    let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
    XCTAssertEqual(
      core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first, "0",
      String(core))
    process.terminate()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .uncaughtSignal)
    XCTAssertEqual(process.terminationStatus, SIGTERM)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
  }
}
