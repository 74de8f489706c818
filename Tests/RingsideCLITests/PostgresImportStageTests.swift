import Foundation
import RingsideDomain
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// An import into PostgreSQL through its staging tables (`PostgresImportStage`): new devices,
/// rewrites and links held back, sent by `COPY` and applied one statement per table and flush.
/// Flushing every few rows, the rows stored equal SQLite's; a failure after some flushes leaves
/// the store as it was; no staging table outlives the import.
final class PostgresImportStageTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("RingsideImportTests/Fixtures")
  private static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
  /// The columns of the Intune exports these tests write.
  private static let intuneHeader =
    "\"Device ID\",\"Device name\",\"Last check-in\",\"OS version\",\"Serial number\","
    + "\"Model\",\"Category\",\"Primary user UPN\",\"Supervised\",\"OS\"\n"

  /// An Intune-shaped export of the devices numbered `indices`, in that order (a number again
  /// is the device again: the second time a day earlier, the third a day later, each with
  /// another version); `generation` moves versions, check-ins and
  /// rings so a later import rewrites most devices. `bad` numbers lose serial and device id,
  /// which the importer rejects; a device named `name(i)` gets that name.
  private func intuneCSV(
    _ indices: [Int], generation: Int, in directory: URL, file: String, bad: Set<Int> = [],
    name: (Int) -> String = { "Device \($0 % 89)" }
  ) throws -> String {
    let versions = ["26.7.1", "26.6.2", "18.7.2", "27.0.1", "26.3.1", "26.7"]
    let rings = ["Production", "Test", "Pilot", "", "Production"]
    var text = Self.intuneHeader
    var seen: [Int: Int] = [:]
    for i in indices {
      let again = seen[i, default: 0]
      seen[i] = again + 1
      let mac = i % 4 == 0
      let day = 1 + (i + generation + [0, 26, 1][min(again, 2)]) % 27
      let id = bad.contains(i) ? "" : "dev-\(i)"
      let serial = bad.contains(i) ? "" : "SER\(String(format: "%06d", i))"
      text +=
        "\"\(id)\",\"\(name(i))\",\"2026-05-\(String(format: "%02d", day)) 08:00:00.0000000\","
        + "\"\(versions[(i + generation + 2 * again) % versions.count])\",\"\(serial)\","
        + "\"\(mac ? "MacBook Air (M2)" : "iPhone 16")\",\"\(rings[(i / 7 + generation) % rings.count])\","
        + "\"user\(i % 50)@example.com\",\"\(i % 5 == 0 ? "No" : "Yes")\",\"\(mac ? "macOS" : "iOS/iPadOS")\"\n"
    }
    let path = directory.appendingPathComponent(file).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func importFiles(_ files: [String], into store: InventoryStore, bulk: Bool) throws {
    var options = ImportOptions(
      ringFrom: "Category", now: Self.now, actor: AuditActor(user: "tester"))
    options.bulkMinimumRecords = bulk ? 1 : Int.max
    _ = try Importer.run(files: files, into: store, options: options)
  }

  private func openStore(_ db: String) throws -> InventoryStore {
    let store = try InventoryStore(path: db, create: true)
    store.today = "2026-05-28"
    return store
  }

  /// Every stored row of the device tables, ids replaced by device keys and ring names (the
  /// backends number rows differently), in an order that does not depend on either.
  private func contents(_ store: InventoryStore) throws -> [String: [String]] {
    let tables = [
      "devices": """
      SELECT d.device_key, d.serial, d.udid, d.name, d.platform, d.model, d.os_base, d.os_sort,
        d.rsr, d.build, d.supplemental_build, d.supervised, d.user_enrolled, r.name,
        d.last_checkin, d.user_name, d.source, d.removed_letter, d.state, d.removal
      FROM devices d JOIN rings r ON r.id = d.ring_id
      """,
      "device_sources": """
      SELECT d.device_key, s.source, s.external_id, s.last_seen
      FROM device_sources s JOIN devices d ON d.id = s.device_id
      """,
      "device_history": """
      SELECT d.device_key, h.seen_at, h.os_base, h.rsr, h.build, h.supplemental_build, h.source
      FROM device_history h JOIN devices d ON d.id = h.device_id ORDER BY h.id
      """,
      "pending_updates": """
      SELECT d.device_key, p.version, p.rsr, p.build, p.supplemental_build,
        p.is_security_response, p.seen_at
      FROM pending_updates p JOIN devices d ON d.id = p.device_id
      """,
      "fleet_groups": """
      SELECT r.name, g.platform, g.os_sort, g.rsr, g.state, g.removal, g.n
      FROM fleet_groups g JOIN rings r ON r.id = g.ring_id
      """,
    ]
    var out: [String: [String]] = [:]
    for (table, sql) in tables {
      let rows = try store.database.prepare(sql).query { row in
        (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: "|")
      }
      // History keeps its order per device; the rest has none.
      out[table] =
        table == "device_history"
        ? rows.enumerated().sorted {
          ($0.element.split(separator: "|").first ?? "", $0.offset)
            < ($1.element.split(separator: "|").first ?? "", $1.offset)
        }.map(\.element) : rows.sorted()
    }
    return out
  }

  /// Staging tables of any session: temporary ones are listed in `pg_class` while they exist.
  /// A fresh folder for the test's files, removed when the test ends.
  private func scratchDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-stage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  private func stagingTables(_ store: InventoryStore) throws -> Int64? {
    try store.database.scalar(
      "SELECT COUNT(*) FROM pg_class WHERE relname LIKE 'ringside_import_%'")?.int
  }

  func testImportsFlushingEveryFewRowsStoreWhatSQLiteStores() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_")
    let directory = try scratchDirectory()
    let published = [
      "intune-devices.csv", "graph-managedDevices.json", "graph-managedDevices-page2.json",
      "jamf-mobile-devices.json", "mdm-device-information-many.plist",
      "mdm-available-os-updates.plist",
    ].map { Self.fixtures.appendingPathComponent($0).path }
    // Even devices first; then all of them in order, so new and stored devices alternate,
    // every third one three times in a row (the later reads find a rewrite and its history
    // still held back, or a new device not yet written), and again after many flushes.
    let first = try intuneCSV(
      Array(stride(from: 0, to: 600, by: 2)), generation: 0, in: directory, file: "first.csv")
    let second = try intuneCSV(
      (0..<600).flatMap { $0 % 3 == 0 ? [$0, $0, $0] : [$0] }
        + Array(stride(from: 0, to: 600, by: 5))
        + Array(600..<640), generation: 1, in: directory, file: "second.csv")
    let third = try intuneCSV(
      Array((0..<700).reversed()), generation: 2, in: directory, file: "third.csv")
    let sqlite = try openStore(directory.appendingPathComponent("ringside.db").path)
    let postgres = try openStore(database.url)
    for store in [sqlite, postgres] {
      try PostgresImportStage.$rowsPerFlush.withValue(7) {
        try importFiles(published, into: store, bulk: false)
        try importFiles([first], into: store, bulk: true)
        try importFiles([second], into: store, bulk: false)
        try importFiles([third], into: store, bulk: true)
      }
    }
    let stored = try contents(postgres)
    XCTAssertEqual(stored["devices"]?.count, try contents(sqlite)["devices"]?.count)
    for (table, rows) in try contents(sqlite) {
      XCTAssertEqual(stored[table], rows, table)
      XCTAssertFalse(rows.isEmpty, table)
    }
    XCTAssertEqual(try stagingTables(postgres), 0)
    // Ids came from the identity sequence: the next device the server numbers is a new one.
    XCTAssertGreaterThanOrEqual(
      try postgres.database.scalar(
        "SELECT last_value FROM devices_id_seq")?.int ?? 0,
      try postgres.database.scalar("SELECT MAX(id) FROM devices")?.int ?? 1)
  }

  /// A re-import reads the stored devices of each batch of records by key in one query
  /// (`ImportSession.prefetch`): a device whose key changes (its serial is reported at last)
  /// must still be found under the new key by a later record of the same batch that names it
  /// only by that serial (another MDM id), not taken for a new device.
  func testADeviceWhoseKeyChangesIsFoundUnderItsNewKeyLaterInTheSameBatch() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_")
    let directory = try scratchDirectory()
    func csv(_ rows: [(id: String, serial: String)], file: String) throws -> String {
      var text = Self.intuneHeader
      for (n, row) in rows.enumerated() {
        text +=
          "\"\(row.id)\",\"Phone \(row.id)\",\"2026-05-\(String(format: "%02d", 1 + n % 27)) 08:00:00.0000000\","
          + "\"26.7.1\",\"\(row.serial)\",\"iPhone 16\",\"Production\",\"user@example.com\",\"Yes\","
          + "\"iOS/iPadOS\"\n"
      }
      let path = directory.appendingPathComponent(file).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let first = try csv((0..<20).map { ("dev-\($0)", "") }, file: "first.csv")
    let second = try csv(
      (0..<20).map { ("dev-\($0)", "SER\($0)") } + (0..<20).map { ("again-\($0)", "SER\($0)") },
      file: "second.csv")
    let sqlite = try openStore(directory.appendingPathComponent("ringside.db").path)
    let postgres = try openStore(database.url)
    for store in [sqlite, postgres] {
      try importFiles([first], into: store, bulk: false)
      try importFiles([second], into: store, bulk: false)
    }
    XCTAssertEqual(try postgres.countDevices(), 20)
    let stored = try contents(postgres)
    for (table, rows) in try contents(sqlite) { XCTAssertEqual(stored[table], rows, table) }
  }

  func testAServerFailureAfterSomeFlushesLeavesTheStoreAsItWas() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_fail_")
    let directory = try scratchDirectory()
    let postgres = try openStore(database.url)
    try PostgresImportStage.$rowsPerFlush.withValue(10) {
      try importFiles(
        [try intuneCSV(Array(0..<200), generation: 0, in: directory, file: "first.csv")],
        into: postgres, bulk: true)
    }
    let before = try contents(postgres)
    // The server refuses one device, after dozens of flushes of new devices and rewrites.
    try postgres.database.execute(
      """
      CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'boom' THEN RAISE EXCEPTION 'refused boom'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_boom BEFORE INSERT OR UPDATE ON devices
        FOR EACH ROW EXECUTE FUNCTION refuse_boom();
      """)
    let failing = try intuneCSV(
      Array(100..<400), generation: 1, in: directory, file: "failing.csv",
      name: { $0 == 390 ? "boom" : "Device \($0 % 89)" })
    for bulk in [true, false] {
      XCTAssertThrowsError(
        try PostgresImportStage.$rowsPerFlush.withValue(10) {
          try importFiles([failing], into: postgres, bulk: bulk)
        }
      ) { error in
        guard case ImportFailure.store(let store) = error else {
          return XCTFail("not a store failure: \(error)")
        }
        XCTAssertTrue(store.message.contains("refused boom"), store.message)
      }
      XCTAssertEqual(try contents(postgres), before)
      XCTAssertEqual(try stagingTables(postgres), 0)
    }
  }

  func testAConnectionLostDuringAFlushSaysNothingWasSavedAndNothingIs() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_lost_")
    let directory = try scratchDirectory()
    let postgres = try openStore(database.url)
    try importFiles(
      [try intuneCSV(Array(0..<100), generation: 0, in: directory, file: "first.csv")],
      into: postgres, bulk: true)
    let before = try contents(postgres)
    // The server ends the import's session while a flush inserts device 250.
    try postgres.database.execute(
      """
      CREATE FUNCTION vanish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'vanish' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER vanish BEFORE INSERT ON devices FOR EACH ROW EXECUTE FUNCTION vanish();
      """)
    let file = try intuneCSV(
      Array(50..<300), generation: 1, in: directory, file: "lost.csv",
      name: { $0 == 250 ? "vanish" : "Device \($0 % 89)" })
    XCTAssertThrowsError(
      try PostgresImportStage.$rowsPerFlush.withValue(10) {
        try importFiles([file], into: postgres, bulk: true)
      }
    ) { error in
      guard case ImportFailure.store(let store) = error else {
        return XCTFail("not a store failure: \(error)")
      }
      XCTAssertTrue(store.lostConnection, store.message)
      XCTAssertEqual(store.writeOutcome, .notSaved)
      XCTAssertTrue(store.message.contains("nothing was saved"), store.message)
    }
    XCTAssertEqual(try contents(try openStore(database.url)), before)
  }

  func testANameWithANULCharacterRejectsItsRecordNamingTheField() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_nul_")
    let directory = try scratchDirectory()
    // The published Graph page (see Fixtures/README) with a NUL escaped into one device name.
    let page = try String(
      contentsOf: Self.fixtures.appendingPathComponent("graph-managedDevices.json"),
      encoding: .utf8)
    XCTAssertTrue(page.contains("Contractor’s iPad"))
    let file = directory.appendingPathComponent("graph-nul.json").path
    try page.replacingOccurrences(of: "Contractor’s iPad", with: "Contractor\\u0000s iPad")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let postgres = try openStore(database.url)
    XCTAssertThrowsError(try importFiles([file], into: postgres, bulk: true)) { error in
      guard case ImportFailure.rejected(_, let issues) = error else {
        return XCTFail("not a rejected record: \(error)")
      }
      XCTAssertEqual(issues.count, 1)
      XCTAssertEqual(issues.first?.field, "deviceName")
      XCTAssertTrue(issues.first?.reason.contains("NUL character") ?? false, "\(issues)")
    }
    XCTAssertEqual(try postgres.database.scalar("SELECT COUNT(*) FROM devices")?.int, 0)
  }

  func testARejectedRecordAfterSomeFlushesIsNamedAndNothingIsStored() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_reject_")
    let directory = try scratchDirectory()
    let postgres = try openStore(database.url)
    try PostgresImportStage.$rowsPerFlush.withValue(10) {
      try importFiles(
        [try intuneCSV(Array(0..<100), generation: 0, in: directory, file: "first.csv")],
        into: postgres, bulk: true)
    }
    let before = try contents(postgres)
    let rejected = try intuneCSV(
      Array(50..<300), generation: 1, in: directory, file: "rejected.csv", bad: [280])
    XCTAssertThrowsError(
      try PostgresImportStage.$rowsPerFlush.withValue(10) {
        try importFiles([rejected], into: postgres, bulk: true)
      }
    ) { error in
      guard case ImportFailure.rejected(_, let issues) = error else {
        return XCTFail("not a rejection: \(error)")
      }
      // The header is line 1: device 280 is the 231st record, on line 232.
      XCTAssertEqual(
        issues.map(\.description).first?.contains("rejected.csv:232"), true, "\(issues)")
    }
    XCTAssertEqual(try contents(postgres), before)
    XCTAssertEqual(try stagingTables(postgres), 0)
  }

  func testAReImportOfTheSameFileRewritesNoSourceLinkAndOneThatMovesCheckInsRewritesThemAll()
    throws
  {
    let database = try TestPostgres(for: self, prefix: "ringside_stage_links_")
    let directory = try scratchDirectory()
    let postgres = try openStore(database.url)
    let first = try intuneCSV(Array(0..<60), generation: 0, in: directory, file: "first.csv")
    // Each link's row version: a rewrite gives it a new one, even with the same values.
    func versions() throws -> [String] {
      try postgres.database.prepare(
        "SELECT source || external_id || ':' || xmin::text FROM device_sources ORDER BY 1"
      ).query { $0.string(at: 0) ?? "" }
    }
    try PostgresImportStage.$rowsPerFlush.withValue(10) {
      try importFiles([first], into: postgres, bulk: true)
      let before = try versions()
      try importFiles([first], into: postgres, bulk: true)
      XCTAssertEqual(try versions(), before)
      let moved = try intuneCSV(Array(0..<60), generation: 1, in: directory, file: "moved.csv")
      try importFiles([moved], into: postgres, bulk: true)
      let after = try versions()
      XCTAssertEqual(after.count, before.count)
      XCTAssertTrue(zip(after, before).allSatisfy { $0 != $1 }, "\(after) \(before)")
    }
  }
}
