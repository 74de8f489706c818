import Foundation
import RingsideDomain
import RingsideStore
import RingsideTUI

/// `dashboard DB RUNS NOW LABEL`: the dashboard's first frame and its keys, on the real state,
/// update and renderer, at 120x40. Each run opens the store anew. Figure keys and titles
/// start with LABEL (`fleet` or `demo`).
enum DashboardPhase {
  static let width = 120
  static let height = 40
  /// Typed into `/` one key at a time; each key is a new query.
  static let filterText = "ipad"
  /// Typed the same way; no demo device's name, serial, user or model contains it.
  static let rareText = "qzx"
  /// Typed the same way; a few dozen devices' names or serials contain it at 1M.
  static let fewText = "12345"
  /// Field filters typed the same way, alone and with a word: each names a share of the
  /// fleet (a version, a ring, a state, a model), as an admin narrows a real fleet.
  static let fieldFilters = [
    "os:26.7.1", "ring:pilot", "state:current", "model:ipad", "os:27 ipad", "ring:test os:16",
  ]

  static func run(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 4, let runs = Int(arguments[1]), let now = Double(arguments[2])
    else { throw BenchError("dashboard phase: DB RUNS NOW LABEL") }
    var set = FigureSet()
    for _ in 0..<runs {
      var labelled = Labelled(label: arguments[3])
      try once(path: arguments[0], now: Date(timeIntervalSince1970: now), into: &labelled)
      set.add(labelled.set.figures)
    }
    var merged = FigureSet()
    for f in set.figures { for s in f.samples { merged.add(f.key, f.title, f.unit, s) } }
    merged.add(
      "\(arguments[3]).dashboard_peak_mb", "\(arguments[3]): peak memory, dashboard", "MB",
      PeakMemory.megabytes())
    return merged
  }

  /// Adds the label to every key and title.
  struct Labelled {
    let label: String
    var set = FigureSet()
    mutating func add(_ key: String, _ title: String, _ unit: String, _ sample: Double) {
      let indent = title.prefix { $0 == " " }
      set.add(
        "\(label).\(key)", "\(label): \(indent)\(title.dropFirst(indent.count))", unit, sample)
    }
  }

  private static func once(path: String, now: Date, into set: inout Labelled) throws {
    // First frame: open the store, run the start-up queries, draw Overview and Devices.
    var start = Stopwatch.now()
    let store = try InventoryStore(path: path, readOnly: true)
    let driver = DashboardDriver(store: store, width: width, height: height, now: now)
    _ = driver.start()
    _ = driver.render(view: .devices)
    set.add("first_frame_ms", "first frame (Overview + Devices)", "ms", Stopwatch.ms(since: start))
    start = Stopwatch.now()
    driver.finishCounts()
    set.add(
      "first_counts_ms", "  then count, staging, audit shown", "ms", Stopwatch.ms(since: start))

    // Between keys the worker builds the in-memory text index a slice at a time.
    let indexing = driver.finishIdleWork()
    set.add("text_index_ms", "  then text index built (idle time)", "ms", indexing.total)
    set.add(
      "text_index_slice_ms", "  longest index slice (a key may wait)", "ms", indexing.longestSlice)

    // Devices view: cursor, page scroll, sort.
    driver.press(.character("2"))
    driver.finishCounts()
    set.add("cursor_down_ms", "cursor down (j)", "ms", timed { driver.press(.character("j")) })
    for _ in 0..<3 {
      set.add("scroll_ms", "page scroll (PgDn)", "ms", timed { driver.press(.pageDown) })
    }
    // Every sort column in turn (> cycles through them back to name), each also reversed.
    for _ in DeviceSort.Column.allCases {
      for key: Character in [">", "r"] {
        let ms = timed { driver.press(.character(key)) }
        set.add("sort_ms", "sort, every column both ways", "ms", ms)
        trace(ms, "sort", driver)
        driver.finishCounts()
      }
      driver.press(.character("r"))
      driver.finishCounts()
    }

    // Filter: each typed key queries the store; the count follows in a later frame. A common
    // word, a word no device has, and a word a few dozen devices have at 1M.
    type(filterText, key: "filter_key_ms", title: "filter key (/ipad)", driver, &set)
    set.add("filter_count_ms", "  then match count shown", "ms", timed { driver.finishCounts() })
    clearFilter(driver)
    type(rareText, key: "filter_rare_key_ms", title: "filter key, no match (/qzx)", driver, &set)
    clearFilter(driver)
    type(fewText, key: "filter_few_key_ms", title: "filter key, few matches (/12345)", driver, &set)
    clearFilter(driver)

    // Field filters, key by key; then, with the filter on, every sort column.
    for text in fieldFilters {
      type(
        text, key: "field_key_ms", title: "field filter key (os: ring: state: model:)", driver, &set
      )
      let count = timed { driver.finishCounts() }
      set.add("field_count_ms", "  then its count shown", "ms", count)
      trace(count, "field filter count", driver, bar: 100)
      driver.press(.enter)
      for _ in DeviceSort.Column.allCases {
        let ms = timed { driver.press(.character(">")) }
        set.add("field_sort_ms", "sort under a field filter, every column", "ms", ms)
        trace(ms, "sort under a field filter", driver)
        driver.finishCounts()
      }
      clearFilter(driver)
    }

    // Drill-in from every Overview number, then its count; Esc goes back.
    driver.press(.character("1"))
    driver.finishCounts()
    var seen = Set<Int>()
    while seen.insert(driver.state.overview.cursor).inserted {
      let ms = timed { driver.press(.enter) }
      set.add("drill_ms", "drill-in, every Overview number", "ms", ms)
      trace(ms, "drill-in", driver)
      let count = timed { driver.finishCounts() }
      set.add("drill_count_ms", "  then its count shown", "ms", count)
      trace(count, "drill-in count", driver, bar: 100)
      driver.press(.escape)
      driver.finishCounts()
      driver.press(.right)
    }
    driver.press(.enter)
    driver.finishCounts()
    set.add("detail_ms", "open a device (Enter)", "ms", timed { driver.press(.enter) })
  }

  /// Opens the filter and types `word` a key at a time, timing each key's frame.
  private static func type(
    _ word: String, key: String, title: String, _ driver: DashboardDriver,
    _ set: inout Labelled
  ) {
    driver.press(.character("/"))
    for c in word {
      let ms = timed { driver.press(.character(c)) }
      set.add(key, title, "ms", ms)
      trace(ms, "filter key", driver)
    }
  }

  /// Ends filter input and empties the filter.
  private static func clearFilter(_ driver: DashboardDriver) {
    driver.press(.enter)
    driver.press(.character("/"))
    driver.press(.control("u"))
    driver.press(.enter)
    driver.finishCounts()
  }

  /// With RINGSIDE_BENCH_TRACE set, names on standard error each key over its bar:
  /// its filter and sort, so a missed bar points at its query.
  private static func trace(
    _ ms: Double, _ what: String, _ driver: DashboardDriver, bar: Double = 16
  ) {
    guard ms > bar, ProcessInfo.processInfo.environment["RINGSIDE_BENCH_TRACE"] != nil else {
      return
    }
    let query = driver.state.devices.query
    let line =
      "ringside-bench: slow \(what): \(String(format: "%.1f", ms)) ms, filter \(query.filter.terms), sort \(query.sort)\n"
    FileHandle.standardError.write(Data(line.utf8))
  }

  private static func timed(_ body: () -> Void) -> Double {
    let start = Stopwatch.now()
    body()
    return Stopwatch.ms(since: start)
  }
}
