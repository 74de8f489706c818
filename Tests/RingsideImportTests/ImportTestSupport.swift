import Foundation
import RingsideDomain
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Fixtures, scratch stores and table snapshots shared by the importer tests.
enum Support {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// A file of `Fixtures/published`, the examples kept as published (sources in its SOURCES.md).
  static func published(_ name: String) -> String {
    fixtures.appendingPathComponent("published").appendingPathComponent(name).path
  }

  /// An import's summary with the warnings and notes it gave, in order.
  static func runCollecting(
    _ store: InventoryStore, _ files: [String], _ options: ImportOptions = ImportOptions()
  ) throws -> (summary: ImportSummary, warnings: [String], notes: [String]) {
    var warnings: [String] = []
    var notes: [String] = []
    let summary = try Importer.run(
      files: files, into: store, options: options,
      events: ImportEvents(
        notice: { notes.append($0) }, warning: { warnings.append($0) }))
    return (summary, warnings, notes)
  }

  /// The time an ISO 8601 text such as `2022-10-17T11:48:56Z` names.
  static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

  /// The samples from shared/samples plus the synthetic fixtures for the other formats.
  static let allSources = [
    "intune-devices.csv", "graph-managedDevices.json", "graph-managedDevices-page2.json",
    "jamf-mobile-devices.json", "jamf-computers-inventory.json", "fleet-hosts.json",
    "kandji-devices.json",
    "mdm-device-information.plist", "mdm-device-information-many.plist",
    "mdm-available-os-updates.plist",
  ]

  /// A new folder removed at the end of the test.
  static func scratch(_ test: XCTestCase) -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "ringside-import-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
  }

  /// A new store: a file in a scratch folder, or under `RINGSIDE_TEST_STORE_BACKEND=postgres`
  /// a database of its own on the test server (`TestBackend`), gone when the test ends.
  static func store(_ test: XCTestCase) throws -> InventoryStore {
    if TestBackend.isPostgres {
      return try InventoryStore(path: TestBackend.postgresDatabase(for: test), create: true)
    }
    return try InventoryStore(
      path: scratch(test).appendingPathComponent("test.db").path, create: true)
  }

  /// Writes `text` to a file in a scratch folder and returns its path.
  static func file(_ test: XCTestCase, _ name: String, _ text: String) -> String {
    file(test, name, bytes: Array(text.utf8))
  }

  static func file(_ test: XCTestCase, _ name: String, bytes: [UInt8]) -> String {
    let url = scratch(test).appendingPathComponent(name)
    try! Data(bytes).write(to: url)
    return url.path
  }

  @discardableResult
  static func run(
    _ store: InventoryStore, _ files: [String], _ options: ImportOptions = ImportOptions(),
    rejected: ((ImportIssue) -> Void)? = nil
  ) throws -> ImportSummary {
    var events = ImportEvents()
    if let rejected { events.rejected = rejected }
    return try Importer.run(files: files, into: store, options: options, events: events)
  }

  /// The import's failure, or nil when it succeeded.
  static func failure(
    _ store: InventoryStore, _ files: [String], _ options: ImportOptions = ImportOptions()
  )
    -> ImportFailure?
  {
    do {
      _ = try Importer.run(files: files, into: store, options: options)
      return nil
    } catch {
      return error
    }
  }

  /// The one device whose name or serial is `name`.
  static func device(_ store: InventoryStore, _ name: String) throws -> DeviceRecord {
    let found = try store.findDevices(matching: name)
    guard found.count == 1 else { throw NotFound(name: name, count: found.count) }
    return found[0]
  }

  /// Every row of every table, as text, to compare a store before and after an import.
  static func snapshot(_ store: InventoryStore) throws -> [String: [String]] {
    let tables = try TestBackend.tables(store)
    var out: [String: [String]] = [:]
    for table in tables {
      let stmt = try store.database.prepare("SELECT * FROM \"\(table)\" ORDER BY 1")
      out[table] = try stmt.query { row in
        (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: "|")
      }
    }
    return out
  }

  /// An Intune CSV with the given header and rows, quoted like the real export, CRLF endings.
  static func intuneCSV(_ header: [String], _ rows: [[String]], bom: Bool = true) -> String {
    let line = { (fields: [String]) in
      fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
        separator: ",")
    }
    return (bom ? "\u{FEFF}" : "") + ([line(header)] + rows.map(line)).joined(separator: "\r\n")
      + "\r\n"
  }
}

/// A lookup in a test found no device or several.
struct NotFound: Error {
  let name: String
  let count: Int
}
