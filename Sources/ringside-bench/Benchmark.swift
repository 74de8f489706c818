import Foundation
import RingsideStore

/// The whole benchmark. For each device count: an Intune-shaped CSV with the export's 53
/// columns and one with 27, each imported by Ringside and by `sqlite3 .import`; the dashboard
/// on the store imported from the 53-column file (a fleet shaped like a real one: 15
/// versions, 3 rings) and on the demo fleet, in process and as a whole process in tmux; the
/// apply on the demo fleet. Each phase runs in its own process. Last, the bytes on the wire.
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
      let label = Report.count(n)
      let fleet = work + "/fleet-\(n).db"
      if !options.skipImport {
        for columns in [53, 27] {
          run.figures += try importFigures(
            n: n, columns: columns, work: work, runs: k, keep: columns == 53 ? fleet : nil,
            keepCSV: options.keep)
        }
        progress("\(label): dashboard on the Intune-shaped fleet, \(k) runs")
        run.figures += try ChildPhase.run("dashboard", [fleet, String(k), now, "fleet"])
        if let f = try TerminalLaunch.measure(
          store: fleet, devices: n, runs: k, key: "fleet.launch_ms",
          title: "fleet: launch → first frame (tmux)")
        {
          run.figures.append(f)
        }
      }
      let store = work + "/demo-\(n).db"
      progress("\(label): writing the demo store")
      run.figures += try ChildPhase.run("demo", [store, String(n), now])
      progress("\(label): dashboard on the demo fleet, \(k) runs")
      run.figures += try ChildPhase.run("dashboard", [store, String(k), now, "demo"])
      if let f = try TerminalLaunch.measure(
        store: store, devices: n, runs: k, key: "demo.launch_ms",
        title: "demo: launch → first frame (tmux)")
      {
        run.figures.append(f)
      }
      if let server = options.postgres {
        run.figures += try PostgresBench.figures(
          server: server, n: n, work: work, runs: k, now: now)
      }
      progress("\(label): stage and apply, \(k) runs")
      let profiles = work + "/profiles-\(n)"
      run.figures += try ChildPhase.run("apply", [store, profiles, String(k)])
      results.append(run)
      StorePath.removeStoreFiles(at: fleet)
      if let lastStore { StorePath.removeStoreFiles(at: lastStore) }
      lastStore = store
    }
    var wire: [Figure] = []
    if !options.skipWire, let store = lastStore {
      progress("bytes on the wire at 120x40")
      wire = try WireBytes.measure(store: store, steps: max(3, k)) ?? []
      if wire.isEmpty { progress("no ringside binary next to ringside-bench: wire bytes skipped") }
    }
    let machine =
      Machine.describe() + "; dashboard binary "
      + (WireBytes.dashboardBinary() ?? "none")
    let table = Report.table(results, wire: wire, machine: machine, runs: k)
    if options.json {
      // The table goes to standard error, so one run gives both.
      FileHandle.standardError.write(Data((table + "\n").utf8))
      print(try Report.json(results, wire: wire, machine: machine, runs: k))
    } else {
      print(table)
    }
  }

  /// The CSV with `columns` columns, the importer in a child process, and sqlite3 .import
  /// for the ratio. At 1M each import runs once, so the whole benchmark stays within minutes.
  private static func importFigures(
    n: Int, columns: Int, work: String, runs k: Int, keep: String?, keepCSV: Bool
  ) throws -> [Figure] {
    let csv = work + "/intune-\(n)-\(columns).csv"
    progress("\(Report.count(n)): writing the Intune CSV, \(columns) columns")
    var figures = try ChildPhase.run("csv", [String(n), csv, String(columns)]).map {
      Figure(
        key: "csv\(columns)_" + $0.key, title: $0.title + ", \(columns) columns", unit: $0.unit,
        samples: $0.samples)
    }
    let importRuns = n >= 1_000_000 ? 1 : min(k, 3)
    progress("\(Report.count(n)): importing, \(importRuns) runs")
    figures += try ChildPhase.run(
      "import", [csv, work, String(importRuns), String(columns), keep ?? "-"])
    figures += try SQLiteImport.comparison(
      with: figures.first { $0.key == "import\(columns)_s" }, csv: csv, directory: work,
      runs: importRuns, columns: columns)
    if !keepCSV { try? FileManager.default.removeItem(atPath: csv) }
    guard columns == 53 else { return figures }
    figures += try graphJSONFigures(n: n, work: work, runs: importRuns, keep: keepCSV)
    if let csvImport = figures.first(where: { $0.key == "import53_s" }),
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
