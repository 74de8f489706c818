import Foundation
import RingsideDomain
import RingsideImport
import RingsideServices
import XCTest

/// Importing into a store by path: a dry run against a store that does not exist creates
/// nothing and leaves nothing behind; naming no file is a usage error before any store is created.
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

}
