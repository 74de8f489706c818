import Foundation
import RingsideStore

/// Times `sqlite3 -cmd '.mode csv' DB '.import FILE t'`, the peer figure for the importer.
enum SQLiteImport {
  /// Seconds for each of `runs` imports of `csv` into a new database in `directory`.
  static func time(csv: String, directory: String, runs: Int) throws -> Figure? {
    guard let sqlite3 = ProgramPath.find("sqlite3") else { return nil }
    var samples: [Double] = []
    for run in 0..<runs {
      let db = directory + "/sqlite3-\(run).db"
      StorePath.removeStoreFiles(at: db)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: sqlite3)
      process.arguments = ["-cmd", ".mode csv", db, ".import \(csv) t"]
      let start = Stopwatch.now()
      try process.run()
      process.waitUntilExit()
      let ms = Stopwatch.ms(since: start)
      guard process.terminationStatus == 0 else { throw BenchError("sqlite3 .import failed") }
      samples.append(ms / 1000)
      StorePath.removeStoreFiles(at: db)
    }
    return Figure(
      key: "sqlite3_import_s", title: "sqlite3 .import, same CSV", unit: "s", samples: samples)
  }

  /// `sqlite3 .import` of the same `csv` beside the importer's figure `ours`, and the ratio of
  /// the two, as figures keyed `<label>sqlite3_import<columns>_s` and
  /// `<label>import<columns>_ratio` and titled after `titlePrefix`; none without sqlite3 or
  /// without `ours`.
  static func comparison(
    with ours: Figure?, csv: String, directory: String, runs: Int, columns: Int,
    label: String = "", titlePrefix: String = ""
  ) throws -> [Figure] {
    guard let ours, let sqlite = try time(csv: csv, directory: directory, runs: runs) else {
      return []
    }
    return [
      Figure(
        key: "\(label)sqlite3_import\(columns)_s",
        title: titlePrefix + "  sqlite3 .import, same CSV",
        unit: "s", samples: sqlite.samples),
      Figure(
        key: "\(label)import\(columns)_ratio", title: titlePrefix + "  import ÷ sqlite3 .import",
        unit: "x", samples: [ours.median / sqlite.median]),
    ]
  }
}
