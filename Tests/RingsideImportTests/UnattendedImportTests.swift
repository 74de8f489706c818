import Foundation
import RingsideDomain
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Imports that run from cron or a systemd timer: standard input and FIFOs read once, an
/// audit entry for each import, future check-ins, incomplete Graph page sets.
final class UnattendedImportTests: XCTestCase {
  private static let now = Date(timeIntervalSince1970: 1_717_430_400)  // 2024-06-03 16:00 UTC

  /// Runs an import collecting its warnings.
  private func run(
    _ store: InventoryStore, _ files: [String], now: Date = UnattendedImportTests.now
  ) throws -> (ImportSummary, [String]) {
    var warnings: [String] = []
    let summary = try Importer.run(
      files: files, into: store,
      options: ImportOptions(now: now, actor: AuditActor(user: "tester")),
      events: ImportEvents(warning: { warnings.append($0) }))
    return (summary, warnings)
  }

  /// Makes `bytes` this process's standard input for `body`, written from another thread
  /// through a pipe, then puts the real standard input back.
  private func withStandardInput<T>(_ bytes: [UInt8], _ body: () throws -> T) throws -> T {
    var fds: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&fds), 0)
    let saved = dup(0)
    dup2(fds[0], 0)
    close(fds[0])
    let writer = fds[1]
    let data = UncheckedBytes(bytes)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      data.bytes.withUnsafeBufferPointer { b in
        var off = 0
        while off < b.count {
          let n = write(writer, b.baseAddress! + off, b.count - off)
          if n <= 0 { break }
          off += n
        }
      }
      close(writer)
      done.signal()
    }
    defer {
      dup2(saved, 0)
      close(saved)
      done.wait()
    }
    return try body()
  }

  func testStandardInputIsReadOnceAndDetected() throws {
    let store = try Support.store(self)
    let bytes = Array(
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("fleet-hosts.json"))))
    let (summary, _) = try withStandardInput(bytes) { try run(store, ["-"]) }
    XCTAssertEqual(summary.added, 2)
    XCTAssertEqual(summary.skipped, 1)
    XCTAssertEqual(summary.choices.first?.file, "<stdin>")
    XCTAssertEqual(summary.choices.first?.format, .fleetJSON)
  }

  func testACSVPipedThroughStandardInputImports() throws {
    let store = try Support.store(self)
    let bytes = Array(
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("intune-devices.csv"))))
    let (summary, _) = try withStandardInput(bytes) { try run(store, ["-"]) }
    XCTAssertEqual(summary.added, 7)
  }

  func testAnMDMResponseFromStandardInputIsDatedByTheImport() throws {
    let store = try Support.store(self)
    let bytes = Array(
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("mdm-device-information.plist"))))
    let (summary, _) = try withStandardInput(bytes) { try run(store, ["-"]) }
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(try Support.device(store, "ZZRING000001").device.lastCheckIn, Self.now)
  }

  func testAFIFOIsReadOnceAndDetected() throws {
    let dir = Support.scratch(self)
    let fifo = dir.appendingPathComponent("export.fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let bytes = UncheckedBytes(
      Array(
        try Data(
          contentsOf: URL(fileURLWithPath: Support.fixture("graph-managedDevices-page2.json")))))
    Thread.detachNewThread {
      let fd = open(fifo, O_WRONLY)
      bytes.bytes.withUnsafeBufferPointer { b in _ = write(fd, b.baseAddress!, b.count) }
      close(fd)
    }
    let store = try Support.store(self)
    let (summary, _) = try run(store, [fifo])
    XCTAssertEqual(summary.choices.first?.format, .graphJSON)
    XCTAssertGreaterThan(summary.added, 0)
  }

  func testATruncatedStreamOnStandardInputStoresNothingAndNamesTheLine() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.fixture("intune-devices.csv")])
    let before = try Support.snapshot(store)
    let whole = Array(
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("jamf-mobile-devices.json"))))
    let cut = Array(whole.prefix(whole.count * 2 / 3))
    let failure = try withStandardInput(cut) { () -> ImportFailure? in
      do {
        _ = try run(store, ["-"])
        return nil
      } catch {
        return error as? ImportFailure
      }
    }
    guard case .file(let issue, _)? = failure else {
      return XCTFail("expected a file error, got \(String(describing: failure))")
    }
    XCTAssertEqual(issue.location.file, "<stdin>")
    XCTAssertNotNil(issue.location.line)
    XCTAssertTrue(issue.reason.contains("ends early"), issue.reason)
    XCTAssertEqual(try Support.snapshot(store), before)
  }

  func testEveryImportIsAnAuditEntryWithItsSourceFormatAndCounts() throws {
    let store = try Support.store(self)
    XCTAssertNil(try store.newestImport())
    let file = Support.fixture("kandji-devices.json")
    let (summary, _) = try run(store, [file])
    let entries = try store.database.prepare(
      "SELECT action, user_name, detail, at FROM audit_log WHERE action = 'import'"
    ).query {
      ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "", $0.string(at: 2) ?? "", $0.int(at: 3) ?? 0)
    }
    XCTAssertEqual(entries.count, 1)
    // On PostgreSQL the database login signs it (`InventoryStore.attributed`).
    let login =
      TestBackend.isPostgres
      ? try store.database.scalar("SELECT session_user::text")?.string ?? "" : "tester"
    XCTAssertEqual(entries[0].1, login)
    XCTAssertTrue(entries[0].2.contains("kandji-devices.json (kandji-json)"), entries[0].2)
    XCTAssertTrue(
      entries[0].2.contains("read \(summary.read), added \(summary.added)"), entries[0].2)
    XCTAssertEqual(try store.newestImport(), Self.now)
  }

  func testADryRunOrARejectedImportLeavesNoAuditEntry() throws {
    let store = try Support.store(self)
    _ = try Importer.run(
      files: [Support.fixture("kandji-devices.json")], into: store,
      options: ImportOptions(dryRun: true, now: Self.now))
    let bad = Support.file(
      self, "bad.json", #"[{"device_id": "x", "platform": "Mac", "os_version": 14.5}]"#)
    XCTAssertNotNil(Support.failure(store, [bad]))
    XCTAssertNil(try store.newestImport())
  }

  private static func kandji(_ version: String, checkIn: String) -> String {
    """
    [{"device_id": "k1", "device_name": "Time Traveller", "model": "MacBook Air (M2, 2022)",
      "serial_number": "ZZRING000201", "platform": "Mac", "os_version": "\(version)",
      "supplemental_os_version_extra": "", "last_check_in": "\(checkIn)"}]
    """
  }

  func testACheckInInTheFarFutureIsIgnoredWithAWarningNamingTheRecord() throws {
    let store = try Support.store(self)
    let future = Support.file(
      self, "future.json", Self.kandji("14.4", checkIn: "2999-01-01T00:00:00Z"))
    let (_, warnings) = try run(store, [future])
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(warnings[0].contains("future.json"), warnings[0])
    XCTAssertTrue(warnings[0].contains("[0]"), warnings[0])
    XCTAssertTrue(warnings[0].contains("2999"), warnings[0])
    XCTAssertNil(try Support.device(store, "Time Traveller").device.lastCheckIn)
    let later = Support.file(
      self, "later.json", Self.kandji("14.5", checkIn: "2024-06-03T08:00:00Z"))
    try run(store, [later])
    XCTAssertEqual(
      try Support.device(store, "Time Traveller").device.version.base?.description, "14.5")
  }

  func testAFutureCheckInAlreadyStoredCannotFreezeTheDevice() throws {
    let store = try Support.store(self)
    try run(
      store, [Support.file(self, "a.json", Self.kandji("14.4", checkIn: "2024-06-01T08:00:00Z"))])
    // As an import before this rule would have stored it.
    try store.database.execute("UPDATE devices SET last_checkin = 32503680000")
    try run(
      store, [Support.file(self, "b.json", Self.kandji("14.5", checkIn: "2024-06-03T08:00:00Z"))])
    let d = try Support.device(store, "Time Traveller").device
    XCTAssertEqual(d.version.base?.description, "14.5")
    XCTAssertEqual(d.lastCheckIn, ISO8601DateFormatter().date(from: "2024-06-03T08:00:00Z"))
  }

  func testAGraphPageWhoseNextPageIsMissingWarnsNamingIt() throws {
    let store = try Support.store(self)
    let page1 = Support.fixture("graph-managedDevices.json")
    let (_, warnings) = try run(store, [page1])
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(warnings[0].contains("graph-managedDevices.json"), warnings[0])
    XCTAssertTrue(warnings[0].contains("$skiptoken="), warnings[0])
  }

  func testAGraphPageSetWithItsLastPageGivesNoWarning() throws {
    let store = try Support.store(self)
    let (_, warnings) = try run(
      store,
      [
        Support.fixture("graph-managedDevices.json"),
        Support.fixture("graph-managedDevices-page2.json"),
      ])
    XCTAssertEqual(warnings, [])
  }

  func testGraphPagesHoldingFewerDevicesThanGraphCountedWarn() throws {
    func page(_ ids: ClosedRange<Int>, next: Bool) -> String {
      let devices = ids.map { i in
        #"{"id": "g\#(i)", "deviceName": "G\#(i)", "operatingSystem": "iOS", "osVersion": "17.5.1", "serialNumber": "ZZRING0003\#(i)", "model": "iPhone 15", "lastSyncDateTime": "2024-06-03T08:00:00Z"}"#
      }
      let link =
        next
        ? #""@odata.nextLink": "https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$skiptoken=x","#
        : ""
      return
        #"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices", "@odata.count": 6, \#(link) "value": [\#(devices.joined(separator: ","))]}"#
    }
    // Pages 1 and 3 of three: page 3 is the last one, so only the count shows the gap.
    let store = try Support.store(self)
    let (_, warnings) = try run(
      store,
      [
        Support.file(self, "p1.json", page(10...11, next: true)),
        Support.file(self, "p3.json", page(14...15, next: false)),
      ])
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(
      warnings[0].contains("hold 4 devices but Graph counted (@odata.count) 6"), warnings.joined())
  }

  func testJamfPagesHoldingFewerDevicesThanTotalCountWarn() throws {
    func page(_ ids: ClosedRange<Int>) -> String {
      let records = ids.map { i in
        #"{"mobileDeviceId": "\#(i)", "deviceType": "iOS", "general": {"displayName": "J\#(i)", "osVersion": "17.5.1", "osRapidSecurityResponse": ""}, "hardware": {"serialNumber": "ZZRING0004\#(i)", "model": "iPhone 15"}}"#
      }
      return #"{"totalCount": 6, "results": [\#(records.joined(separator: ","))]}"#
    }
    let store = try Support.store(self)
    let (_, gap) = try run(
      store,
      [
        Support.file(self, "page0.json", page(10...11)),
        Support.file(self, "page2.json", page(14...15)),
      ])
    XCTAssertEqual(gap.count, 1)
    XCTAssertTrue(gap[0].contains("hold 4 devices but Jamf counted (totalCount) 6"), gap.joined())
    let (_, whole) = try run(
      try Support.store(self),
      [
        Support.file(self, "a0.json", page(10...11)), Support.file(self, "a1.json", page(12...13)),
        Support.file(self, "a2.json", page(14...15)),
      ])
    XCTAssertEqual(whole, [])
  }
}

/// Bytes handed to a writer thread.
private struct UncheckedBytes: @unchecked Sendable {
  let bytes: [UInt8]
  init(_ bytes: [UInt8]) { self.bytes = bytes }
}
