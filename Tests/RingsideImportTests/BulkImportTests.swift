import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideImport
@testable import RingsideStore

/// Large imports take another path (indexes rebuilt at the end, key hashes in memory); these
/// tests force it on the small fixtures and expect the same results as the normal path.
final class BulkImportTests: XCTestCase {
  /// Every import here takes the bulk path, however small.
  private var bulk: ImportOptions {
    var options = ImportOptions()
    options.bulkMinimumRecords = 0
    return options
  }

  private func indexes(_ store: InventoryStore) throws -> [String] {
    try TestBackend.indexes(store)
  }

  func testBulkImportGivesTheSameFleetAndKeepsEveryIndex() throws {
    let store = try Support.store(self)
    let before = try indexes(store)
    try Support.run(store, Support.allSources.map(Support.fixture), bulk)
    XCTAssertEqual(try indexes(store), before)
    let devices = try store.devices(limit: 100)
    XCTAssertEqual(devices.count, 8)
    XCTAssertEqual(
      Dictionary(uniqueKeysWithValues: devices.map { ($0.device.name, $0.device.version.rsr) }),
      SampleImportTests.expectedLetters)
  }

  func testABulkImportSaysWhenItBuildsTheIndexesAndANormalOneDoesNot() throws {
    let store = try Support.store(self)
    var steps: [String] = []
    var events = ImportEvents()
    events.finishing = { steps.append($0) }
    let files = Support.allSources.map(Support.fixture)
    _ = try Importer.run(files: files, into: store, options: ImportOptions(), events: events)
    XCTAssertEqual(steps, [])
    let empty = try Support.store(self)
    _ = try Importer.run(files: files, into: empty, options: bulk, events: events)
    XCTAssertEqual(steps, ["building the indexes"])
  }

  func testBulkImportLeavesEveryForeignKeyValidAndCheckedAgain() throws {
    let store = try Support.store(self)
    try Support.run(store, Support.allSources.map(Support.fixture), bulk)
    XCTAssertEqual(try store.integrityProblems(), [])
    // Only SQLite's bulk path turns the key checks off (PostgreSQL always checks them).
    let sqlite = store.database.dialect == .sqlite
    if sqlite { XCTAssertEqual(try store.database.scalar("PRAGMA foreign_keys")?.int, 1) }
    let bad = Support.file(
      self, "bad.csv", "Device name,Serial number,OS,OS version\nx,S1,iOS,banana\n")
    let empty = try Support.store(self)
    XCTAssertTrue(Importer.isBulk([bad], devices: try empty.countDevices(), minimum: 0))
    XCTAssertNotNil(Support.failure(empty, [bad], bulk))
    if sqlite { XCTAssertEqual(try empty.database.scalar("PRAGMA foreign_keys")?.int, 1) }
  }

  func testLinksHeldBackInBatchesStillFindTheirDevicesInTheSameImport() throws {
    let count = ImportSession.linkBatchSize * 3 + 5
    let header = ["Device ID", "Device name", "Serial number", "OS", "OS version"]
    let first = Support.intuneCSV(
      header, (0..<count).map { ["id-\($0)", "Phone \($0)", "SER\($0)", "iOS", "26.3.1"] })
    // The same devices by Intune id only, newer: found through the links written in batches.
    let second = Support.intuneCSV(
      header, (0..<count).map { ["id-\($0)", "Phone \($0)", "", "iOS", "26.4"] })
    for bulk in [true, false] {
      var options = ImportOptions()
      options.bulkMinimumRecords = bulk ? 0 : .max
      let store = try Support.store(self)
      let summary = try Support.run(
        store, [Support.file(self, "a.csv", first), Support.file(self, "b.csv", second)], options)
      XCTAssertEqual(summary.added, count, "bulk \(bulk)")
      XCTAssertEqual(try store.countDevices(), count, "bulk \(bulk)")
      XCTAssertEqual(
        try store.database.scalar("SELECT COUNT(*) FROM device_sources")?.int, Int64(count))
      XCTAssertEqual(try store.integrityProblems(), [])
    }
  }

  func testBulkReimportFindsEveryDevice() throws {
    let store = try Support.store(self)
    let files = ["intune-devices.csv", "jamf-mobile-devices.json"].map(Support.fixture)
    try Support.run(store, files, bulk)
    let summary = try Support.run(store, files, bulk)
    XCTAssertEqual(summary.added, 0)
    XCTAssertEqual(try store.countDevices(), 8)
  }

  func testRejectedBulkImportLeavesTablesAndIndexesAsTheyWere() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.fixture("intune-devices.csv")], bulk)
    let before = try Support.snapshot(store)
    let beforeIndexes = try indexes(store)
    let bad = Support.file(
      self, "bad.json",
      #"{"value":[{"id":"1","deviceName":"x","operatingSystem":"iOS","osVersion":"banana"}]}"#)
    guard
      case .rejected? = Support.failure(
        store, [Support.fixture("jamf-mobile-devices.json"), bad], bulk)
    else {
      return XCTFail("expected a rejection")
    }
    XCTAssertEqual(try Support.snapshot(store), before)
    XCTAssertEqual(try indexes(store), beforeIndexes)
  }
}
