import Foundation
import XCTest

/// The sync benchmark (README "Sync from the MDM"): a `ringside` binary syncs a Graph tenant of
/// 100,000 devices in 1,000-device pages from the local fake MDM; prints the time, the child's
/// peak memory and the requests. Runs only when `RINGSIDE_SYNC_BENCH_BINARY` names the binary
/// (the release build: `bash .ci/build-release`), since it takes a while in a debug build.
final class SyncBenchmarkTests: XCTestCase {
  func testSyncOf100000DevicesIn1000DevicePagesStaysUnder250MB() throws {
    guard let binary = ProcessInfo.processInfo.environment["RINGSIDE_SYNC_BENCH_BINARY"] else {
      throw XCTSkip("set RINGSIDE_SYNC_BENCH_BINARY to a ringside binary to run the benchmark")
    }
    let mdm = try FakeMDM(devices: 100_000, graphPageSize: 1000)
    let folder = NSTemporaryDirectory() + "ringside-sync-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "sync", "graph", "--url", mdm.base + "/v1.0", "--auth-url", mdm.base + "/token", "--db",
      folder + "/store.db",
    ]
    process.environment = [
      "HOME": folder, "PATH": "/usr/bin:/bin", "RINGSIDE_GRAPH_TENANT_ID": "tenant-1",
      "RINGSIDE_GRAPH_CLIENT_ID": mdm.clientID, "RINGSIDE_GRAPH_CLIENT_SECRET": mdm.secret,
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    let start = Date()
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    XCTAssertEqual(process.terminationStatus, 0, text)
    XCTAssertTrue(text.contains("Read 100,000 records: 100,000 added"), text)
    XCTAssertLessThanOrEqual(peakMB, 250)
    print(
      String(
        format: "sync bench: 100,000 devices, %d requests, %.1f s, peak %.0f MB",
        mdm.server.requests.count, seconds, peakMB))
    print(text)
  }
}
