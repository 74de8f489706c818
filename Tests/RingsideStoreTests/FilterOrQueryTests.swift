import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Filters with `OR` and parentheses select, page and count exactly the devices a term by
/// term evaluation in memory selects, on every path the store takes: kept counts, group
/// plans, the sort index walk, the text index and plain SQL.
final class FilterOrQueryTests: XCTestCase {
  nonisolated(unsafe) static let shared: (TemporaryStore, InventoryStore, [DeviceRecord]) = {
    let (temp, store) = TemporaryStore.sharedDemo()
    let all = try! store.devices(offset: 0, limit: 10_000, now: TemporaryStore.now)
    return (temp, store, all)
  }()
  var store: InventoryStore { Self.shared.1 }
  var all: [DeviceRecord] { Self.shared.2 }
  let now = TemporaryStore.now

  let sorts = [
    DeviceSort(), DeviceSort(.os, descending: true), DeviceSort(.ring), DeviceSort(.state),
    DeviceSort(.checkin, descending: true),
  ]

  private func assertMatchesBruteForce(
    _ text: String, on store: InventoryStore, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Int {
    let filter = try DeviceFilter.parse(text)
    let expected = Set(all.filter { BruteForceFilter.holds(filter, $0, now: now) }.map(\.id))
    XCTAssertEqual(
      try store.countDevices(filter: filter, now: now), expected.count, text, file: file,
      line: line)
    XCTAssertEqual(
      try store.summary(filter: filter, now: now).devices, expected.count, text, file: file,
      line: line)
    for sort in sorts {
      let page = try store.devices(filter: filter, sort: sort, offset: 0, limit: 5000, now: now)
      XCTAssertEqual(
        Set(page.map(\.id)), expected, "\(text) sorted by \(sort)", file: file, line: line)
      XCTAssertEqual(
        page.count, expected.count, "\(text) sorted by \(sort)", file: file, line: line)
    }
    var streamed = Set<Int64>()
    try store.forEachDevice(filter: filter, now: now) { streamed.insert($0.id) }
    XCTAssertEqual(streamed, expected, text, file: file, line: line)
    return expected.count
  }

  static let orFilters = [
    "ring:test OR ring:production", "ring:test OR platform:macos",
    "(os:26.3.1 OR os:26.4) platform:macos", "(os:16 OR os:18) -state:current",
    "state:pulled-rsr OR removal:not-enforced", "ring:test state:pending OR state:rsr-removed",
    "-(ring:test OR platform:ios)", "(ring:test OR RS-MAC) supervised:no",
    "RS-IPH OR RS-MAC", "ipad OR stale:yes", "(model:macbook OR model:ipad) ring:test",
    "os:\"16.5.1 (a)\" OR os:\"16.5.1 (c)\"",
    "(ring:test (platform:ios OR platform:ipados)) OR (ring:production platform:macos -state:current)",
    "-(ipad OR mac) -(state:current)", "source:intune OR supervised:unknown",
    "((state:current OR state:os-update-first) (removal:blocked OR removal:allowed))",
  ]

  func testOrFiltersSelectWhatTermByTermEvaluationSelects() throws {
    var nonEmpty = 0
    for text in Self.orFilters where try assertMatchesBruteForce(text, on: store) > 0 {
      nonEmpty += 1
    }
    // The filters are worth testing only if most of them select some devices, not all.
    XCTAssertGreaterThan(nonEmpty, Self.orFilters.count - 3)
  }

  func testSerialListsSelectWhatTermByTermEvaluationSelects() throws {
    let serials = all.compactMap(\.device.serial).prefix(3)
    XCTAssertEqual(serials.count, 3)
    let list = "serial:" + serials.map { $0.lowercased() }.joined(separator: ",")
    XCTAssertEqual(try assertMatchesBruteForce(list, on: store), 3)
    XCTAssertEqual(try assertMatchesBruteForce(list + " OR ring:test", on: store) > 3, true)
  }

  func testOrFiltersAgreeWithTheTextIndexAttached() throws {
    try TestBackend.requireSQLite("the in-memory word index")
    let (temp, indexedStore) = try TemporaryStore.demo()
    let builder = try DeviceTextIndexBuilder(store: indexedStore)
    while try !builder.step() {}
    try indexedStore.attach(XCTUnwrap(builder.index()), builtAt: builder.stamp)
    XCTAssertTrue(try indexedStore.hasCurrentTextIndex())
    let wordsOnly = [
      "ipad OR mac", "RS-IPH OR zzzz", "-(ipad OR mac)", "ipad -mac", "(ipad OR mac) -book",
      "-ipad", "(RS-IPH -00) OR (mac -RS)", "s OR e",
    ]
    for text in Self.orFilters + wordsOnly + ["(ipad OR s) ring:test"] {
      _ = try assertMatchesBruteForce(text, on: indexedStore)
    }
    // Words joined by AND, OR and `-` are counted from the index in memory, not by SQL.
    for text in wordsOnly {
      XCTAssertNotNil(
        try indexedStore.countFromTextIndex(DeviceFilter.parse(text)), "\(text) went to SQL")
    }
    XCTAssertNil(try indexedStore.countFromTextIndex(DeviceFilter.parse("ipad OR ring:test")))
    withExtendedLifetime(temp) {}
  }

  func testRandomFiltersWithOrAndParenthesesMatchBruteForce() throws {
    let atoms = [
      "ring:test", "ring:production", "platform:ios", "platform:macos", "platform:ipados",
      "os:16", "os:26", "os:16.5.1", "state:current", "state:pending", "state:pulled-rsr",
      "removal:blocked", "removal:not-enforced", "supervised:yes", "supervised:no", "stale:yes",
      "ipad", "RS-MAC", "mac", "source:intune", "model:macbook", "os:\"16.5.1 (c)\"",
    ]
    var rng = SplitMix(seed: 16)
    func expression(_ depth: Int) -> String {
      var parts: [String] = []
      for _ in 0...rng.next(2) {
        var part =
          depth < 2 && rng.next(3) == 0
          ? "(" + expression(depth + 1) + ")" : atoms[rng.next(atoms.count - 1)]
        if rng.next(4) == 0 { part = "-" + part }
        parts.append(part)
        if rng.next(2) == 0 { parts.append("OR") }
      }
      if parts.last == "OR" { parts.removeLast() }
      return parts.joined(separator: " ")
    }
    for _ in 0..<60 { _ = try assertMatchesBruteForce(expression(0), on: store) }
  }

  func testAnOrOfKeptCountTermsIsCountedFromKeptCounts() throws {
    let filter = try DeviceFilter.parse("(ring:test OR platform:macos) -state:current")
    XCTAssertNotNil(try store.countFromFleetGroups(filter))
    let mixed = try DeviceFilter.parse("ring:test OR ipad")
    XCTAssertNil(try store.countFromFleetGroups(mixed), "a word needs the devices themselves")
  }

  /// A thousand terms, joined by OR or by AND, would nest past SQLite's limit of 1,000
  /// as a chain; they must still run, and quickly. No device holds a `~`, so the words
  /// match nothing and the brute force is the ring term alone.
  func testAThousandAlternativesStayWithinSQLiteExpressionDepth() throws {
    // PostgreSQL answers it, but 1000 ILIKE terms take 15-22 s on the demo fleet there.
    try TestBackend.requireSQLite("SQLite's expression depth and its time bound")
    XCTAssertFalse(
      all.contains {
        [$0.device.name, $0.device.serial, $0.device.userName, $0.device.model].contains {
          $0?.contains("~") == true
        }
      })
    let words = (0..<999).map { "z~\($0)" }
    let ored = try DeviceFilter.parse("ring:test OR " + words.joined(separator: " OR "))
    let anded = try DeviceFilter.parse((0..<1000).map { "-z~\($0)" }.joined(separator: " "))
    let tests = all.filter { $0.device.ring == "test" }.count
    XCTAssertGreaterThan(tests, 0)
    for (filter, expected) in [(ored, tests), (anded, all.count)] {
      let start = Date()
      XCTAssertEqual(try store.countDevices(filter: filter, now: now), expected)
      XCTAssertEqual(
        try store.devices(filter: filter, offset: 0, limit: 5000, now: now).count, expected)
      XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
  }
}

/// A small deterministic random source, so a failing filter can be found again.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  /// A number from 0 through `upTo`.
  mutating func next(_ upTo: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(upTo + 1))
  }
}

/// The set operations behind words joined by AND, OR and `-` in the text index.
final class OrdinalSetsTests: XCTestCase {
  func testUnionIntersectionAndComplementOfAscendingPositions() {
    XCTAssertEqual(OrdinalSets.union([1, 3, 5], [2, 3, 9]), [1, 2, 3, 5, 9])
    XCTAssertEqual(OrdinalSets.union([], [4]), [4])
    XCTAssertEqual(OrdinalSets.intersection([1, 3, 5], [2, 3, 5, 9]), [3, 5])
    XCTAssertEqual(OrdinalSets.complement([0, 2, 3], count: 6), [1, 4, 5])
    XCTAssertEqual(OrdinalSets.complement([], count: 3), [0, 1, 2])
    XCTAssertEqual(OrdinalSets.complement([0, 1, 2], count: 3), [])
  }
}
