import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

final class StoreWriteTests: XCTestCase {
  func testChangingAPolicyRecomputesRemovalStatus() throws {
    let (_, store) = try TemporaryStore.demo(count: 300)
    let blockedBefore = try store.summary().byRemoval[.blocked] ?? 0
    XCTAssertGreaterThan(blockedBefore, 0)
    try store.write { try store.setPolicy(.unset, forRing: "production") }
    let after = try store.summary()
    XCTAssertEqual(after.byRemoval[.blocked] ?? 0, 0)
    XCTAssertEqual(after.byRemoval[.notEnforced] ?? 0, 0)
    XCTAssertEqual(after.byRemoval[.allowed], 300)
  }

  func testCatalogImportRecomputesStates() throws {
    let (_, store) = try TemporaryStore.demo(count: 500)
    let before = try store.summary().byState
    // A hypothetical BSI for iOS 26.7.1 puts every device on 26.7.1 one BSI behind.
    let d = HypotheticalBSI.ios2671a()
    XCTAssertEqual(try store.importCatalog([d]), 1)
    let after = try store.summary().byState
    XCTAssertGreaterThan(after[.rsrAvailable] ?? 0, before[.rsrAvailable] ?? 0)
    XCTAssertEqual(
      try store.catalog().latestRSR(for: .iOS, base: OSVersionNumber("26.7.1")!)?.letter, "a")
    XCTAssertEqual(try store.importCatalog([d]), 0)
  }

  func testStatesDerivedUnderOlderRulesAreDerivedAgainByTheNextWriter() throws {
    let (_, store) = try TemporaryStore.demo(count: 300)
    let right = try store.summary().byState
    // What an older Ringside left: no rules noted, every device called current.
    try store.database.execute(
      "DELETE FROM meta WHERE key = 'states_rules'; UPDATE devices SET state = 'current'")
    XCTAssertEqual(try store.statesOutdatedSince(), "")
    try store.refreshStatesIfTheDayChanged()
    XCTAssertNil(try store.statesOutdatedSince())
    XCTAssertEqual(try store.summary().byState, right)
  }

  func testStatesAreDerivedAgainOnTheDayAfterASigningWindowCloses() throws {
    let (_, store) = try TemporaryStore.demo(count: 500)
    store.today = "2026-11-29"
    let bsi = HypotheticalBSI.ios2671a(expires: "2026-12-01")
    try store.importCatalog([bsi])
    try store.refreshStatesIfTheDayChanged()
    let open = try store.summary().byState[.rsrAvailable] ?? 0
    XCTAssertGreaterThan(open, 0)
    store.today = "2026-12-01"
    try store.refreshStatesIfTheDayChanged()
    XCTAssertEqual(try store.summary().byState[.rsrAvailable] ?? 0, open, "the last day counts")
    store.today = "2026-12-02"
    try store.refreshStatesIfTheDayChanged()
    XCTAssertEqual(try store.summary().byState[.rsrAvailable] ?? 0, 0)
  }

  func testFailedWriteLeavesEveryTableAsItWas() throws {
    let (_, store) = try TemporaryStore.demo(count: 50)
    let count = try store.countDevices()
    XCTAssertThrowsError(
      try store.write {
        try store.database.execute("DELETE FROM devices")
        throw StoreError(.other, "boom")
      })
    XCTAssertEqual(try store.countDevices(), count)
  }

  func testReadOnlySessionCannotWrite() throws {
    let (temp, _) = try TemporaryStore.demo(count: 10)
    let reader = try temp.open(create: false, readOnly: true)
    XCTAssertEqual(try reader.countDevices(), 10)
    XCTAssertThrowsError(try reader.write { try reader.setPolicy(.unset, forRing: "test") }) {
      error in
      XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
    }
  }
}
