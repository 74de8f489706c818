/// The bars (README "Performance": speed on fleets shaped like real ones) the figures are
/// checked against. Keys may carry a shape label (`fleet.`, `demo.`), which bars ignore.
enum Bars {
  /// The bar for a figure at `devices` devices, as a limit and its words; nil when none.
  static func bar(for key: String, devices: Int) -> (limit: Double, text: String)? {
    key.hasPrefix("pg") ? postgresBar(for: base(key)) : standardBar(for: base(key))
  }

  /// The bars of a SQLite store (README "Performance").
  private static func standardBar(for base: String) -> (limit: Double, text: String)? {
    switch base {
    case "first_frame_ms", "launch_ms": (50, "≤ 50 ms")
    case "sort_ms", "field_sort_ms", "field_key_ms", "drill_ms": (16, "≤ 16 max")
    case "filter_key_ms", "filter_rare_key_ms", "filter_few_key_ms": (16, "≤ 16 max")
    case "scroll_ms", "cursor_down_ms": (16, "≤ 16 ms")
    case "filter_count_ms", "field_count_ms", "drill_count_ms": (100, "≤ 100 max")
    case "import53_ratio", "import27_ratio": (2, "≤ 2x")
    case "import53_wal_mb", "import27_wal_mb": (4, "≤ 4 MB")
    case "dashboard_peak_mb", "import53_peak_mb", "import27_peak_mb": (250, "≤ 250 MB")
    case "import_json_ratio": (2, "≤ 2x")
    case "import_json_peak_mb": (250, "≤ 250 MB")
    case "wire_cursor_down_bytes": (399, "< 400 B")
    default: nil
    }
  }

  /// The bars of a store on a PostgreSQL server (issue 18): a complete first frame within
  /// half a second, every key within 16 ms, the import within twice `sqlite3 .import`; counts
  /// have none there.
  private static func postgresBar(for base: String) -> (limit: Double, text: String)? {
    switch base {
    case "first_frame_ms", "launch_ms": (500, "≤ 0.5 s")
    case "filter_count_ms", "field_count_ms", "drill_count_ms": nil
    case "import27_ratio": (2, "≤ 2x")
    case "import27_peak_mb": (250, "≤ 250 MB")
    default: standardBar(for: base)
    }
  }

  /// The key without its shape label.
  static func base(_ key: String) -> String {
    key.split(separator: ".", maxSplits: 1).last.map(String.init) ?? key
  }

  /// Figures whose samples are different cases (every sort column, every typed key, every
  /// Overview number), judged on the worst.
  static let judgedOnMax: Set<String> = [
    "sort_ms", "filter_key_ms", "filter_rare_key_ms", "filter_few_key_ms", "field_key_ms",
    "field_sort_ms", "drill_ms", "filter_count_ms", "field_count_ms", "drill_count_ms",
  ]

  /// The value a bar is judged on: the median, or the worst case for `judgedOnMax`.
  static func judged(_ figure: Figure) -> Double {
    judgedOnMax.contains(base(figure.key)) ? figure.max : figure.median
  }

  /// True, false, or nil for figures without a bar.
  static func met(_ figure: Figure, devices: Int) -> Bool? {
    bar(for: figure.key, devices: devices).map { judged(figure) <= $0.limit }
  }

  /// "met", "MISSED", or "" for figures without a bar.
  static func verdict(_ figure: Figure, devices: Int) -> String {
    met(figure, devices: devices).map { $0 ? "met" : "MISSED" } ?? ""
  }
}
