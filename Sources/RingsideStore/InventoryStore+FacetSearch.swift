import Foundation
import RingsideDomain

/// Which devices a filter selects, from the text index's facets: a mask over the facet
/// codes, the devices every word of the filter matches, and a mask over devices for words
/// under `-`.
struct FacetSelection {
  let codes: [Bool]
  let devices: [Bool]?
  /// The positions (ascending) of the devices the filter's words match; nil without words.
  let candidates: [Int32]?

  /// Whether the device at `ordinal`, whose facet is `code` and which is among the
  /// candidates, is selected.
  @inline(__always)
  func contains(_ ordinal: Int, code: UInt16) -> Bool {
    codes[Int(code)] && (devices?[ordinal] ?? true)
  }

  /// True when whole facets are selected: every device of a selected facet is in.
  var byFacetOnly: Bool { devices == nil && candidates == nil }

  /// How many devices the selected facets hold, from each facet's device count: the whole
  /// selection when `byFacetOnly`.
  func facetDeviceCount(_ counts: [Int]) -> Int {
    counts.indices.reduce(0) { codes[$1] ? $0 + counts[$1] : $0 }
  }

  /// Calls `body` with each selected device's position, in order (from the last when
  /// `descending`), until it returns false; only the candidates are looked at when there are.
  func forEach(in codes: [UInt16], descending: Bool, _ body: (Int) -> Bool) {
    if let candidates {
      let count = candidates.count
      for step in 0..<count {
        let i = Int(candidates[descending ? count - 1 - step : step])
        if contains(i, code: codes[i]) && !body(i) { return }
      }
      return
    }
    let count = codes.count
    for step in 0..<count {
      let i = descending ? count - 1 - step : step
      if contains(i, code: codes[i]) && !body(i) { return }
    }
  }

  /// The same selection with the candidates folded into the device mask, for walks that meet
  /// devices out of position order (the name order).
  func masked(count: Int) -> FacetSelection {
    guard let candidates else { return self }
    var mask = devices ?? [Bool](repeating: true, count: count)
    var inCandidates = [Bool](repeating: false, count: count)
    for o in candidates { inCandidates[Int(o)] = true }
    for i in 0..<count { mask[i] = mask[i] && inCandidates[i] }
    return FacetSelection(codes: codes, devices: mask, candidates: nil)
  }
}

extension InventoryStore {
  /// Past this many rows before the page's end, a name-sorted page is left to SQL.
  static let facetNameDepth = 50_000

  /// The ids of one page of a filter with field terms (ring, platform, version, state,
  /// removal, model, supervision, and words beside them), picked in memory from the text
  /// index: every match is found in one pass over the devices' facet codes, and the page
  /// without sorting them. SQL would walk the sort's index and skip the others, which takes
  /// long when the matches sort after most devices (macOS names after iPhone names, current
  /// devices after the old versions), or collect and sort a whole group. Under the sorts on
  /// facet columns a device's place is its facet's rank, then its row id; under the check-in
  /// sort, its check-in (`CheckinPage`, pages ending within its depth). Nil when SQL
  /// answers: no current index, a term it does not hold (build:, stale, source:), a deep
  /// check-in page. On PostgreSQL also the ring sort without a filter, which SQL can only
  /// answer by sorting every device (rings are ordered by their position, in another table).
  func pageFromFacets(_ filter: DeviceFilter, sort: DeviceSort, offset: Int, limit: Int)
    throws(StoreError) -> [Int64]?
  {
    guard offset >= 0, limit > 0,
      filter.terms.contains(where: { if case .text = $0 { false } else { true } })
        || (sqlite == nil && filter.terms.isEmpty && sort.column == .ring),
      let search = try currentTextSearch(),
      let table = search.index.facets
    else { return nil }
    let codes = table.codes
    // Words beside the field terms are tested device by device along the name order, so a
    // common word's page needs no scan of every device's text.
    if sort.column == .name, let walk = search.nameWalk(offset: offset, limit: limit),
      let words = Self.topLevelWords(filter.terms), !words.needles.isEmpty,
      !search.narrowsCheaply(words.words),
      let fields = try facetSelection(
        DeviceFilter(terms: words.others), search: search, table: table),
      let page = walk.page(
        offset: offset, limit: limit, descending: sort.descending,
        where: { fields.contains($0, code: codes[$0]) && search.index.holds(words.needles, at: $0) }
      )
    {
      return page.map { search.index.ids[Int($0)] }
    }
    guard let selection = try facetSelection(filter, search: search, table: table) else {
      return nil
    }
    if sort.column == .checkin {
      return CheckinPage.ordinals(
        table: table, selection: selection, descending: sort.descending, offset: offset,
        limit: limit
      )?.map { search.index.ids[Int($0)] }
    }
    if sort.column == .name {
      if let order = search.index.nameOrder {
        return Self.namePage(
          order: order, codes: codes, selection: selection.masked(count: codes.count),
          descending: sort.descending,
          offset: offset, limit: limit
        ).map { search.index.ids[Int($0)] }
      }
      let (wanted, overflow) = offset.addingReportingOverflow(limit)
      guard !overflow, wanted <= Self.facetNameDepth else { return nil }
      var ordinals: [Int32] = []
      selection.forEach(in: codes, descending: false) {
        ordinals.append(Int32($0))
        return true
      }
      let first = search.index.firstByName(ordinals, descending: sort.descending, count: wanted)
      return offset < first.count ? Array(first[offset...]) : []
    }
    let ranks = try facetRanks(table.facets, selection: selection, column: sort.column)
    return Self.rankPage(
      codes: codes, codeCounts: table.counts, ranks: ranks.ranks, rankCount: ranks.count,
      selection: selection,
      descending: sort.descending, offset: offset, limit: limit
    ).map { search.index.ids[Int($0)] }
  }

  /// The number of devices a filter with field terms selects, counted from the text index's
  /// facets; nil when it cannot answer (as `pageFromFacets`).
  func countFromFacets(_ filter: DeviceFilter) throws(StoreError) -> Int? {
    guard let search = try currentTextSearch(), let table = search.index.facets,
      let selection = try facetSelection(filter, search: search, table: table)
    else { return nil }
    guard !selection.byFacetOnly else { return selection.facetDeviceCount(table.counts) }
    var count = 0
    selection.forEach(in: table.codes, descending: false) { _ in
      count += 1
      return true
    }
    return count
  }

  /// The devices `filter` selects, or nil when a term is not held by the facets.
  func facetSelection(_ filter: DeviceFilter, search: TextSearch, table: DeviceFacetTable)
    throws(StoreError) -> FacetSelection?
  {
    let rings = Dictionary(
      try database.prepare("SELECT id, name FROM rings").query {
        ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "")
      }, uniquingKeysWith: { a, _ in a })
    let groups = table.facets.map {
      FleetGroupRow(
        ringID: $0.ringID, ring: rings[$0.ringID] ?? "", platform: $0.platform, osSort: $0.osSort,
        rsr: $0.rsr, state: $0.state, removal: $0.removal, count: 0)
    }
    var codes = [Bool](repeating: true, count: table.facets.count)
    var devices: [Bool]?
    var candidates: [Int32]?
    for term in filter.terms {
      if case .text(let word) = term {
        // A word most devices hold is left to SQL, whose LIKE fills a page within a few rows.
        guard let matches = search.matches(word, limit: search.denseLimit), matches.complete
        else { return nil }
        candidates =
          candidates.map { OrdinalSets.intersection($0, matches.ordinals) } ?? matches.ordinals
        continue
      }
      guard let mask = facetMask(term, table: table, groups: groups, search: search) else {
        return nil
      }
      switch mask {
      case .codes(let m): for c in codes.indices { codes[c] = codes[c] && m[c] }
      case .devices(let m):
        if let d = devices {
          devices = zip(d, m).map { $0 && $1 }
        } else {
          devices = m
        }
      }
    }
    return FacetSelection(codes: codes, devices: devices, candidates: candidates)
  }

  /// One term's selection: per facet code, or per device for words.
  private enum FacetMask {
    case codes([Bool])
    case devices([Bool])
  }

  private func facetMask(
    _ term: DeviceFilter.Term, table: DeviceFacetTable, groups: [FleetGroupRow],
    search: TextSearch
  ) -> FacetMask? {
    switch term {
    case .text(let word):
      // A word most devices hold is left to SQL, whose LIKE fills a page within a few rows.
      guard let matches = search.matches(word, limit: search.denseLimit), matches.complete
      else { return nil }
      var bits = [Bool](repeating: false, count: search.index.count)
      for o in matches.ordinals { bits[Int(o)] = true }
      return .devices(bits)
    case .not(let inner):
      switch facetMask(inner, table: table, groups: groups, search: search) {
      case .codes(let m): return .codes(m.map { !$0 })
      case .devices(let m): return .devices(m.map { !$0 })
      case nil: return nil
      }
    case .os(let version, let mark):
      // The range once, not per facet.
      let (low, high) = DeviceFilter.sortKeyRange(version)
      let (lowBytes, highBytes) = (Array(low.utf8), Array(high.utf8))
      let rsr = mark.map(DeviceColumns.rsrText)
      return .codes(
        table.facets.map {
          !$0.osSort.lexicographicallyPrecedes(lowBytes)
            && $0.osSort.lexicographicallyPrecedes(highBytes)
            && (rsr.map($0.rsr.elementsEqualUTF8) ?? true)
        })
    default:
      var bits: [Bool] = []
      bits.reserveCapacity(groups.count)
      for (facet, group) in zip(table.facets, groups) {
        guard let match = Self.facetMatches(term, facet, group) else { return nil }
        bits.append(match)
      }
      return .codes(bits)
    }
  }

  /// Whether a device with `facet` passes `term` as the SQL condition decides it (a NULL
  /// column passes no term, and passes its negation); nil for terms facets do not hold.
  static func facetMatches(_ term: DeviceFilter.Term, _ facet: DeviceFacet, _ group: FleetGroupRow)
    -> Bool?
  {
    switch term {
    case .model(let text): return modelHolds(text, facet.model)
    case .supervised(let value):
      guard let value else { return facet.supervised == nil }
      return facet.supervised == (value ? 1 : 0)
    default:
      return term.matches(group)
    }
  }

  /// Whether `model` holds `text` as SQL's `model LIKE '%text%'` decides: a substring, ASCII
  /// letters without case; a NULL model holds nothing.
  static func modelHolds(_ text: String, _ model: String?) -> Bool {
    guard let model else { return false }
    let needle = Array(text.utf8).map(DeviceTextIndex.folded)
    let hay = Array(model.utf8).map(DeviceTextIndex.folded)
    if needle.isEmpty { return true }
    if needle.count > hay.count { return false }
    for start in 0...(hay.count - needle.count)
    where hay[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }

  /// Each facet's rank under `column` among the selected facets (-1 for the others), equal
  /// for facets that sort alike, and the number of ranks.
  private func facetRanks(
    _ facets: [DeviceFacet], selection: FacetSelection, column: DeviceSort.Column
  ) throws(StoreError) -> (ranks: [Int32], count: Int) {
    let positions = Dictionary(
      try database.prepare("SELECT id, position FROM rings").query {
        ($0.int(at: 0) ?? 0, $0.int(at: 1) ?? 0)
      }, uniquingKeysWith: { a, _ in a })
    func order(_ a: DeviceFacet, _ b: DeviceFacet) -> Int {
      switch column {
      case .platform:
        return Self.chain(Self.binary(a.platform, b.platform), Self.binary(a.model, b.model))
      case .os: return Self.binary(a.osSort, b.osSort)
      case .ring:
        return Self.chain(
          Self.compare(positions[a.ringID] ?? 0, positions[b.ringID] ?? 0),
          Self.compare(a.ringID, b.ringID), Self.binary(a.platform, b.platform),
          Self.binary(a.osSort, b.osSort), Self.binary(a.rsr, b.rsr),
          Self.binary(a.state, b.state), Self.binary(a.removal, b.removal))
      case .supervised:
        return Self.compare(a.supervised.map { $0 + 1 } ?? 0, b.supervised.map { $0 + 1 } ?? 0)
      case .removal: return Self.binary(a.removal, b.removal)
      case .state: return Self.binary(a.state, b.state)
      case .build: return Self.binary(a.build, b.build)
      case .name, .checkin: return 0
      }
    }
    let selected = facets.indices.filter { selection.codes[$0] }
      .sorted { order(facets[$0], facets[$1]) < 0 }
    var ranks = [Int32](repeating: -1, count: facets.count)
    var rank: Int32 = -1
    var previous: Int?
    for code in selected {
      if previous.map({ order(facets[$0], facets[code]) != 0 }) ?? true { rank += 1 }
      ranks[code] = rank
      previous = code
    }
    return (ranks, Int(rank) + 1)
  }

  /// The ordinals of the page at `offset`: devices in rank order, each rank's devices in
  /// ordinal (row id) order, both reversed when `descending`. One pass counts each rank's
  /// matches, a second takes the page's devices from the ranks it spans.
  static func rankPage(
    codes: [UInt16], codeCounts: [Int], ranks: [Int32], rankCount: Int,
    selection: FacetSelection, descending: Bool, offset: Int, limit: Int
  ) -> [Int32] {
    var counts = [Int](repeating: 0, count: rankCount)
    if selection.byFacetOnly {
      // Without words each selected facet counts whole.
      for code in ranks.indices where ranks[code] >= 0 {
        counts[Int(ranks[code])] += codeCounts[code]
      }
    } else {
      selection.forEach(in: codes, descending: false) {
        counts[Int(ranks[Int(codes[$0])])] += 1
        return true
      }
    }
    // Per rank, how many of its devices to pass over and how many to take.
    var skip = [Int](repeating: 0, count: rankCount)
    var take = [Int](repeating: 0, count: rankCount)
    var toSkip = offset
    var toTake = limit
    for step in 0..<rankCount where toTake > 0 {
      let r = descending ? rankCount - 1 - step : step
      let passed = min(toSkip, counts[r])
      toSkip -= passed
      skip[r] = passed
      take[r] = min(counts[r] - passed, toTake)
      toTake -= take[r]
    }
    var buckets = [[Int32]](repeating: [], count: rankCount)
    var seen = [Int](repeating: 0, count: rankCount)
    var remaining = limit - toTake
    selection.forEach(in: codes, descending: descending) { i in
      guard remaining > 0 else { return false }
      let r = Int(ranks[Int(codes[i])])
      if seen[r] >= skip[r] && seen[r] < skip[r] + take[r] {
        buckets[r].append(Int32(i))
        remaining -= 1
      }
      seen[r] += 1
      return true
    }
    let rankOrder = descending ? Array((0..<rankCount).reversed()) : Array(0..<rankCount)
    return rankOrder.flatMap { buckets[$0] }
  }

  /// The ordinals of the page at `offset` under the name sort: the selected devices met
  /// walking the name order (from its end when `descending`).
  static func namePage(
    order: [Int32], codes: [UInt16], selection: FacetSelection, descending: Bool, offset: Int,
    limit: Int
  ) -> [Int32] {
    var page: [Int32] = []
    var skipped = 0
    var p = descending ? order.count - 1 : 0
    while page.count < limit && p >= 0 && p < order.count {
      let o = order[p]
      p += descending ? -1 : 1
      guard selection.contains(Int(o), code: codes[Int(o)]) else { continue }
      if skipped < offset {
        skipped += 1
      } else {
        page.append(o)
      }
    }
    return page
  }

  /// The first nonzero comparison.
  private static func chain(_ results: Int...) -> Int { results.first { $0 != 0 } ?? 0 }

  private static func compare<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }

  /// SQLite's BINARY order: bytes compared, NULL first.
  private static func binary(_ a: String?, _ b: String?) -> Int {
    switch (a, b) {
    case (nil, nil): return 0
    case (nil, _): return -1
    case (_, nil): return 1
    case (var a?, var b?): return a.withUTF8 { a in b.withUTF8 { b in binary(a, b) } }
    }
  }

  private static func binary(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in binary(a, b) } }
  }

  /// `memcmp` order of two byte strings, a prefix first: as SQLite's BINARY collation orders.
  private static func binary(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    let common = min(a.count, b.count)
    if common > 0, let x = a.baseAddress, let y = b.baseAddress {
      let order = memcmp(x, y, common)
      if order != 0 { return order < 0 ? -1 : 1 }
    }
    return compare(a.count, b.count)
  }
}

extension String {
  /// Byte-for-byte equality, as SQLite's BINARY compares text.
  fileprivate func elementsEqualUTF8(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}
