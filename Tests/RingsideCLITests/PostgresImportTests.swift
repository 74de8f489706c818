import Foundation
import RingsideDomain
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// `import` into a PostgreSQL store: the same devices, history, links, pending updates and
/// output as the same imports into SQLite, row by row and the bulk way, and the fleet counts
/// the per-statement triggers keep equal to a recount after imports, moves and deletes.
final class PostgresImportTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("RingsideImportTests/Fixtures")
  private static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

  /// An Intune-shaped export of `count` devices; `generation` moves versions and rings so a
  /// second import updates most of them.
  private func intuneCSV(count: Int, generation: Int, in directory: String) throws -> String {
    let versions = ["26.7.1", "26.6.2", "18.7.2", "27.0.1", "26.3.1"]
    let rings = ["Production", "Test", "Pilot", "", "Production"]
    var text =
      "\"Device ID\",\"Device name\",\"Last check-in\",\"OS version\",\"Serial number\","
      + "\"Model\",\"Category\",\"Primary user UPN\",\"Supervised\",\"OS\"\n"
    for i in 0..<count {
      let mac = i % 4 == 0
      let day = 1 + (i + generation) % 27
      text +=
        "\"dev-\(i)\",\"Device \(i % 97) 'name'\",\"2026-05-\(String(format: "%02d", day)) 08:00:00.0000000\","
        + "\"\(versions[(i + generation) % versions.count])\",\"SER\(String(format: "%06d", i))\","
        + "\"\(mac ? "MacBook Air (M2)" : "iPhone 16")\",\"\(rings[(i / 7 + generation) % rings.count])\","
        + "\"user\(i % 50)@example.com\",\"\(i % 5 == 0 ? "No" : "Yes")\",\"\(mac ? "macOS" : "iOS/iPadOS")\"\n"
    }
    let path = directory + "/intune-\(generation).csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func importFiles(_ files: [String], into db: String, bulk: Bool) throws {
    let store = try InventoryStore(path: db, create: true)
    store.today = "2026-05-28"
    var options = ImportOptions(
      ringFrom: "Category", now: Self.now, actor: AuditActor(user: "tester"))
    options.bulkMinimumRecords = bulk ? 1 : Int.max
    _ = try Importer.run(files: files, into: store, options: options)
  }

  func testImportsStoreAndPrintTheSameOnBothBackends() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_import_")
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", database.url).status, 0)
    let published = [
      "intune-devices.csv", "graph-managedDevices.json", "graph-managedDevices-page2.json",
      "jamf-mobile-devices.json", "mdm-device-information-many.plist",
      "mdm-available-os-updates.plist",
    ].map { Self.fixtures.appendingPathComponent($0).path }
    let first = try intuneCSV(count: 700, generation: 0, in: cli.directory.path)
    let second = try intuneCSV(count: 900, generation: 1, in: cli.directory.path)
    for db in [database.url, cli.dbPath] {
      try importFiles(published, into: db, bulk: false)
      try importFiles([first], into: db, bulk: true)
      try importFiles([second], into: db, bulk: true)
      try importFiles([first], into: db, bulk: false)
    }
    for arguments in [
      ["report"], ["devices", "--sort", "os", "--format", "csv"],
      ["devices", "--sort", "name", "--format", "json"], ["why", "SER000007"],
    ] {
      let onPostgres = cli.run(arguments + ["--db", database.url])
      let onSQLite = cli.run(arguments + ["--db", cli.dbPath])
      XCTAssertEqual(onPostgres.status, 0, onPostgres.err)
      XCTAssertEqual(onPostgres.out, onSQLite.out, "\(arguments)")
    }
    let postgres = try PostgresConnection(url: database.url)
    let sqlite = try InventoryStore(path: cli.dbPath, create: false, readOnly: true)
    for table in ["devices", "device_sources", "device_history", "pending_updates"] {
      XCTAssertEqual(
        try postgres.scalar("SELECT COUNT(*) FROM \(table)")?.int,
        try sqlite.database.scalar("SELECT COUNT(*) FROM \(table)")?.int, table)
    }
    XCTAssertGreaterThan(try postgres.scalar("SELECT COUNT(*) FROM device_history")?.int ?? 0, 0)
    try assertCountsEqualARecount(postgres)
  }

  func testFleetCountsEqualARecountAfterBulkImportsMovesAndDeletes() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_counts_")
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", database.url).status, 0)
    try importFiles(
      [try intuneCSV(count: 500, generation: 0, in: cli.directory.path)], into: database.url,
      bulk: true)
    let postgres = try PostgresConnection(url: database.url)
    try assertCountsEqualARecount(postgres)
    try importFiles(
      [try intuneCSV(count: 650, generation: 3, in: cli.directory.path)], into: database.url,
      bulk: true)
    try assertCountsEqualARecount(postgres)
    try postgres.execute(
      """
      UPDATE devices SET ring_id = (SELECT MIN(id) FROM rings) WHERE id % 3 = 0;
      UPDATE devices SET last_checkin = last_checkin + 86400 * (id % 4) WHERE id % 2 = 0;
      UPDATE devices SET name = name || ' renamed' WHERE id % 5 = 0;
      DELETE FROM devices WHERE id % 7 = 0;
      """)
    try assertCountsEqualARecount(postgres)
    try postgres.execute("DELETE FROM devices")
    XCTAssertEqual(try postgres.scalar("SELECT COUNT(*) FROM fleet_groups")?.int, 0)
    XCTAssertEqual(try postgres.scalar("SELECT COUNT(*) FROM fleet_checkins")?.int, 0)
  }

  /// `fleet_groups` and `fleet_checkins` hold exactly what counting every device gives.
  private func assertCountsEqualARecount(
    _ postgres: PostgresConnection, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let groups = """
      SELECT ring_id, platform, os_sort, rsr, state, removal, COUNT(*) FROM devices
      GROUP BY ring_id, platform, os_sort, rsr, state, removal
      """
    let days = """
      SELECT ring_id, fleet_checkin_day(last_checkin), COUNT(*) FROM devices
      GROUP BY ring_id, fleet_checkin_day(last_checkin)
      """
    for (kept, recount) in [
      ("SELECT ring_id, platform, os_sort, rsr, state, removal, n FROM fleet_groups", groups),
      ("SELECT ring_id, day, n FROM fleet_checkins", days),
    ] {
      for sql in ["(\(kept)) EXCEPT (\(recount))", "(\(recount)) EXCEPT (\(kept))"] {
        XCTAssertEqual(
          try postgres.scalar("SELECT COUNT(*) FROM (\(sql)) x")?.int, 0, sql, file: file,
          line: line)
      }
    }
    XCTAssertGreaterThan(
      try postgres.scalar("SELECT COUNT(*) FROM fleet_groups")?.int ?? 0, 0, file: file,
      line: line)
  }
}
