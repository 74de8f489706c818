import Foundation
import RingsideImport
import RingsideStore

/// `--postgres URL`: the 27-column Intune CSV imported into a database of its own on that
/// server (created, and dropped at the end) against `sqlite3 .import` of the same file; the
/// dashboard on it in process, again while nine other sessions are open, and launched in tmux.
/// Figures carry the label `pg` (`pg10` with the other sessions open).
enum PostgresBench {
  static let otherSessions = 9

  static func figures(server: String, n: Int, work: String, runs k: Int, now: String) throws
    -> [Figure]
  {
    let label = Report.count(n)
    let csv = work + "/intune-\(n)-27-pg.csv"
    Benchmark.progress("\(label): PostgreSQL: writing the Intune CSV, 27 columns")
    _ = try ChildPhase.run("csv", [String(n), csv, "27"])
    defer { try? FileManager.default.removeItem(atPath: csv) }
    let name = "ringside_bench_\(getpid())_\(n)"
    let url = try databaseURL(server: server, name: name)
    let admin = try PostgresConnection(url: server)
    try admin.execute("CREATE DATABASE \(name)")
    defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

    Benchmark.progress("\(label): PostgreSQL: importing")
    var figures = try ChildPhase.run("import-pg", [csv, url])
    figures += try SQLiteImport.comparison(
      with: figures.first { $0.key == "pg.import27_s" }, csv: csv, directory: work, runs: 1,
      columns: 27, label: "pg.", titlePrefix: "pg: ")
    Benchmark.progress("\(label): PostgreSQL: the floor, \\copy and the word index alone")
    figures += try PostgresImportFloor.figures(csv: csv, server: server, beside: figures)
    Benchmark.progress("\(label): PostgreSQL: dashboard, \(k) runs")
    figures += try ChildPhase.run("dashboard", [url, String(k), now, "pg"])
    Benchmark.progress(
      "\(label): PostgreSQL: dashboard beside \(otherSessions) other open sessions, \(k) runs")
    figures += try ChildPhase.run(
      "sessions", [url, String(otherSessions + 1), String(k), now, "pg10"])
    if let f = try TerminalLaunch.measure(
      store: url, devices: n, runs: k, key: "pg.launch_ms",
      title: "pg: launch → first frame (tmux)")
    {
      figures.append(f)
    }
    return figures
  }

  /// The server's URL naming database `name` instead of its own.
  static func databaseURL(server: String, name: String) throws -> String {
    guard var parts = URLComponents(string: server), parts.scheme?.hasPrefix("postgres") == true
    else { throw BenchError("--postgres takes a postgresql:// URL, not \(server)") }
    parts.path = "/" + name
    guard let url = parts.string else { throw BenchError("cannot name database \(name)") }
    return url
  }

  /// `import-pg CSV URL`: imports the CSV (rings from its Category column) into the empty
  /// store at URL, once, as `ringside import` does.
  static func importCSV(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 2 else { throw BenchError("import-pg phase: CSV URL") }
    var set = FigureSet()
    let start = Stopwatch.now()
    let store = try InventoryStore(path: arguments[1], create: true)
    let summary = try Importer.run(
      files: [arguments[0]], into: store,
      options: ImportOptions(format: .intuneCSV, ringFrom: "Category"))
    guard summary.added > 0 else { throw BenchError("the import stored no devices") }
    set.add(
      "pg.import27_s", "pg: import, 27 columns (ringside)", "s", Stopwatch.ms(since: start) / 1000)
    set.add("pg.import27_peak_mb", "pg:   peak memory, import", "MB", PeakMemory.megabytes())
    return set
  }
}
