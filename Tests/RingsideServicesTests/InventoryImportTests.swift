import Foundation
import RingsideDomain
import RingsideImport
import RingsideServices
import XCTest

/// Importing into a store by path: a dry run against a store that does not exist creates
/// nothing and leaves nothing behind, nor does a failed import; naming no file is a usage error
/// before any store is created.
final class InventoryImportTests: XCTestCase {
  /// The synthetic Intune export of the import tests (seven devices).
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("RingsideImportTests/Fixtures")
    .appendingPathComponent("intune-devices.csv").path

  func testADryRunAgainstAMissingStoreCountsAndCreatesNothing() throws {
    let folder = try ServiceTestFolder()
    let store = folder.storePath
    let summary = try InventoryImport.run(
      files: [file], storePath: store,
      options: ImportOptions(
        dryRun: true, now: ServiceTestFolder.now, actor: ServiceTestFolder.alice))
    XCTAssertEqual(summary.added, 7)
    XCTAssertFalse(folder.storeExists)
    // Nor is any file of the scratch store it counted into left in the temporary folder (its
    // writers' lock was, one per dry run).
    let scratch = "ringside-dry-run-\(getpid())-"
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
        .filter { $0.hasPrefix(scratch) }, [])
  }

  func testNoFileIsAUsageErrorAndCreatesNoStore() throws {
    let folder = try ServiceTestFolder()
    let store = folder.storePath
    XCTAssertThrowsError(
      try InventoryImport.run(
        files: [], storePath: store, options: ImportOptions(actor: ServiceTestFolder.alice))
    ) { error in
      guard case .usage = error as? ImportFailure else { return XCTFail("\(error)") }
    }
    XCTAssertFalse(folder.storeExists)
  }

  func testAFailedImportIntoAMissingStoreRemovesTheStoreItCreated() throws {
    try XCTSkipIf(ServiceTestFolder.onPostgres, "a PostgreSQL database is not created by imports")
    let folder = try ServiceTestFolder()
    let bad = folder.path + "/bad.csv"
    try "Device ID,Device name,Serial number,OS,OS version\n1,bad,S1,iOS,16.x\n"
      .write(toFile: bad, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(
      try InventoryImport.run(
        files: [bad], storePath: folder.storePath,
        options: ImportOptions(now: ServiceTestFolder.now, actor: ServiceTestFolder.alice))
    ) { error in
      guard case .rejected = error as? ImportFailure else { return XCTFail("\(error)") }
    }
    XCTAssertFalse(folder.storeExists)
    for suffix in ["-wal", "-shm", "-journal", "-lock"] {
      XCTAssertFalse(FileManager.default.fileExists(atPath: folder.storePath + suffix), suffix)
    }
  }
}
