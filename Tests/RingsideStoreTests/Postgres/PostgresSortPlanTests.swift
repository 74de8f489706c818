import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Every Devices sort but the ring's (which joins the rings) reads its page from an index in
/// the order the translated `ORDER BY` asks for (NULLs first, as SQLite; the row id last), so
/// no page sorts the whole fleet: with sorting made prohibitively dear, no plan still sorts.
final class PostgresSortPlanTests: XCTestCase {
  func testEverySortButTheRingsReadsAnIndexInOrder() throws {
    let pg = try TestPostgres()
    _ = try InventoryStore(path: pg.url, create: true)
    let raw = try PostgresConnection(url: pg.url)
    try raw.execute("SET enable_sort = off; SET enable_incremental_sort = off")
    for column in DeviceSort.Column.allCases where column != .ring {
      for descending in [false, true] {
        let sort = DeviceSort(column, descending: descending)
        let sql = PostgresDialect.translate(
          """
          SELECT d.id FROM devices d JOIN rings r ON r.id = d.ring_id
          ORDER BY \(sort.sqlOrder) LIMIT 40
          """)
        let plan = try raw.prepare("EXPLAIN " + sql).query { $0.string(at: 0) ?? "" }
        XCTAssertFalse(
          plan.contains { $0.contains("Sort") },
          "\(column) \(descending):\n\(plan.joined(separator: "\n"))")
      }
    }
  }
}
