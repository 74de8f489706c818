import RingsideDomain

/// The `?` overlay laid out in screen rows for the terminal's size: where it sits, each
/// wrapped row, and how far it scrolls, so keys and drawing agree on where the end is.
struct HelpLayout {
  /// One screen row: the key column (empty on continuation rows) and the text, or a heading.
  struct Row {
    let keys: String
    let text: String
    let isHeading: Bool
  }

  let x: Int
  let y: Int
  let width: Int
  let height: Int
  let keyWidth: Int
  let rows: [Row]
  let query: String

  init(_ state: DashboardState) {
    width = min(state.width - 2, 110)
    height = max(3, state.height - 2)
    x = max(0, (state.width - width) / 2)
    y = 1
    keyWidth = min(28, max(12, width / 3))
    query = state.helpQuery
    var rows: [Row] = []
    for (keys, text) in HelpText.lines(state, ascii: state.glyphs == .ascii) {
      if text.isEmpty {
        rows.append(Row(keys: keys, text: "", isHeading: !keys.isEmpty))
        continue
      }
      let pieces = DisplayWidth.wrap(text, width: max(10, width - keyWidth - 6))
      for (i, piece) in pieces.enumerated() {
        rows.append(Row(keys: i == 0 ? keys : "", text: piece, isHeading: false))
      }
    }
    self.rows = rows
  }

  /// Rows between the top and bottom border.
  var bodyHeight: Int { max(1, height - 2) }
  var maxScroll: Int { max(0, rows.count - bodyHeight) }
  func clamp(_ scroll: Int) -> Int { max(0, min(scroll, maxScroll)) }

  func matches(_ row: Row) -> Bool {
    !query.isEmpty
      && (row.keys.localizedCaseInsensitiveContains(query)
        || row.text.localizedCaseInsensitiveContains(query))
  }

  /// The first matching row after `row`, wrapping around to the top.
  func nextMatch(after row: Int) -> Int? {
    let order = Array((row + 1)..<rows.count) + Array(0..<min(rows.count, max(0, row + 1)))
    return order.first { matches(rows[$0]) }
  }

  /// The last matching row before `row`, wrapping around to the end.
  func previousMatch(before row: Int) -> Int? {
    let order =
      Array((0..<max(0, min(row, rows.count))).reversed())
      + Array((max(0, row)..<rows.count).reversed())
    return order.first { matches(rows[$0]) }
  }
}
