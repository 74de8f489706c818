import Foundation

/// The whole benchmark: for each device count, the CSV, both imports, the demo store, the
/// dashboard and the apply, each phase in its own process; then the bytes on the wire.
enum Benchmark {
  static func run(_ options: BenchOptions) throws {
    let work =
      options.workDirectory
      ?? NSTemporaryDirectory() + "ringside-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { if !options.keep { try? FileManager.default.removeItem(atPath: work) } }
    let now = String(Date().timeIntervalSince1970.rounded())
    let k = options.runs
    var results: [DeviceRun] = []
    var lastStore: String?
    for n in options.deviceCounts {
      var run = DeviceRun(devices: n, figures: [])
      if !options.skipImport {
        run.figures += try importFigures(n: n, work: work, runs: k, keep: options.keep)
      }
      let store = work + "/demo-\(n).db"
      progress("\(Report.count(n)): writing the demo store")
      run.figures += try ChildPhase.run("demo", [store, String(n), now])
      progress("\(Report.count(n)): dashboard, \(k) runs")
      run.figures += try ChildPhase.run("dashboard", [store, String(k), now])
      progress("\(Report.count(n)): stage and apply, \(k) runs")
      let profiles = work + "/profiles-\(n)"
      run.figures += try ChildPhase.run("apply", [store, profiles, String(k)])
      results.append(run)
      if let lastStore { StorePhases.removeStore(lastStore) }
      lastStore = store
    }
    var wire: [Figure] = []
    if !options.skipWire, let store = lastStore {
      progress("bytes on the wire at 120x40")
      wire = try WireBytes.measure(store: store, steps: max(3, k)) ?? []
      if wire.isEmpty { progress("no ringside binary next to ringside-bench: wire bytes skipped") }
    }
    let machine = Machine.describe()
    let table = Report.table(results, wire: wire, machine: machine, runs: k)
    if options.json {
      // The table goes to standard error, so one run gives both.
      FileHandle.standardError.write(Data((table + "\n").utf8))
      print(try Report.json(results, wire: wire, machine: machine, runs: k))
    } else {
      print(table)
    }
  }

  /// CSV generation, the importer in a child process, and sqlite3 .import for the ratio.
  private static func importFigures(n: Int, work: String, runs k: Int, keep: Bool) throws
    -> [Figure]
  {
    let csv = work + "/intune-\(n).csv"
    progress("\(Report.count(n)): writing the Intune CSV")
    let (bytes, ms) = try Stopwatch.time { try IntuneCSVWriter.write(count: n, to: csv) }
    var figures = [
      Figure(key: "csv_mb", title: "Intune CSV size", unit: "MB", samples: [Double(bytes) / 1e6]),
      Figure(key: "csv_write_s", title: "write Intune CSV", unit: "s", samples: [ms / 1000]),
    ]
    let importRuns = n >= 1_000_000 ? min(k, 3) : k
    progress("\(Report.count(n)): importing, \(importRuns) runs")
    figures += try ChildPhase.run("import", [csv, work, String(importRuns)])
    if let sqlite = try SQLiteImport.time(csv: csv, directory: work, runs: importRuns),
      let ours = figures.first(where: { $0.key == "import_s" })
    {
      figures.append(sqlite)
      figures.append(
        Figure(
          key: "import_ratio", title: "import ÷ sqlite3 .import", unit: "x",
          samples: [ours.median / sqlite.median]))
    }
    if !keep { try? FileManager.default.removeItem(atPath: csv) }
    figures += try graphJSONFigures(n: n, work: work, runs: importRuns, keep: keep)
    if let csvImport = figures.first(where: { $0.key == "import_s" }),
      let jsonImport = figures.first(where: { $0.key == "import_json_s" })
    {
      figures.append(
        Figure(
          key: "import_json_ratio", title: "Graph JSON ÷ CSV import, per device", unit: "x",
          samples: [jsonImport.median / csvImport.median]))
    }
    return figures
  }

  /// The same fleet as Graph pages of 1,000 devices, imported as one import in a child.
  private static func graphJSONFigures(n: Int, work: String, runs: Int, keep: Bool) throws
    -> [Figure]
  {
    let pages = work + "/graph-\(n)"
    progress("\(Report.count(n)): writing the Graph JSON pages")
    var figures = try ChildPhase.run("write-graph", [String(n), pages])
    progress("\(Report.count(n)): importing the Graph JSON pages, \(runs) runs")
    figures += try ChildPhase.run("import-json", [pages, work, String(runs)])
    if !keep { try? FileManager.default.removeItem(atPath: pages) }
    return figures
  }

  static func progress(_ text: String) {
    FileHandle.standardError.write(Data("ringside-bench: \(text)\n".utf8))
  }
}
