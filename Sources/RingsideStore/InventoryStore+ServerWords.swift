import Foundation
import RingsideDomain

extension InventoryStore {
  /// Most devices a word may match by name, serial or user for a PostgreSQL dashboard to take
  /// its matches into memory; past it SQL answers the word.
  static let serverWordLimit = 20_000

  /// The devices `word` matches, as positions in an index without text (PostgreSQL's): those
  /// whose model holds it, from the facets in memory, and those whose name, serial or user
  /// holds it, asked of the server, whose trigram index answers in a few milliseconds. So a
  /// word beside field terms (`os:27 ipad`) and a word's count are answered in memory as on
  /// SQLite, without the devices' text. A word of one or two characters is looked up in the
  /// devices' `WordGrams` codes instead. Nil when SQL answers instead: a word with neither
  /// (no three letters or digits in a row, and a character outside printable ASCII), or one
  /// more than `serverWordLimit` devices' names, serials or users hold.
  func serverWordMatches(_ word: String, search: TextSearch) throws(StoreError) -> TextMatches? {
    guard !search.index.holdsText, let table = search.index.facets else { return nil }
    let lookup: (sql: String, bindings: [SQLiteValue], coversModel: Bool)
    if Self.hasTrigram(word) {
      // The same comparison as every other word filter on PostgreSQL: ASCII letters alone
      // without case, as on SQLite.
      var bindings: [SQLiteValue] = []
      let holds = DeviceFilter.containsCondition(
        ["d.name", "d.serial", "d.user_name"], word, postgres: true
      ) {
        bindings.append($0)
        return "?\(bindings.count)"
      }
      lookup = (
        "SELECT id FROM devices d WHERE \(holds) LIMIT ?\(bindings.count + 1)", bindings, false
      )
    } else if let code = WordGrams.code(matching: word) {
      // A pair most devices hold (`1`, `o`) is left to SQL at once: its lookup would read
      // 20,000 devices before giving up (15 ms), and the sort's index meets a page of it soon.
      if try isCommon(code) { return nil }
      lookup = (
        "SELECT device_id FROM device_grams WHERE grams @> CAST(?1 AS smallint[]) LIMIT ?2",
        [.text(Self.arrayText([code]))], true
      )
    } else {
      return nil
    }
    let ids = search.index.ids
    let found = try database.prepare(lookup.sql).query(
      lookup.bindings + [.integer(Int64(Self.serverWordLimit + 1))]
    ) { $0.int(at: 0) ?? 0 }
    guard found.count <= Self.serverWordLimit else { return nil }
    var byText: [Int32] = []
    byText.reserveCapacity(found.count)
    for id in found {
      guard let ordinal = NameOrderReader.position(of: id, in: ids) else { return nil }
      byText.append(Int32(ordinal))
    }
    byText.sort()
    // The model as `model:` compares it: a substring, ASCII letters without case. The codes
    // cover it already, and most words name no model; then the server's answer is the whole
    // answer, without a pass over every device's facet code (5 ms at 1M devices).
    if lookup.coversModel {
      return TextMatches(ordinals: byText, complete: true, idsByOrdinal: ids)
    }
    let byModel = table.facets.map { Self.modelHolds(word, $0.model) }
    guard byModel.contains(true) else {
      return TextMatches(ordinals: byText, complete: true, idsByOrdinal: ids)
    }
    var byModelOrdinals: [Int32] = []
    table.codes.withUnsafeBufferPointer { codes in
      byModel.withUnsafeBufferPointer { holds in
        for i in 0..<codes.count where holds[Int(codes[i])] { byModelOrdinals.append(Int32(i)) }
      }
    }
    return TextMatches(
      ordinals: OrdinalSets.union(byText, byModelOrdinals), complete: true, idsByOrdinal: ids)
  }

  /// True when the server's statistics (`pg_stats`, which an import refreshes) say at least
  /// `commonGramShare` of the devices hold `code`: a walk along the sort's index meets a page
  /// of them within a few thousand devices, while a lookup would gather them all first (at 1M,
  /// 20,000 and more). Without statistics, false.
  func isCommon(_ code: Int16) throws(StoreError) -> Bool {
    guard let share = try gramShares()[code] else { return false }
    return share >= Self.commonGramShare
  }

  /// The share of devices from which a code counts as common: 2%, `serverWordLimit` at 1M.
  static let commonGramShare = 0.02

  /// The share of devices holding each of the most common `WordGrams` codes, from the server's
  /// statistics; read once per text index (kept with it), else each time (a CLI query). Empty
  /// without statistics.
  func gramShares() throws(StoreError) -> [Int16: Double] {
    let search = try currentTextSearch()
    if let known = search?.gramShares { return known }
    let rows = try database.prepare(
      """
      SELECT CAST(most_common_elems AS text), CAST(most_common_elem_freqs AS text) FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'device_grams' AND attname = 'grams'
      """
    ).query { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
    var shares: [Int16: Double] = [:]
    if let (codes, freqs) = rows.first {
      func numbers(_ text: String) -> [Substring] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",")
      }
      // The frequencies list three more numbers after the codes' (least, most, NULL share).
      for (code, share) in zip(numbers(codes), numbers(freqs)) {
        if let code = Int16(code), let share = Double(share) { shares[code] = share }
      }
    }
    search?.gramShares = shares
    return shares
  }

  /// True when `word` holds three ASCII letters or digits in a row, which `pg_trgm` can look up.
  static func hasTrigram(_ word: String) -> Bool {
    var run = 0
    for c in word.unicodeScalars {
      run = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) ? run + 1 : 0
      if run == 3 { return true }
    }
    return false
  }
}
