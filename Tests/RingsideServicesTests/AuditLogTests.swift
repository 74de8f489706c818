import Foundation
import RingsideDomain
import RingsideServices
import XCTest

@testable import RingsideStore

/// The audit log as both faces read it: pages with the log's size, and a check of the chain
/// that finds an entry changed by hand.
final class AuditLogTests: XCTestCase {
  func testAPageCarriesTheLogsSizeAndTheNewestEntriesFirst() throws {
    let folder = try ServiceTestFolder()
    let store = try folder.demoStore()
    try store.stagePolicy(.deferralDays(5), ring: "test", by: ServiceTestFolder.alice)
    try store.stagePolicy(.deferralDays(6), ring: "production", by: ServiceTestFolder.alice)
    let total = try store.auditEntryCount()
    let page = try AuditLog.page(store, limit: 1, offset: 0)
    XCTAssertEqual(page.total, total)
    XCTAssertEqual(page.entries.map(\.id), [try XCTUnwrap(store.auditEntries().first?.id)])
  }

  func testVerifyFindsAnEntryChangedByHand() throws {
    let folder = try ServiceTestFolder()
    let store = try folder.demoStore()
    try store.stagePolicy(.deferralDays(5), ring: "test", by: ServiceTestFolder.alice)
    let witness = AuditWitness(storePath: store.path, environment: ["HOME": folder.path])
    XCTAssertNil(try AuditLog.verify(store, witness: witness).problem)
    // Triggers refuse updates; drop them as someone editing the file by hand would (or on
    // PostgreSQL the database's owner).
    let dropTrigger =
      ServiceTestFolder.onPostgres
      ? "DROP TRIGGER audit_log_no_update ON audit_log; "
      : "DROP TRIGGER audit_log_no_update; "
    try InventoryStore(path: store.reopenPath).database.execute(
      dropTrigger + "UPDATE audit_log SET detail = 'nothing happened'")
    XCTAssertNotNil(try AuditLog.verify(store, witness: witness).problem)
  }
}
