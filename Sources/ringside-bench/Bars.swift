/// The quality bars of DESIGN.md §5 the figures are checked against.
enum Bars {
  /// The bar for a figure at `devices` devices, as a limit and its words; nil when none.
  static func bar(for key: String, devices: Int) -> (limit: Double, text: String)? {
    switch key {
    case "first_frame_ms": devices > 100_000 ? (500, "≤ 500 ms") : (150, "≤ 150 ms")
    case "sort_ms": (16, "≤ 16 max")
    case "filter_key_ms", "filter_rare_key_ms", "filter_few_key_ms": (16, "≤ 16 max")
    case "sort_reverse_ms", "scroll_ms", "cursor_down_ms": (16, "≤ 16 ms")
    case "import_ratio", "import_json_ratio": (2, "≤ 2x")
    case "import_peak_mb", "import_json_peak_mb": (250, "≤ 250 MB")
    case "dashboard_peak_mb": (250, "≤ 250 MB")
    case "wire_cursor_down_bytes": (399, "< 400 B")
    default: nil
    }
  }

  /// Figures whose samples are different cases (every sort column, every typed key), judged
  /// on the worst.
  static let judgedOnMax: Set<String> = [
    "sort_ms", "filter_key_ms", "filter_rare_key_ms", "filter_few_key_ms",
  ]

  /// The value a bar is judged on: the median, or the worst case for `judgedOnMax`.
  static func judged(_ figure: Figure) -> Double {
    judgedOnMax.contains(figure.key) ? figure.max : figure.median
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
