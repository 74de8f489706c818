import CSQLite
import Foundation
import RingsideDomain

/// A text index attached to one connection, the store state it describes, and the words it
/// matched lately (a page and its count ask for the same word).
final class TextSearch {
  let index: DeviceTextIndex
  let stamp: InventoryStore.ChangeStamp
  let sets = TextMatchSets()
  private var recent: [(word: String, limit: Int, matches: TextMatches)] = []
  /// For an index without text (PostgreSQL): a word's matches from the server and the facets
  /// (`InventoryStore.serverWordMatches`), nil when SQL should answer the word instead.
  var serverWords: ((String) -> TextMatches?)?
  /// For an index without text: the server's share of devices per common `WordGrams` code,
  /// once read (`InventoryStore.gramShares`).
  var gramShares: [Int16: Double]?

  init(index: DeviceTextIndex, stamp: InventoryStore.ChangeStamp) {
    self.index = index
    self.stamp = stamp
  }

  /// The word's matches, up to `limit`; remembered for the next query (a page and its
  /// count ask for the same word).
  func matches(_ word: String, limit: Int = .max) -> TextMatches? {
    if let known = recent.first(where: {
      $0.word == word && ($0.matches.complete || $0.limit >= limit)
    }) {
      return known.matches
    }
    let found =
      index.holdsText
      ? narrowedMatches(word, limit: limit) ?? index.matches(word, limit: limit)
      : serverWords?(word)
    guard let matches = found else { return nil }
    if recent.count == 4 { recent.removeFirst() }
    recent.append((word, limit, matches))
    return matches
  }

  /// Past this many devices, reading each remembered match costs more than scanning every
  /// device's text, whose bytes are read in order.
  static let narrowingLimit = 50_000

  /// The complete matches of a remembered word that `word` contains, the fewest there are,
  /// when few enough to read one by one: every device holding "qzx" holds "qz", so typing a
  /// word narrows the previous key's matches instead of scanning the fleet again.
  func narrowingBase(for word: String) -> TextMatches? {
    guard index.holdsText, let needle = DeviceTextIndex.needle(word) else { return nil }
    return recent.filter {
      $0.matches.complete && $0.matches.ordinals.count <= Self.narrowingLimit
        && DeviceTextIndex.needle($0.word).map { Self.contains(needle, $0) } == true
    }.min { $0.matches.ordinals.count < $1.matches.ordinals.count }?.matches
  }

  /// `word`'s matches found among `narrowingBase(for:)`'s, up to `limit`; nil without one.
  private func narrowedMatches(_ word: String, limit: Int) -> TextMatches? {
    guard let base = narrowingBase(for: word), let needle = DeviceTextIndex.needle(word)
    else { return nil }
    var found: [Int32] = []
    for o in base.ordinals where index.holds([needle], at: Int(o)) {
      if found.count == limit {
        return TextMatches(ordinals: found, complete: false, idsByOrdinal: index.ids)
      }
      found.append(o)
    }
    return TextMatches(ordinals: found, complete: true, idsByOrdinal: index.ids)
  }

  /// True when `part` occurs in `whole`.
  private static func contains(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
    guard part.count <= whole.count else { return false }
    return (0...(whole.count - part.count)).contains {
      whole[$0..<($0 + part.count)].elementsEqual(part)
    }
  }

  /// True when every one of `words` narrows a remembered word's matches: then their scan is
  /// cheap, and a walk along the name order (which tests devices far apart) is not worth it.
  func narrowsCheaply(_ words: [String]) -> Bool {
    !words.isEmpty && words.allSatisfy { narrowingBase(for: $0) != nil }
  }

  /// Up to this many matches, a word's devices are read by row id and sorted; past it, the
  /// name sort ranks them in memory and other sorts walk their index, skipping the others
  /// through the match bitset.
  var lookupLimit: Int { max(500, Int((2 * Double(index.count)).squareRoot())) }

  /// Past this many matches (a quarter of the fleet, typically a word of one or two letters)
  /// `LIKE` finds a page of them within a few hundred rows, sooner than collecting them all.
  var denseLimit: Int { max(1000, index.count / 4) }

  /// Devices a name-order walk tests at least before the word's scan answers instead
  /// (`NameOrderWalk`); tests lower it to reach the scan.
  var walkBudget = NameOrderWalk.minimumBudget

  /// A walk along the name order for the page at `offset`, when the index holds that order.
  func nameWalk(offset: Int, limit: Int) -> NameOrderWalk? {
    guard index.holdsText else { return nil }
    return index.nameOrder.map {
      NameOrderWalk(order: $0, offset: offset, limit: limit, minimum: walkBudget)
    }
  }
}

extension InventoryStore {
  /// What the store looked like to this connection: other connections' commits move
  /// `dataVersion`, this connection's own writes move `ownChanges`.
  public struct ChangeStamp: Sendable, Equatable {
    let dataVersion: Int64
    let ownChanges: Int64
  }

  /// This connection's view of the store now; equal stamps mean nothing changed in between.
  public func changeStamp() throws(StoreError) -> ChangeStamp {
    ChangeStamp(
      dataVersion: try dataVersion(),
      ownChanges: sqlite.map { Int64(sqlite3_total_changes($0.handle)) } ?? 0)
  }

  /// Lets this connection's device queries answer filter words (on SQLite) and field filters
  /// from `index`, for as long as the store is as it was at `stamp`; after any change they
  /// fall back to SQL.
  public func attach(_ index: DeviceTextIndex, builtAt stamp: ChangeStamp) throws(StoreError) {
    let search = TextSearch(index: index, stamp: stamp)
    if let sqlite {
      try sqlite.registerTextMatch(search.sets)
    } else if index.holdsText {
      throw StoreError(
        .other, "a PostgreSQL store's filter words are answered by the server, not in memory")
    } else {
      search.serverWords = { [unowned self, unowned search] word in
        try? serverWordMatches(word, search: search)
      }
    }
    textSearch = search
  }

  /// True when a text index is attached and the store has not changed since it was built.
  public func hasCurrentTextIndex() throws(StoreError) -> Bool {
    try currentTextSearch() != nil
  }

  /// The attached text index, when the store has not changed since it was built.
  func currentTextSearch() throws(StoreError) -> TextSearch? {
    guard let search = textSearch else { return nil }
    if try changeStamp() == search.stamp { return search }
    textSearch = nil
    return nil
  }

  /// The SQL condition for `filter`, its words answered from the text index when it is
  /// current; `walkSortIndex` as in `DeviceFilter.sqlCondition`.
  func condition(for filter: DeviceFilter, now: Date, walkSortIndex: Bool = false)
    throws(StoreError) -> SQLCondition
  {
    guard let search = try currentTextSearch() else {
      return deviceCondition(filter, now: now, walkSortIndex: walkSortIndex)
    }
    // PostgreSQL's server answers words itself (trigram index, `device_grams`); a few matches
    // of a short word the index gathered are named by row id (`deviceCondition`).
    guard sqlite != nil else {
      return deviceCondition(filter, now: now, walkSortIndex: walkSortIndex) { word in
        guard let matches = search.matches(word), matches.complete,
          matches.ordinals.count <= search.lookupLimit
        else { return nil }
        return matches.ids
      }
    }
    // SQLite: a large match set is a function of the connection's.
    search.sets.removeAll()
    return filter.sqlCondition(now: now, walkSortIndex: walkSortIndex) { word, bind in
      guard let matches = search.matches(word, limit: search.denseLimit), matches.complete
      else { return nil }
      let ids = matches.ids
      if ids.isEmpty { return "0" }
      if ids.count <= search.lookupLimit {
        return "d.id IN (SELECT value FROM json_each(\(bind(.text(Self.jsonArray(ids))))))"
      }
      return "\(TextMatchSets.functionName)(\(search.sets.add(ids)), d.id)"
    }
  }

  /// The SQL condition for `filter` without the text index: `DeviceFilter.sqlCondition`, except
  /// that on PostgreSQL a word of one or two printable ASCII characters is looked up in the
  /// devices' `WordGrams` codes (`pg_trgm` has no trigram in it to look up), unless most
  /// devices hold it; any other word (and `model:`) is compared as
  /// `DeviceFilter.containsCondition` writes it for PostgreSQL: ASCII letters alone without
  /// case, as on SQLite.
  ///
  /// `known` (asked only for such a word) gives the row ids it matches when the dashboard's
  /// index knows a few of them (`TextSearch.lookupLimit` at most); the condition then names
  /// them. The server's statistics cannot tell a rare pair from an absent one (either counts
  /// as 0.5% of the devices), so with a page's LIMIT its planner walks the sort's index
  /// testing every device (1.1 s at 1M).
  func deviceCondition(
    _ filter: DeviceFilter, now: Date, walkSortIndex: Bool = false,
    known: ((String) -> [Int64]?)? = nil
  ) -> SQLCondition {
    guard database.dialect == .postgres else {
      return filter.sqlCondition(now: now, walkSortIndex: walkSortIndex)
    }
    return filter.sqlCondition(now: now, walkSortIndex: walkSortIndex, postgres: true) {
      word, bind in
      guard let code = WordGrams.code(matching: word) else { return nil }
      if let ids = known?(word) {
        return "d.id = ANY(CAST(\(bind(.text(Self.arrayText(ids)))) AS bigint[]))"
      }
      // A common one stays with `containsCondition`: the sort's index meets a page of it
      // soon, where the lookup would gather all its devices first.
      if (try? self.isCommon(code)) == true { return nil }
      return """
        d.id IN (SELECT g.device_id FROM device_grams g
          WHERE g.grams @> CAST(\(bind(.text(Self.arrayText([code])))) AS smallint[]))
        """
    }
  }

  /// The ids of one page of a filter made only of words under the name sort, picked in memory
  /// from the names the text index holds, in page order. SQL would walk the name index and
  /// skip the others, which takes long when the matches sort after most devices. Nil when
  /// SQL answers: no current index, other terms or another sort, few matches (read by row id
  /// anyway), words most of the fleet contains, or a `-word`: what a word does not contain
  /// is most of the fleet, whose first page the name index finds sooner.
  ///
  /// On PostgreSQL the matches come from the server (`serverWordMatches`, row ids alone) and
  /// the page from the name order in memory, for a word matching more devices than a lookup
  /// by row id suits and at most `serverWordLimit`: the server's own page sorted every match
  /// by its folded name (`123` at 1M devices, 5,730 matches: 25-50 ms). A word more devices
  /// hold is left to the server, whose name index meets a page of it within a few rows.
  func namePageFromTextIndex(
    _ filter: DeviceFilter, sort: DeviceSort, offset: Int, limit: Int
  ) throws(StoreError) -> [Int64]? {
    guard sort.column == .name, offset >= 0, limit > 0, !filter.terms.contains(where: \.hasNot),
      let search = try currentTextSearch(), sqlite != nil || search.index.nameOrder != nil
    else { return nil }
    if let walk = search.nameWalk(offset: offset, limit: limit),
      let words = Self.topLevelWords(filter.terms), !words.needles.isEmpty, words.others.isEmpty,
      !search.narrowsCheaply(words.words),
      let page = walk.page(
        offset: offset, limit: limit, descending: sort.descending,
        where: { search.index.holds(words.needles, at: $0) })
    {
      return page.map { search.index.ids[Int($0)] }
    }
    guard let ordinals = wordMatches(filter, in: search, limit: search.denseLimit),
      ordinals.count > search.lookupLimit,
      sqlite != nil || ordinals.count <= Self.serverWordLimit
    else { return nil }
    if let order = search.index.nameOrder {
      // The first matches met walking the name order: a page of a common word is met within
      // a few hundred devices, without ranking all its matches.
      var matched = [Bool](repeating: false, count: search.index.count)
      for o in ordinals { matched[Int(o)] = true }
      var page: [Int64] = []
      var skipped = 0
      for step in 0..<order.count {
        if page.count == limit { break }
        let o = Int(order[sort.descending ? order.count - 1 - step : step])
        guard matched[o] else { continue }
        if skipped < offset {
          skipped += 1
        } else {
          page.append(search.index.ids[o])
        }
      }
      return page
    }
    let (wanted, overflow) = offset.addingReportingOverflow(limit)
    let first = search.index.firstByName(
      ordinals, descending: sort.descending, count: overflow ? ordinals.count : wanted)
    return offset < first.count ? Array(first[offset...]) : []
  }

  /// The filter's top-level words as the text index compares them, and its other terms; nil
  /// when a word cannot be searched in the index.
  static func topLevelWords(_ terms: [DeviceFilter.Term])
    -> (words: [String], needles: [[UInt8]], others: [DeviceFilter.Term])?
  {
    var words: [String] = []
    var needles: [[UInt8]] = []
    var others: [DeviceFilter.Term] = []
    for term in terms {
      guard case .text(let word) = term else {
        others.append(term)
        continue
      }
      guard let needle = DeviceTextIndex.needle(word) else { return nil }
      words.append(word)
      needles.append(needle)
    }
    return (words, needles, others)
  }

  /// The number of devices a filter of words only selects, counted in memory; nil when the
  /// filter has other terms or no current text index answers it.
  func countFromTextIndex(_ filter: DeviceFilter) throws(StoreError) -> Int? {
    guard let search = try currentTextSearch() else { return nil }
    return wordMatches(filter, in: search, limit: .max)?.count
  }

  /// The index positions of the devices a filter made only of words selects (words joined
  /// by AND, OR and `-`, in any grouping); nil when the filter has other terms, or a word
  /// matches more than `limit`.
  private func wordMatches(_ filter: DeviceFilter, in search: TextSearch, limit: Int) -> [Int32]? {
    guard !filter.terms.isEmpty else { return nil }
    return Self.wordMatches(.and(filter.terms), in: search, limit: limit)
  }

  /// The index positions of the devices `term` selects, when it is words only (a `-word`
  /// is every indexed device the word does not match).
  static func wordMatches(_ term: DeviceFilter.Term, in search: TextSearch, limit: Int)
    -> [Int32]?
  {
    switch term {
    case .text(let word):
      guard let matches = search.matches(word, limit: limit), matches.complete else { return nil }
      return matches.ordinals
    case .and(let terms), .or(let terms):
      let isOr = if case .or = term { true } else { false }
      var result: [Int32]?
      for inner in terms {
        guard let next = wordMatches(inner, in: search, limit: limit) else { return nil }
        result =
          result.map { isOr ? OrdinalSets.union($0, next) : OrdinalSets.intersection($0, next) }
          ?? next
      }
      return result
    case .not(let inner):
      guard let matched = wordMatches(inner, in: search, limit: limit) else { return nil }
      return OrdinalSets.complement(matched, count: search.index.count)
    default:
      return nil
    }
  }

  /// Row ids as a JSON array, for `json_each`: one bound text instead of a parameter per id.
  static func jsonArray(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
  }

  /// Numbers (row ids, `WordGrams` codes) as a PostgreSQL array literal (`{1,2}`), for
  /// `CAST(? AS bigint[])` or `smallint[]`.
  static func arrayText<Number: BinaryInteger>(_ numbers: [Number]) -> String {
    "{" + numbers.map(String.init).joined(separator: ",") + "}"
  }

  /// Texts as a JSON array of strings, for `json_each`.
  static func jsonArray(_ texts: [String]) -> String {
    "[" + texts.map { JSONString.quoted($0) }.joined(separator: ",") + "]"
  }
}

extension DeviceFilter.Term {
  /// True when a `-` negates this term or a part of it.
  fileprivate var hasNot: Bool {
    switch self {
    case .not: true
    case .or(let terms), .and(let terms): terms.contains(where: \.hasNot)
    default: false
    }
  }
}
