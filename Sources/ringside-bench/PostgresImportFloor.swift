import Foundation
import RingsideStore

/// The least any import into a store with a word filter can cost on a PostgreSQL server:
/// `psql`'s `\copy` of the CSV into a table of text columns (no types, keys, triggers or
/// other indexes) and the build of the one trigram index the word filter needs, in one
/// transaction, on a database of its own. Set beside `sqlite3 .import`, it shows whether the
/// issue-18 import bar (≤ 2x) can be met at all on this machine and server version: on two
/// cores and PostgreSQL 15, whose GIN builds run in one process, it could not (README
/// "Known problems").
enum PostgresImportFloor {
  /// The Intune columns ringside's word filter searches (`name`, `serial`, `user_name`,
  /// `model`).
  static let wordColumns = ["Device name", "Serial number", "Primary user UPN", "Model"]

  /// Seconds for the copy and the index build, or nil without `psql` on the PATH.
  static func time(csv: String, server: String) throws -> Figure? {
    guard let psql = ProgramPath.find("psql") else { return nil }
    let header = try headerNames(of: csv)
    let columns = header.indices.map { "c\($0)" }
    let indexed = try wordColumns.map { name in
      guard let at = header.firstIndex(of: name) else {
        throw BenchError("the CSV has no \(name) column")
      }
      return "\(columns[at]) gin_trgm_ops"
    }
    let name = "ringside_floor_\(getpid())"
    let admin = try PostgresConnection(url: server)
    try admin.execute("CREATE DATABASE \(name)")
    defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    let url = try PostgresBench.databaseURL(server: server, name: name)
    let script = """
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      BEGIN;
      SET LOCAL maintenance_work_mem = '\(InventoryStore.indexBuildMemory)';
      CREATE TABLE floor (\(columns.map { "\($0) text" }.joined(separator: ", ")));
      \\copy floor FROM '\(csv.replacingOccurrences(of: "'", with: "''"))' WITH (FORMAT csv, HEADER true)
      CREATE INDEX floor_words ON floor USING gin (\(indexed.joined(separator: ", ")));
      COMMIT;

      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: psql)
    process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url]
    let input = Pipe()
    process.standardInput = input
    let start = Stopwatch.now()
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    let seconds = Stopwatch.ms(since: start) / 1000
    guard process.terminationStatus == 0 else { throw BenchError("psql \\copy failed") }
    return Figure(
      key: "pg.import_floor27_s", title: "pg: floor: \\copy + word index only", unit: "s",
      samples: [seconds])
  }

  /// The floor beside `sqlite3 .import` (the figure keyed `pg.sqlite3_import27_s`), as
  /// the floor and its ratio to it; none without psql or the peer figure.
  static func figures(csv: String, server: String, beside figures: [Figure]) throws -> [Figure] {
    guard let sqlite = figures.first(where: { $0.key == "pg.sqlite3_import27_s" }),
      let floor = try time(csv: csv, server: server)
    else { return [] }
    return [
      floor,
      Figure(
        key: "pg.import_floor27_ratio", title: "pg:   floor ÷ sqlite3 .import", unit: "x",
        samples: [floor.median / sqlite.median]),
    ]
  }

  /// `import-floor-pg CSV SERVER DIR`: `sqlite3 .import` of the CSV (in DIR) and the floor on
  /// the server at SERVER, without the import between them.
  static func phase(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 3 else { throw BenchError("import-floor-pg phase: CSV SERVER DIR") }
    var set = FigureSet()
    guard let sqlite = try SQLiteImport.time(csv: arguments[0], directory: arguments[2], runs: 1)
    else { throw BenchError("import-floor-pg needs sqlite3 on the PATH") }
    let peer = Figure(
      key: "pg.sqlite3_import27_s", title: "pg: sqlite3 .import, same CSV", unit: "s",
      samples: sqlite.samples)
    set.add([peer])
    set.add(try figures(csv: arguments[0], server: arguments[1], beside: [peer]))
    return set
  }

  /// The CSV's column names (its first line, without a byte-order mark).
  private static func headerNames(of csv: String) throws -> [String] {
    guard let handle = FileHandle(forReadingAtPath: csv) else {
      throw BenchError("cannot read \(csv)")
    }
    defer { try? handle.close() }
    let head = handle.readData(ofLength: 64 * 1024)
    guard let line = head.split(separator: UInt8(ascii: "\n")).first,
      var text = String(data: Data(line), encoding: .utf8)
    else { throw BenchError("\(csv) has no header line") }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
  }
}
