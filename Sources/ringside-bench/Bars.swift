/// The quality bars of DESIGN.md §5 the figures are checked against.
enum Bars {
  /// The bar for a figure at `devices` devices, as a limit and its words; nil when none.
  static func bar(for key: String, devices: Int) -> (limit: Double, text: String)? {
    switch key {
    case "first_frame_ms": devices > 100_000 ? (500, "≤ 500 ms") : (150, "≤ 150 ms")
    case "filter_key_ms", "sort_ms", "sort_reverse_ms", "scroll_ms", "cursor_down_ms":
      (16, "≤ 16 ms")
    case "import_ratio": (2, "≤ 2x")
    case "dashboard_peak_mb": (250, "≤ 250 MB")
    case "wire_cursor_down_bytes": (399, "< 400 B")
    default: nil
    }
  }

  /// "met", "MISSED", or "" for figures without a bar; judged on the median.
  static func verdict(_ figure: Figure, devices: Int) -> String {
    guard let bar = bar(for: figure.key, devices: devices) else { return "" }
    return figure.median <= bar.limit ? "met" : "MISSED"
  }
}
