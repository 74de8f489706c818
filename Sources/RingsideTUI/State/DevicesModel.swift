import RingsideDomain
import RingsideStore

/// Identifies one devices query; results for another key are stale and dropped.
public struct DevicesQuery: Sendable, Hashable {
  public var filter: DeviceFilter
  public var sort: DeviceSort
  /// Bumped when the store changes, so the same filter is queried again.
  public var generation: Int
}

/// Rows of the devices table the store returned, starting at `offset`.
public struct DevicePage: Sendable, Equatable {
  public let query: DevicesQuery
  public let offset: Int
  public let rows: [DeviceRecord]
  /// True when the store had no more rows after these.
  public let reachedEnd: Bool

  public init(query: DevicesQuery, offset: Int, rows: [DeviceRecord], reachedEnd: Bool) {
    self.query = query
    self.offset = offset
    self.rows = rows
    self.reachedEnd = reachedEnd
  }

  /// The row at absolute index `i`, when loaded.
  public func row(_ i: Int) -> DeviceRecord? {
    let local = i - offset
    return rows.indices.contains(local) ? rows[local] : nil
  }
}

/// The Devices view: scope from a drill-in, typed filter, sort, cursor, and the rows loaded.
/// Only the page around the cursor is ever held, whatever the number of devices.
public struct DevicesModel: Sendable, Equatable {
  public var scope: DeviceScope?
  public var filterText = ""
  public var filterError: String?
  public var query = DevicesQuery(filter: .all, sort: DeviceSort(), generation: 0)
  public var cursor = 0
  public var top = 0
  /// The number of matching devices; nil while it is being counted.
  public var total: Int?
  public var page: DevicePage?
  /// The device whose page is open (or opening), if any.
  public var detailID: Int64?
  public var detail: DeviceDetail?
  public var detailScroll = 0
  /// Devices selected with Space, by row id.
  public var selection: Set<Int64> = []
  /// True after "select all matching": the move takes every device of the filter.
  public var allMatching = false

  public init() {}

  /// Rows to load around the visible ones, so small moves need no query.
  static let margin = 40

  /// Parses `text` and, when valid, makes it the filter with the scope's terms; returns
  /// whether the query changed.
  mutating func setFilter(_ text: String) -> Bool {
    filterText = text
    do {
      let typed = try DeviceFilter.parse(text)
      filterError = nil
      let filter = DeviceFilter(terms: (scope?.terms ?? []) + typed.terms, text: text)
      guard filter != query.filter else { return false }
      query.filter = filter
      resetRows()
      return true
    } catch {
      filterError = error.message
      return false
    }
  }

  /// Forgets rows and count after the query changed; the cursor goes to the top.
  mutating func resetRows() {
    allMatching = false
    cursor = 0
    top = 0
    total = nil
  }

  /// The loaded rows when they belong to the current filter and sort (the store may have
  /// changed since); older rows are only shown, dimmed, until new ones arrive.
  public var currentPage: DevicePage? {
    page.flatMap { $0.query.filter == query.filter && $0.query.sort == query.sort ? $0 : nil }
  }

  /// The device under the cursor, when its row is loaded.
  public var selected: DeviceRecord? { currentPage?.row(cursor) }

  /// The highest cursor position known to exist.
  var lastIndex: Int {
    if let total { return max(0, total - 1) }
    if let page = currentPage { return max(0, page.offset + page.rows.count - 1) }
    return 0
  }

  /// Keeps the cursor inside the rows and on screen, and asks for the rows to show.
  mutating func settle(visibleRows: Int) -> [Effect] {
    cursor = max(0, min(cursor, lastIndex))
    if cursor < top { top = cursor }
    if cursor >= top + visibleRows { top = cursor - visibleRows + 1 }
    top = max(0, min(top, max(0, (total ?? top + visibleRows) - visibleRows)))
    var effects: [Effect] = []
    let needEnd = min(top + visibleRows, total ?? top + visibleRows)
    let covered =
      page.map {
        $0.query == query && $0.offset <= top
          && ($0.reachedEnd || $0.offset + $0.rows.count >= needEnd)
      } ?? false
    if !covered && !(total == 0) {
      let offset = max(0, top - DevicesModel.margin)
      effects.append(
        .loadPage(
          PageRequest(
            query: query, offset: offset, limit: visibleRows + 2 * DevicesModel.margin, total: total
          )))
    }
    return effects
  }
}

/// One page of devices to read.
public struct PageRequest: Sendable, Hashable {
  public let query: DevicesQuery
  public let offset: Int
  public let limit: Int
  /// The row count, when known, so a far page can be read from the other end.
  public let total: Int?
}

/// A device's page: the record, its history, its ring's policy and why its state is what it is.
public struct DeviceDetail: Sendable, Equatable {
  public let record: DeviceRecord
  public let history: [HistoryEntry]
  /// The history's versions as the device list labels them (`DeviceFacts.historyLabels`).
  public let historyLabels: [String]
  public let ring: Ring?
  public let assessment: StateAssessment
  public let versionLabel: String
  /// What the removal status means for this device (RemovalExplanation, as `why` says it).
  public let removalSentence: String
}
