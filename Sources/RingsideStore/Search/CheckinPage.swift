/// One page of the check-in sort picked from the facets' check-ins, in memory: SQL walks the
/// check-in index and reads the row of every device it passes, which is slow when the filter
/// selects few of them (`ring:test os:16` at 1M devices: 17-25 ms on PostgreSQL). The order is
/// SQL's: check-in (none first), then ring id, then row id, all reversed when descending.
/// A filter selecting much of the fleet is left to SQL, whose index meets its page soon.
enum CheckinPage {
  /// The deepest page end picked in memory; past it SQL answers.
  static let maximumDepth = 10_000
  /// A filter of whole facets selecting more than one device in this many is left to SQL.
  static let denseShare = 16

  /// A device's place in the check-in sort; `ordinal` follows row id order.
  private struct Key: Comparable {
    let checkin: Int64
    let ringID: Int64
    let ordinal: Int32

    static func < (a: Key, b: Key) -> Bool {
      (a.checkin, a.ringID, a.ordinal) < (b.checkin, b.ringID, b.ordinal)
    }
  }

  /// The ordinals of the page at `offset`, or nil when it ends deeper than `maximumDepth`.
  /// Keeps the first `offset + limit` devices met in a heap whose root is the last of them.
  static func ordinals(
    table: DeviceFacetTable, selection: FacetSelection, descending: Bool, offset: Int, limit: Int
  ) -> [Int32]? {
    let (wanted, overflow) = offset.addingReportingOverflow(limit)
    guard !overflow, wanted <= maximumDepth, table.checkins.count == table.codes.count else {
      return nil
    }
    // A filter of whole facets selecting a sixteenth of the fleet or more is left to SQL: the
    // check-in index meets its page within a few thousand rows, sooner than a pass over
    // every selected device here (`state:current` at 1M: 17 ms).
    if selection.byFacetOnly,
      selection.facetDeviceCount(table.counts) * denseShare > table.codes.count
    {
      return nil
    }
    // `before(a, b)`: a comes first on the page.
    let before: (Key, Key) -> Bool = descending ? { $1 < $0 } : { $0 < $1 }
    let ringOfCode = table.facets.map(\.ringID)
    var kept: [Key] = []
    kept.reserveCapacity(wanted)
    table.checkins.withUnsafeBufferPointer { checkins in
      table.codes.withUnsafeBufferPointer { codes in
        selection.forEach(in: table.codes, descending: false) { i in
          let key = Key(checkin: checkins[i], ringID: ringOfCode[Int(codes[i])], ordinal: Int32(i))
          if kept.count < wanted {
            kept.append(key)
            siftUp(&kept, from: kept.count - 1, before)
          } else if before(key, kept[0]) {
            kept[0] = key
            siftDown(&kept, before)
          }
          return true
        }
      }
    }
    let page = kept.sorted(by: before).map(\.ordinal)
    return offset < page.count ? Array(page[offset...]) : []
  }

  /// Restores the heap (its root the key that comes last) after an append at `index`.
  private static func siftUp(_ heap: inout [Key], from index: Int, _ before: (Key, Key) -> Bool) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      guard before(heap[parent], heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Restores the heap after its root was replaced.
  private static func siftDown(_ heap: inout [Key], _ before: (Key, Key) -> Bool) {
    var parent = 0
    while true {
      var last = parent
      let left = 2 * parent + 1
      let right = left + 1
      if left < heap.count && before(heap[last], heap[left]) { last = left }
      if right < heap.count && before(heap[last], heap[right]) { last = right }
      guard last != parent else { return }
      heap.swapAt(parent, last)
      parent = last
    }
  }
}
