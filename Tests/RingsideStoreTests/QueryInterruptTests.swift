import Foundation
import XCTest

@testable import RingsideStore

/// The dashboard interrupts a query a newer one replaces; the store reports that as its own
/// kind of error, so callers never recognise it by its message.
final class QueryInterruptTests: XCTestCase {
  func testAnInterruptedQueryFailsWithTheInterruptedKind() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    let interrupter = store.interrupter
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { interrupter.interrupt() }
    XCTAssertThrowsError(
      try store.database.scalar(
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT MAX(n) FROM c")
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .interrupted, "\(error)")
    }
  }

  func testAnInterruptWhileNothingRunsStopsNoLaterStatement() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    store.interrupter.interrupt()
    XCTAssertEqual(try store.database.scalar("SELECT 41 + 1")?.int, 42)
  }
}
