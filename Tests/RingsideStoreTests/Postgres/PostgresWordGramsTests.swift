import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// A PostgreSQL store's letter and pair codes (`WordGrams`, schemas 12 and 13): the server computes
/// what this side computes, every way of writing a device keeps them, an older store gets them
/// when `init` upgrades it, and a word of one or two characters, or one without letters,
/// selects exactly the devices whose text holds it (skipped without a server).
final class PostgresWordGramsTests: XCTestCase {
  private let now = TemporaryStore.now

  /// Names that part pairs in every way: accents, emoji, a control character, case, LIKE's
  /// own characters, one-character texts and empty ones.
  private let awkwardTexts: [String?] = [
    "Zoë's iPad", "QZ", "q", "", nil, "a\u{1}b", "MAC-Ä-01", "50% _off_", "x😀y", "İstanbul",
    "  spaced  ", "~!@#$%^&*()", "RS-IPH-000123",
  ]

  func testTheServerComputesTheCodesThisSideComputes() throws {
    let pg = try TestPostgres()
    _ = try InventoryStore(path: pg.url, create: true)
    let raw = try PostgresConnection(url: pg.url)
    for i in awkwardTexts.indices {
      let texts = [awkwardTexts[i], awkwardTexts[(i + 1) % awkwardTexts.count], nil, "iPhone 17"]
      let server = try raw.prepare(
        "SELECT CAST(ringside_word_grams(ARRAY[?1, ?2, ?3, ?4]) AS text)"
      ).query(texts.map { $0.map(SQLiteValue.text) ?? .null }) { $0.string(at: 0) ?? "" }
      XCTAssertEqual(server, [WordGrams.arrayText(of: texts)], "\(texts)")
    }
  }

  func testEveryWayOfWritingADeviceKeepsItsCodes() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 60, now: now))
    // An import session (its rows go through COPY with codes computed here), a rename of a
    // stored device in it, a single write, and plain SQL that leaves the codes behind.
    try store.importing(bulk: false) {
      let session = try ImportSession(store: store)
      for (i, name) in awkwardTexts.enumerated() {
        try session.insert(device(key: "IMP\(i)", name: name ?? "nameless", user: awkwardTexts[i]))
      }
      let stored = try XCTUnwrap(try session.device(key: "IMP1"))
      try session.update(
        id: stored.id, from: stored.device,
        to: device(key: "IMP1", name: "Renamed QQ", user: "jo@example.com"), historyIsEmpty: true)
      try session.flushLinks()
    }
    try store.write {
      let writer = try DeviceWriter(store: store)
      let id = try writer.insert(device(key: "ONE", name: "Single Xz", user: nil))
      try writer.update(id: id, with: device(key: "ONE", name: "Single Wv", user: "v@w"))
    }
    let raw = try PostgresConnection(url: pg.url)
    try raw.execute("UPDATE devices SET name = name || ' Jk' WHERE id % 5 = 0")
    try raw.execute("UPDATE devices SET user_name = NULL WHERE id % 7 = 0")
    try raw.execute("DELETE FROM devices WHERE id % 11 = 0")
    XCTAssertEqual(try devicesWhoseCodesDifferFromTheirText(raw), 0)
    XCTAssertEqual(
      try raw.scalar("SELECT COUNT(*) FROM devices WHERE name = 'Renamed QQ'")?.int, 1)
  }

  func testAnInsertAfterAnImportsFlushInTheSameTransactionStillGetsItsCodes() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    // The stage sends its devices' codes itself and has the insert trigger stand aside
    // for them; the trigger must be back for the single write after it.
    try store.importing(bulk: false) {
      let session = try ImportSession(store: store)
      try session.insert(device(key: "STAGED", name: "Staged Qz", user: nil))
      try session.flushLinks()
      _ = try DeviceWriter(store: store).insert(device(key: "AFTER", name: "After Wv", user: nil))
    }
    let raw = try PostgresConnection(url: pg.url)
    XCTAssertEqual(try raw.scalar("SELECT COUNT(*) FROM device_grams")?.int, 2)
    XCTAssertEqual(try devicesWhoseCodesDifferFromTheirText(raw), 0)
  }

  func testAMigrationIntoPostgreSQLGivesEveryDeviceItsCodes() throws {
    let pg = try TestPostgres()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-grams-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("source.db").path
    let source = try InventoryStore(path: path, create: true)
    try source.writeDemo(DemoFleet(count: 120, now: now))
    try source.write {
      let writer = try DeviceWriter(store: source)
      for (i, text) in awkwardTexts.enumerated() {
        try writer.insert(device(key: "MIG\(i)", name: text ?? "none", user: text))
      }
    }
    let summary = try StoreMigration(from: path, to: pg.url).run()
    XCTAssertEqual(
      summary.tables.first { $0.name == "device_grams" }?.rows, 120 + awkwardTexts.count)
    let raw = try PostgresConnection(url: pg.url)
    XCTAssertEqual(try devicesWhoseCodesDifferFromTheirText(raw), 0)
  }

  func testAStoreFromBeforeGetsItsCodesWhenInitUpgradesIt() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 80, now: now))
    let raw = try PostgresConnection(url: pg.url)
    // Schema 11 as it was: no codes, no triggers, no functions.
    try raw.execute(
      """
      DROP TABLE device_grams;
      DROP TRIGGER device_grams_insert ON devices;
      DROP TRIGGER device_grams_update ON devices;
      DROP TRIGGER device_grams_delete ON devices;
      DROP TRIGGER device_grams_truncate ON devices;
      DROP FUNCTION ringside_grams_inserted();
      DROP FUNCTION ringside_grams_updated();
      DROP FUNCTION ringside_grams_deleted();
      DROP FUNCTION ringside_word_grams(text[]);
      UPDATE meta SET value = '11' WHERE key = 'schema_version';
      """)
    XCTAssertThrowsError(try InventoryStore(path: pg.url)) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
    }
    let upgraded = try InventoryStore(path: pg.url, create: true)
    XCTAssertFalse(try upgraded.gramShares().isEmpty, "the upgrade gathers the codes' statistics")
    XCTAssertEqual(
      try raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'")?.string,
      String(PostgresSchema.currentVersion))
    XCTAssertEqual(try devicesWhoseCodesDifferFromTheirText(raw), 0)
    XCTAssertEqual(
      try upgraded.countDevices(filter: try DeviceFilter.parse("ip"), now: now),
      try everyDevice(upgraded).filter { matches("ip", $0) }.count)
  }

  func testAShortWordSelectsTheDevicesWhoseTextHoldsItWithAndWithoutTheIndex() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 400, now: now))
    try store.write {
      let writer = try DeviceWriter(store: store)
      for (i, text) in awkwardTexts.enumerated() {
        try writer.insert(device(key: "AWK\(i)", name: text ?? "none", user: text))
      }
    }
    let all = try everyDevice(store)
    let indexed = try storeWithItsIndex(pg.url)
    // One and two characters of every kind: common, rare, absent, upper case, punctuation,
    // LIKE's own characters, a space; negated and beside a field term.
    let words = [
      "i", "I", "q", "Q", "z", "1", "-", "_", "%", "'", "ip", "IP", "qz", "Qz", "os", "xz",
      "50", "0%", "_o", "~!", "jo", "zz", "é",
    ]
    for word in words {
      let expected = all.filter { matches(word, $0) }
      try assertSelectsWhatTheRuleSelects(word, all: all, sql: store, index: indexed)
      if let code = WordGrams.code(matching: word), expected.count <= 1000 {
        let search = try XCTUnwrap(indexed.textSearch)
        XCTAssertEqual(
          try indexed.serverWordMatches(word, search: search)?.ids.sorted(),
          expected.map(\.id).sorted(), "\(word) (code \(code))")
      }
    }
    XCTAssertNil(WordGrams.code(matching: "é"), "left to containsCondition")
  }

  func testAWordWithoutLettersSelectsWhatTheRuleSelectsWithAndWithoutTheIndex() throws {
    // Such a word is compared case-sensitively (`~~`) rather than with ILIKE; a word with
    // ASCII letters keeps ILIKE (and its recheck), which the lower-case names here tell apart.
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 300, now: now))
    let texts = [
      "lab iph 123", "Lab IPH-0123", "v1.2.3", "a_1%2", "back\\12", "x...y", "1.2", "ÄÖ-123",
      "rs-ipad-77",
    ]
    try store.write {
      let writer = try DeviceWriter(store: store)
      for (i, text) in (texts + awkwardTexts.compactMap { $0 }).enumerated() {
        try writer.insert(device(key: "CL\(i)", name: text, user: "u\(i)@example.com"))
      }
    }
    let all = try everyDevice(store)
    let indexed = try storeWithItsIndex(pg.url)
    let words = ["123", "0123", "1.2", "_1%", "\\12", "...", "000", "IPH", "iph", "Ipad", "ÄÖ"]
    for word in words {
      let sql = DeviceFilter.containsCondition(["d.name"], word, postgres: true) { _ in "?1" }
      XCTAssertEqual(
        !sql.contains("LIKE"),
        !word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic },
        "\(word): \(sql)")
      let expected = all.filter { matches(word, $0) }
      XCTAssertFalse(expected.isEmpty, "\(word) should match a device here")
      try assertSelectsWhatTheRuleSelects(word, all: all, sql: store, index: indexed)
      if InventoryStore.hasTrigram(word) {
        let search = try XCTUnwrap(indexed.textSearch)
        let found = try XCTUnwrap(try indexed.serverWordMatches(word, search: search), word)
        XCTAssertEqual(found.ids.sorted(), expected.map(\.id).sorted(), word)
      }
    }
  }

  func testOnlyASCIILettersFoldAsOnSQLite() throws {
    // PostgreSQL's ILIKE folds every letter: `JOSÉ` found "José", `İ` every "i" (it lowercases
    // to i + a combining dot), full-width `ｂ` found "ＡＢＣ", and an ASCII word found a text
    // holding KELVIN SIGN (U+212A, lower case `k`). The README's rule, as SQLite compares:
    // ASCII letters without case, every other character as it is.
    // What ILIKE is given: each run of characters outside ASCII as `%`, LIKE's own escaped.
    XCTAssertEqual(DeviceFilter.supersetPattern("jo%sé_øå1"), "%jo\\%s%\\_%1%")
    XCTAssertEqual(DeviceFilter.supersetPattern("ØYV"), "%YV%")
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-fold-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let sqlite = try InventoryStore(
      path: folder.appendingPathComponent("fold.db").path, create: true)
    // Models without an "i", so `i` is decided by the names alone.
    let texts: [(name: String, model: String)] = [
      ("José’s MacBook Pro", "MacBook Pro"), ("JOSÉ LAB", "Mac mini"), ("jose plain", "Mac"),
      ("İZMİR DESK", "Watch"), ("izmir desk", "Watch"), ("ŁUKASZ ŁUCZAK", "Watch"),
      ("łukasz", "Watch"), ("Åsa Öberg", "Watch"), ("åsa", "Watch"), ("ØYVIND", "Watch"),
      ("øyvind", "Watch"), ("ＡＢＣ kiosk", "Watch"), ("ａｂｃ", "Watch"),
      ("\u{212A}elvin Lab", "Watch"), ("kelvin desk", "Watch"), ("Kelvin Room", "Watch"),
      ("plain watch", "ÉCRAN \u{212A}"), ("second watch", "écran k"),
    ]
    for target in [store, sqlite] {
      try target.writeDemo(DemoFleet(count: 200, now: now))
      try target.write {
        let writer = try DeviceWriter(store: target)
        for (i, text) in texts.enumerated() {
          try writer.insert(
            device(key: "FOLD\(i)", name: text.name, user: nil, model: text.model))
        }
      }
    }
    try store.refreshStatistics()
    let all = try everyDevice(store)
    let indexed = try storeWithItsIndex(pg.url)
    let words = [
      "JOSÉ", "josé", "José", "jos", "İ", "i", "I", "İZ", "iz", "izm", "Ø", "ø", "øy", "ØYV",
      "øyvind", "ｂ", "Ｂ", "ａｂｃ", "ＡＢＣ", "łu", "ŁU", "łukasz", "å", "Å", "Åsa", "åsa", "\u{212A}",
      "k", "K", "kelvin", "KELVIN", "\u{212A}elvin", "elvin", "écran", "ÉCRAN",
    ]
    XCTAssertTrue(try store.isCommon(try XCTUnwrap(WordGrams.code(matching: "i"))))
    for word in words {
      try assertSelectsWhatTheRuleSelects(word, all: all, sql: store, index: indexed)
      let filter = try DeviceFilter.parse(word)
      XCTAssertEqual(
        try store.countDevices(filter: filter, now: now),
        try sqlite.countDevices(filter: filter, now: now), "count of \(word) on both backends")
      XCTAssertEqual(
        try store.devices(filter: filter, sort: DeviceSort(.name), limit: 1000, now: now)
          .map(\.device.key),
        try sqlite.devices(filter: filter, sort: DeviceSort(.name), limit: 1000, now: now)
          .map(\.device.key), "devices of \(word) on both backends")
      if InventoryStore.hasTrigram(word) {
        let search = try XCTUnwrap(indexed.textSearch)
        let found = try XCTUnwrap(try indexed.serverWordMatches(word, search: search), word)
        XCTAssertEqual(
          found.ids.sorted(), all.filter { matches(word, $0) }.map(\.id).sorted(), word)
      }
    }
    for text in ["model:écran", "model:ÉCRAN", "model:\u{212A}", "model:k", "-model:écran"] {
      let filter = try DeviceFilter.parse(text)
      let truth = all.filter { BruteForceFilter.holds(filter, $0, now: now) }
      for (label, s) in [("sql", store), ("index", indexed), ("sqlite", sqlite)] {
        XCTAssertEqual(
          try s.countDevices(filter: filter, now: now), truth.count, "\(label) \(text)")
        XCTAssertEqual(
          try s.devices(filter: filter, sort: DeviceSort(.name), limit: 1000, now: now)
            .map(\.device.key).sorted(), truth.map(\.device.key).sorted(), "\(label) \(text)")
      }
    }
  }

  /// Devices whose codes differ from what the server computes from their text, devices
  /// without codes and codes without a device.
  private func devicesWhoseCodesDifferFromTheirText(_ raw: PostgresConnection) throws -> Int64? {
    try raw.scalar(
      """
      SELECT COUNT(*) FROM devices d FULL JOIN device_grams g ON g.device_id = d.id
      WHERE g.grams IS DISTINCT FROM
        ringside_word_grams(ARRAY[d.name, d.serial, d.user_name, d.model])
      """)?.int
  }

  func testACodeTheStatisticsCallCommonIsLeftToILIKEWithTheSameAnswer() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 300, now: now))
    try store.refreshStatistics()
    // Every demo user is at example.com; no demo text holds "qz".
    XCTAssertTrue(try store.isCommon(try XCTUnwrap(WordGrams.code(matching: "e"))))
    XCTAssertFalse(try store.isCommon(try XCTUnwrap(WordGrams.code(matching: "qz"))))
    let all = try everyDevice(store)
    for text in ["e", "E", "-e", "ring:pilot e", "qz", "-qz"] {
      let filter = try DeviceFilter.parse(text)
      let truth = all.filter { BruteForceFilter.holds(filter, $0, now: now) }
      XCTAssertEqual(try store.countDevices(filter: filter, now: now), truth.count, text)
      XCTAssertEqual(
        Set(try store.devices(filter: filter, limit: 1000, now: now).map(\.id)),
        Set(truth.map(\.id)), text)
    }
  }

  /// The store at `url` opened again with the dashboard's index attached.
  private func storeWithItsIndex(_ url: String) throws -> InventoryStore {
    let indexed = try InventoryStore(path: url)
    let builder = try DeviceTextIndexBuilder(store: indexed)
    while try !builder.step() {}
    try indexed.attach(try XCTUnwrap(builder.index()), builtAt: builder.stamp)
    return indexed
  }

  /// `word`, `-word` and `ring:test word` count and select, by SQL alone and with the index,
  /// the devices of `all` that a brute-force evaluation of the README's rule selects.
  private func assertSelectsWhatTheRuleSelects(
    _ word: String, all: [DeviceRecord], sql: InventoryStore, index: InventoryStore,
    line: UInt = #line
  ) throws {
    for text in [word, "-\(word)", "ring:test \(word)"] {
      let filter = try DeviceFilter.parse(text)
      let truth = all.filter { BruteForceFilter.holds(filter, $0, now: now) }
      for (label, s) in [("sql", sql), ("index", index)] {
        XCTAssertEqual(
          try s.countDevices(filter: filter, now: now), truth.count, "\(label) \(text)",
          line: line)
        XCTAssertEqual(
          Set(
            try s.devices(filter: filter, sort: DeviceSort(.name), limit: 1000, now: now)
              .map(\.id)), Set(truth.map(\.id)), "\(label) \(text)", line: line)
      }
    }
  }

  private func device(key: String, name: String, user: String?, model: String = "iPhone 17")
    -> Device
  {
    Device(
      key: key, serial: key, name: name, platform: .iOS, model: model,
      version: (try? AppleOSVersion.parse("26.1"))!, ring: "test", userName: user,
      source: .intune)
  }

  private func everyDevice(_ store: InventoryStore) throws -> [DeviceRecord] {
    try store.devices(limit: 100_000, now: now)
  }

  /// The README's word: name, serial, user or model holds it, ASCII letters without case.
  private func matches(_ word: String, _ record: DeviceRecord) -> Bool {
    BruteForceFilter.holds(.text(word), record, now: now)
  }
}
