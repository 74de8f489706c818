import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Pages and counts of field filters picked in memory from the text index's facets and name
/// order are exactly what SQL gives on a connection without an index.
final class FacetSearchTests: XCTestCase {
  let now = TemporaryStore.now

  private func indexed(_ store: InventoryStore) throws -> DeviceTextIndex {
    let builder = try DeviceTextIndexBuilder(store: store)
    while try !builder.step() {}
    let index = try XCTUnwrap(builder.index())
    try store.attach(index, builtAt: builder.stamp)
    return index
  }

  /// A demo fleet with what the facets must tell apart: names equal but for case (one run of
  /// the NOCASE order), NULL and mixed-case models, unknown supervision, devices that never
  /// checked in and check-ins equal across rings (the check-in sort's ties).
  private func awkwardFleet() throws -> (TemporaryStore, InventoryStore) {
    let (temp, store) = try TemporaryStore.demo(count: 900)
    try store.database.execute(
      """
      UPDATE devices SET name = CASE id % 3 WHEN 0 THEN 'Same' WHEN 1 THEN 'SAME' ELSE 'same' END
        WHERE id % 7 = 0;
      UPDATE devices SET model = NULL WHERE id % 11 = 0;
      UPDATE devices SET model = 'IPAD Pro' WHERE id % 13 = 0;
      UPDATE devices SET supervised = NULL WHERE id % 17 = 0;
      UPDATE devices SET last_checkin = NULL WHERE id % 19 = 0;
      UPDATE devices SET last_checkin = 1764000000 WHERE id % 23 = 0;
      """)
    return (temp, store)
  }

  func testFieldFilterPagesAndCountsEqualSQLUnderEverySortAtEveryOffset() throws {
    let (temp, store) = try awkwardFleet()
    let index = try indexed(store)
    XCTAssertNotNil(index.facets)
    XCTAssertEqual(index.nameOrder?.count, index.count)
    let reference = try temp.open(create: false, readOnly: true)
    let filters = [
      "ring:test", "state:current", "model:ipad", "-model:ipad", "supervised:unknown",
      "-supervised:yes", "platform:macos", "os:26", "os:26 ipad", "-ring:pilot mac",
      "ring:test os:16", "same state:current", "-same platform:ios", "removal:blocked",
      "model:pro -state:current", "ring:nosuchring",
    ]
    var inMemory = 0
    // Words beside field terms: walked along the name order, and (a budget of one device)
    // from the word's scan.
    // (A PostgreSQL store's index holds no words, so there the budget changes nothing.)
    let budgets =
      TestBackend.isPostgres ? [NameOrderWalk.minimumBudget] : [NameOrderWalk.minimumBudget, 1]
    for budget in budgets {
      try XCTUnwrap(store.textSearch).walkBudget = budget
      for text in filters {
        let filter = try DeviceFilter.parse(text)
        let total = try reference.countDevices(filter: filter, now: now)
        XCTAssertEqual(try store.countDevices(filter: filter, now: now), total, text)
        for column in DeviceSort.Column.allCases {
          for descending in [false, true] {
            let sort = DeviceSort(column, descending: descending)
            if column != .checkin,
              try store.pageFromFacets(filter, sort: sort, offset: 0, limit: 40) != nil
            {
              inMemory += 1
            }
            for offset in [0, 39, max(0, total - 1), total + 5] {
              XCTAssertEqual(
                try store.devices(filter: filter, sort: sort, offset: offset, limit: 40, now: now)
                  .map(\.id),
                try reference.devices(
                  filter: filter, sort: sort, offset: offset, limit: 40, now: now
                )
                .map(\.id),
                "\(text) by \(column) \(descending ? "desc" : "asc") from \(offset), budget \(budget)"
              )
            }
          }
        }
      }
    }
    // Every filter under every sort but check-in (`CheckinPage` picks), with either budget.
    // On PostgreSQL, whose index holds no text, a word's matches come from the server's
    // trigram index and the facets' models (`serverWordMatches`).
    XCTAssertEqual(inMemory, budgets.count * filters.count * 8 * 2)
  }

  func testWordsCountAndPageAsSQLDoesWhereverTheirMatchesComeFrom() throws {
    let (temp, store) = try awkwardFleet()
    _ = try indexed(store)
    let reference = try temp.open(create: false, readOnly: true)
    // Model words, name words in any case, serial and user fragments, words with no trigram
    // (left to SQL on PostgreSQL), LIKE's own characters, negations and words beside terms.
    let filters = [
      "ipad", "IPAD", "macbook", "same", "SaMe", "example", "user1", "zzz", "ip", "a-b", "50%",
      "_", "-ipad", "-same ring:test", "ipad os:26", "pro ipad", "same OR macbook",
    ]
    for text in filters {
      let filter = try DeviceFilter.parse(text)
      XCTAssertEqual(
        try store.countDevices(filter: filter, now: now),
        try reference.countDevices(filter: filter, now: now), text)
      for sort in [DeviceSort(.name), DeviceSort(.platform, descending: true), DeviceSort(.ring)] {
        XCTAssertEqual(
          try store.devices(filter: filter, sort: sort, offset: 3, limit: 40, now: now).map(\.id),
          try reference.devices(filter: filter, sort: sort, offset: 3, limit: 40, now: now)
            .map(\.id), "\(text) by \(sort.column)")
      }
    }
    if TestBackend.isPostgres {
      let search = try XCTUnwrap(store.textSearch)
      XCTAssertNotNil(try store.serverWordMatches("ipad", search: search))
      XCTAssertNotNil(
        try store.serverWordMatches("ip", search: search), "no trigram: the pair's code answers")
      XCTAssertNil(
        try store.serverWordMatches("a-b", search: search), "neither a trigram nor a pair")
    }
  }

  func testAWordOfHundredsOfMatchesAloneIsPagedAlongTheNameOrderAsSQLPagesIt() throws {
    let (temp, store) = try awkwardFleet()
    _ = try indexed(store)
    let reference = try temp.open(create: false, readOnly: true)
    // Every demo user is at example.com: more matches than a lookup by row id suits, fewer
    // than `serverWordLimit`. On PostgreSQL too the page now comes from the name order in
    // memory, the matches from the server (before, the server sorted every match by name).
    let filter = try DeviceFilter.parse("example")
    let total = try reference.countDevices(filter: filter, now: now)
    XCTAssertGreaterThan(total, try XCTUnwrap(store.textSearch).lookupLimit)
    XCTAssertNotNil(
      try store.namePageFromTextIndex(filter, sort: DeviceSort(.name), offset: 0, limit: 40))
    for descending in [false, true] {
      let sort = DeviceSort(.name, descending: descending)
      for offset in [0, 39, total / 2, max(0, total - 1), total + 5] {
        XCTAssertEqual(
          try store.devices(filter: filter, sort: sort, offset: offset, limit: 40, now: now)
            .map(\.id),
          try reference.devices(filter: filter, sort: sort, offset: offset, limit: 40, now: now)
            .map(\.id), "\(descending ? "desc" : "asc") from \(offset)")
      }
    }
  }

  func testAWordHasATrigramWithThreeASCIILettersOrDigitsInARow() {
    XCTAssertTrue(InventoryStore.hasTrigram("ipad"))
    XCTAssertTrue(InventoryStore.hasTrigram("a-123"))
    XCTAssertFalse(InventoryStore.hasTrigram("ip"))
    XCTAssertFalse(InventoryStore.hasTrigram("a-b-c"))
    XCTAssertFalse(InventoryStore.hasTrigram("%_%"))
    XCTAssertFalse(InventoryStore.hasTrigram("éé1"))
  }

  func testTheRingSortWithoutAFilterEqualsSQLAndIsAnsweredInMemoryOnPostgreSQL() throws {
    let (temp, store) = try awkwardFleet()
    _ = try indexed(store)
    let reference = try temp.open(create: false, readOnly: true)
    let total = try reference.countDevices(now: now)
    for descending in [false, true] {
      let sort = DeviceSort(.ring, descending: descending)
      XCTAssertEqual(
        try store.pageFromFacets(.all, sort: sort, offset: 0, limit: 40) != nil,
        TestBackend.isPostgres)
      for offset in [0, 39, 400, max(0, total - 1), total + 5] {
        XCTAssertEqual(
          try store.devices(sort: sort, offset: offset, limit: 40, now: now).map(\.id),
          try reference.devices(sort: sort, offset: offset, limit: 40, now: now).map(\.id),
          "ring \(descending ? "desc" : "asc") from \(offset)")
      }
    }
  }

  func testWordsAloneAndTermsFacetsDoNotHoldAreLeftToSQL() throws {
    let (_, store) = try TemporaryStore.demo(count: 200)
    _ = try indexed(store)
    for text in ["ipad", "stale:yes", "build:23A341", "source:demo", "ring:test stale:yes"] {
      XCTAssertNil(
        try store.pageFromFacets(
          try DeviceFilter.parse(text), sort: DeviceSort(.name), offset: 0, limit: 40), text)
    }
  }

  func testTheCheckinSortOfAFewDevicesIsPickedInMemoryAndOfMostOrADeepPageIsLeftToSQL() throws {
    let (temp, store) = try awkwardFleet()
    _ = try indexed(store)
    let reference = try temp.open(create: false, readOnly: true)
    let total = try reference.countDevices(now: now)
    let few = try DeviceFilter.parse("ring:test os:16")
    XCTAssertLessThanOrEqual(
      try reference.countDevices(filter: few, now: now) * CheckinPage.denseShare, total)
    for descending in [false, true] {
      let sort = DeviceSort(.checkin, descending: descending)
      XCTAssertNotNil(try store.pageFromFacets(few, sort: sort, offset: 0, limit: 40))
      XCTAssertNil(
        try store.pageFromFacets(few, sort: sort, offset: CheckinPage.maximumDepth, limit: 40),
        "a page ending deeper than the heap keeps")
      XCTAssertNil(
        try store.pageFromFacets(
          try DeviceFilter.parse("-ring:nosuchring"), sort: sort, offset: 0, limit: 40),
        "every device: the check-in index meets the page sooner")
    }
  }

  func testNameOrderContinuesARunOfEqualNamesAcrossSlices() throws {
    let (_, store) = try awkwardFleet()
    var ids: [Int64] = []
    try store.forEachDevice(sort: DeviceSort(.checkin)) { ids.append($0.id) }
    ids.sort()
    let reader = try NameOrderReader(database: store.database, capacity: ids.count)
    var steps = 0
    while try !reader.step(ids: ids, limit: 7) { steps += 1 }
    var expected: [Int64] = []
    try store.forEachDevice(sort: DeviceSort(.name)) { expected.append($0.id) }
    XCTAssertEqual(reader.order.map { ids[Int($0)] }, expected)
    XCTAssertGreaterThan(steps, expected.count / 7 - 1)
  }

  func testAChangeRetiresTheFacetsWithTheIndex() throws {
    let (_, store) = try TemporaryStore.demo(count: 100)
    _ = try indexed(store)
    let filter = try DeviceFilter.parse("ring:test")
    let before = try store.countDevices(filter: filter, now: now)
    try store.database.execute(
      "UPDATE devices SET model = 'Moved' WHERE id = 5")
    XCTAssertNil(try store.pageFromFacets(filter, sort: DeviceSort(.os), offset: 0, limit: 40))
    XCTAssertEqual(try store.countDevices(filter: filter, now: now), before)
    XCTAssertEqual(
      try store.countDevices(filter: try DeviceFilter.parse("model:moved ring:test"), now: now),
      try store.devices(filter: try DeviceFilter.parse("model:moved ring:test"), now: now).count)
  }
}
