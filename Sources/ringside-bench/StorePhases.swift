import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore

/// The phases that write stores: the importer on the synthetic CSV, and the demo fleet.
enum StorePhases {
  /// `import CSV DIR RUNS COLUMNS KEEP`: imports the CSV (rings from its Category column)
  /// into a new store in DIR, RUNS times; the last store stays at KEEP unless it is "-".
  /// Besides the time, it records the peak disk use of the store and its WAL during the
  /// import (sampled every 20 ms), and what is left on disk afterwards.
  static func importCSV(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 5, let runs = Int(arguments[2]), let columns = Int(arguments[3])
    else { throw BenchError("import phase: CSV DIR RUNS COLUMNS KEEP") }
    let c = "\(columns)"
    var set = FigureSet()
    for run in 0..<runs {
      let last = run == runs - 1
      let path = last && arguments[4] != "-" ? arguments[4] : arguments[1] + "/import-\(run).db"
      StorePath.removeStoreFiles(at: path)
      let disk = DiskSampler(path: path)
      let start = Stopwatch.now()
      let store = try InventoryStore(path: path, create: true)
      let summary = try Importer.run(
        files: [arguments[0]], into: store,
        options: ImportOptions(format: .intuneCSV, ringFrom: "Category"))
      let ms = Stopwatch.ms(since: start)
      let peakDisk = disk.stop()
      guard summary.added > 0 else { throw BenchError("the import stored no devices") }
      set.add("import\(c)_s", "import, \(c) columns (ringside)", "s", ms / 1000)
      if last {
        set.add("import\(c)_disk_peak_mb", "  disk at most, store + WAL", "MB", peakDisk)
        set.add("import\(c)_store_mb", "  store after import", "MB", DiskSampler.megabytes(path))
        set.add(
          "import\(c)_wal_mb", "  WAL left after import", "MB",
          DiskSampler.megabytes(path + "-wal"))
      }
      if path != arguments[4] { StorePath.removeStoreFiles(at: path) }
    }
    set.add("import\(c)_peak_mb", "  peak memory, import", "MB", PeakMemory.megabytes())
    return set
  }

  /// `csv N PATH COLUMNS`: writes the Intune-shaped CSV of N devices with 53 or 27 columns.
  static func writeCSV(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 3, let n = Int(arguments[0]), let columns = Int(arguments[2]),
      columns == 27 || columns == 53
    else { throw BenchError("csv phase: N PATH 27|53") }
    var set = FigureSet()
    let (bytes, ms) = try Stopwatch.time {
      try IntuneCSVWriter.write(count: n, to: arguments[1], narrow: columns == 27)
    }
    set.add("csv_mb", "Intune CSV size", "MB", Double(bytes) / 1e6)
    set.add("csv_write_s", "write Intune CSV", "s", ms / 1000)
    return set
  }

  /// `write-graph N PAGES-DIR`: writes N devices as Graph pages into PAGES-DIR.
  static func writeGraph(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 2, let n = Int(arguments[0]) else {
      throw BenchError("write-graph phase: N PAGES-DIR")
    }
    let start = Stopwatch.now()
    let written = try GraphJSONWriter.write(count: n, to: arguments[1])
    var set = FigureSet()
    set.add("json_mb", "Graph JSON pages size", "MB", Double(written.bytes) / 1e6)
    set.add("json_write_s", "write Graph JSON pages", "s", Stopwatch.ms(since: start) / 1000)
    return set
  }

  /// `import-json PAGES-DIR DIR RUNS`: imports every Graph page in PAGES-DIR as one import
  /// into a new store in DIR, RUNS times.
  static func importGraphJSON(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 3, let runs = Int(arguments[2]) else {
      throw BenchError("import-json phase: PAGES-DIR DIR RUNS")
    }
    let pages = try FileManager.default.contentsOfDirectory(atPath: arguments[0])
      .filter { $0.hasSuffix(".json") }.sorted().map { arguments[0] + "/" + $0 }
    var set = FigureSet()
    for run in 0..<runs {
      let path = arguments[1] + "/import-json-\(run).db"
      StorePath.removeStoreFiles(at: path)
      let start = Stopwatch.now()
      let store = try InventoryStore(path: path, create: true)
      let summary = try Importer.run(
        files: pages, into: store, options: ImportOptions(format: .graphJSON))
      let ms = Stopwatch.ms(since: start)
      guard summary.added > 0 else { throw BenchError("the JSON import stored no devices") }
      set.add("import_json_s", "import Graph JSON pages (ringside)", "s", ms / 1000)
      StorePath.removeStoreFiles(at: path)
    }
    set.add("import_json_peak_mb", "peak memory, Graph JSON import", "MB", PeakMemory.megabytes())
    return set
  }

  /// `demo DB N NOW`: writes the demo fleet of N devices into a new store at DB.
  static func demo(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 3, let count = Int(arguments[1]), let now = Double(arguments[2])
    else { throw BenchError("demo phase: DB N NOW") }
    StorePath.removeStoreFiles(at: arguments[0])
    var set = FigureSet()
    let start = Stopwatch.now()
    let store = try InventoryStore(path: arguments[0], create: true)
    try store.writeDemo(DemoFleet(count: count, now: Date(timeIntervalSince1970: now)))
    set.add("demo_write_s", "write demo store", "s", Stopwatch.ms(since: start) / 1000)
    set.add("demo_peak_mb", "peak memory, demo write", "MB", PeakMemory.megabytes())
    return set
  }
}
