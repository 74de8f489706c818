import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

final class TextIndexTests: XCTestCase {
  let now = TemporaryStore.now

  private func indexed(_ store: InventoryStore) throws -> DeviceTextIndex {
    let builder = try DeviceTextIndexBuilder(store: store)
    var steps = 0
    while try !builder.step() { steps += 1 }
    let index = try XCTUnwrap(builder.index())
    try store.attach(index, builtAt: builder.stamp)
    return index
  }

  /// What the filter selects through SQL `LIKE` alone, on a second connection without an index.
  private func plain(_ temp: TemporaryStore) throws -> InventoryStore {
    try temp.open(create: false, readOnly: true)
  }

  func testIndexedFilterSelectsExactlyWhatLikeSelects() throws {
    let (temp, store) = try TemporaryStore.demo()
    let index = try indexed(store)
    XCTAssertEqual(index.count, 2000)
    XCTAssertTrue(try store.hasCurrentTextIndex())
    let reference = try plain(temp)
    let words = [
      "ipad", "IPAD", "RS-", "rs-mac", "example.com", "MacBook", "0042", "é", "zzzz-none",
      "100%", "a_b", "iphone ring:test", "ipad -state:current", "-ipad", "RS- mac", "s", "\u{1F}",
    ]
    for text in words {
      let filter = try DeviceFilter.parse(text)
      for sort in [
        DeviceSort(.name), DeviceSort(.name, descending: true),
        DeviceSort(.checkin, descending: true), DeviceSort(.ring),
      ] {
        let fast = try store.devices(filter: filter, sort: sort, offset: 0, limit: 5000, now: now)
        let slow = try reference.devices(
          filter: filter, sort: sort, offset: 0, limit: 5000, now: now)
        XCTAssertEqual(fast.map(\.id), slow.map(\.id), "\(text) sorted by \(sort.column)")
      }
      XCTAssertEqual(
        try store.countDevices(filter: filter, now: now),
        try reference.countDevices(filter: filter, now: now), text)
    }
  }

  func testEachWayOfAnsweringAWordIsExercised() throws {
    let (_, store) = try TemporaryStore.demo()
    let index = try indexed(store)
    let search = try XCTUnwrap(store.textSearch)
    func sql(_ word: String) throws -> String {
      try store.condition(for: try DeviceFilter.parse(word), now: now).sql
    }
    // Most of the fleet: left to LIKE, which fills a page within a few rows.
    XCTAssertGreaterThan(try XCTUnwrap(index.matches("rs-")?.ids).count, search.denseLimit)
    XCTAssertTrue(try sql("rs-").contains("LIKE"))
    // Hundreds: the sort index is walked, skipping others through the bitset.
    let middle = try XCTUnwrap(index.matches("rs-mac")?.ids).count
    XCTAssertGreaterThan(middle, search.lookupLimit)
    XCTAssertLessThanOrEqual(middle, search.denseLimit)
    XCTAssertTrue(try sql("rs-mac").contains(TextMatchSets.functionName))
    // A few: read by row id.
    let few = try XCTUnwrap(index.matches("rs-mac-0001")?.ids).count
    XCTAssertGreaterThan(few, 0)
    XCTAssertLessThanOrEqual(few, search.lookupLimit)
    XCTAssertTrue(try sql("rs-mac-0001").contains("json_each"))
    // None: nothing to read.
    XCTAssertEqual(try sql("zzzz-none"), "0")
  }

  func testNamePagesPickedInMemoryMatchSQLAtEveryOffset() throws {
    let (temp, store) = try TemporaryStore.demo()
    _ = try indexed(store)
    let reference = try plain(temp)
    var pickedInMemory = 0
    // The walk along the name order answers within its budget; a budget of one device makes
    // every page but the emptiest fall back to the word's scan.
    for budget in [NameOrderWalk.minimumBudget, 1] {
      try XCTUnwrap(store.textSearch).walkBudget = budget
      for word in ["rs-mac", "mac", "book", "example", "rs- ipad", "rs-", "zzzz-none"] {
        let filter = try DeviceFilter.parse(word)
        for descending in [false, true] {
          let sort = DeviceSort(.name, descending: descending)
          if try store.namePageFromTextIndex(filter, sort: sort, offset: 0, limit: 40) != nil {
            pickedInMemory += 1
          }
          let total = try reference.countDevices(filter: filter, now: now)
          for offset in [0, 1, 39, 40, 333, total - 40, total - 1, total, total + 5] {
            XCTAssertEqual(
              try store.devicePage(
                filter: filter, sort: sort, offset: offset, limit: 40, total: total, now: now
              ).map(\.id),
              try reference.devices(filter: filter, sort: sort, offset: offset, limit: 40, now: now)
                .map(\.id),
              "\(word) at offset \(offset), descending \(descending), budget \(budget)")
          }
        }
      }
    }
    XCTAssertGreaterThanOrEqual(pickedInMemory, 2)
  }

  func testTypingAWordNarrowsThePreviousKeysMatchesToWhatAScanFinds() throws {
    let (_, store) = try TemporaryStore.demo()
    let index = try indexed(store)
    let search = try XCTUnwrap(store.textSearch)
    for typed in ["rs-mac-00", "IPAD", "mac 🍎", "qzx"] {
      for end in 1...typed.count {
        let word = String(typed.prefix(end))
        let base = search.narrowingBase(for: word)
        XCTAssertEqual(search.matches(word), try XCTUnwrap(index.matches(word)), word)
        if let base {
          XCTAssertLessThanOrEqual(
            try XCTUnwrap(search.matches(word)).ordinals.count, base.ordinals.count)
        }
      }
    }
    XCTAssertEqual(
      try XCTUnwrap(search.matches("rs-mac-0", limit: 3)),
      try XCTUnwrap(index.matches("rs-mac-0", limit: 3)))
    // A remembered word the new one contains, in any case, narrows it; others do not.
    _ = search.matches("RS-MAC-00")
    XCTAssertNotNil(search.narrowingBase(for: "rs-mac-001"))
    XCTAssertNil(search.narrowingBase(for: "zz-other"))
    XCTAssertTrue(search.narrowsCheaply(["rs-mac-001"]))
    XCTAssertFalse(search.narrowsCheaply(["rs-mac-001", "zz-other"]))
  }

  func testACommonWordStopsAtTheLimitAndIsLeftToLike() throws {
    let (_, store) = try TemporaryStore.demo()
    let index = try indexed(store)
    let capped = try XCTUnwrap(index.matches("rs-", limit: 10))
    XCTAssertFalse(capped.complete)
    XCTAssertEqual(capped.ids, Array(try XCTUnwrap(index.matches("rs-")?.ids).prefix(10)))
    XCTAssertTrue(try XCTUnwrap(index.matches("rs-", limit: 2000)).complete)
  }

  func testUntrustedTextCannotReachAcrossFields() throws {
    let (temp, store) = try TemporaryStore.demo(count: 20)
    let writer = try temp.open()
    try writer.database.execute(
      "UPDATE devices SET name = 'a' || char(31) || 'b' || char(30) || 'c', serial = 'XY' WHERE id = 1"
    )
    let index = try indexed(store)
    XCTAssertEqual(index.matches("\u{1F}b"), nil)
    XCTAssertEqual(index.matches("cxy")?.ids, [])
    XCTAssertEqual(
      index.matches("b")?.ids,
      try plain(temp).devices(filter: DeviceFilter.parse("b"), limit: 100, now: now).map(\.id)
        .sorted())
  }

  func testAChangeByAnotherSessionRetiresTheIndex() throws {
    let (temp, store) = try TemporaryStore.demo(count: 50)
    _ = try indexed(store)
    let filter = try DeviceFilter.parse("brand-new-device")
    XCTAssertEqual(try store.countDevices(filter: filter, now: now), 0)
    let other = try temp.open()
    try other.database.execute("UPDATE devices SET name = 'brand-new-device' WHERE id = 7")
    XCTAssertFalse(try store.hasCurrentTextIndex())
    XCTAssertEqual(try store.countDevices(filter: filter, now: now), 1)
    XCTAssertEqual(try store.devices(filter: filter, now: now).map(\.id), [7])
  }

  func testAChangeOnTheSameConnectionRetiresTheIndex() throws {
    let (_, store) = try TemporaryStore.demo(count: 50)
    _ = try indexed(store)
    try store.database.execute("UPDATE devices SET name = 'renamed-here' WHERE id = 3")
    XCTAssertFalse(try store.hasCurrentTextIndex())
    XCTAssertEqual(
      try store.devices(filter: try DeviceFilter.parse("renamed-here"), now: now).map(\.id), [3])
  }

  func testBuilderReadsInSlices() throws {
    let (_, store) = try TemporaryStore.demo(count: DeviceTextIndexBuilder.sliceSize + 5)
    let builder = try DeviceTextIndexBuilder(store: store)
    // Two slices of text, then two of the name order.
    for _ in 0..<3 {
      XCTAssertFalse(try builder.step())
      XCTAssertNil(builder.index())
    }
    XCTAssertTrue(try builder.step())
    XCTAssertEqual(builder.index()?.count, DeviceTextIndexBuilder.sliceSize + 5)
    XCTAssertEqual(builder.index()?.nameOrder?.count, DeviceTextIndexBuilder.sliceSize + 5)
  }
}
