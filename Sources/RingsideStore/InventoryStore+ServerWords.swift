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
  /// SQLite, without the devices' text. Nil when SQL answers instead: a word without three
  /// letters or digits in a row (no trigram to look up; the server would read every device), or
  /// one more than `serverWordLimit` devices' names, serials or users hold.
  func serverWordMatches(_ word: String, search: TextSearch) throws(StoreError) -> TextMatches? {
    guard !search.index.holdsText, let table = search.index.facets,
      Self.hasTrigram(word)
    else { return nil }
    let ids = search.index.ids
    let found = try database.prepare(
      """
      SELECT id FROM devices d WHERE d.name LIKE ?1 ESCAPE '\\' OR d.serial LIKE ?1 ESCAPE '\\'
        OR d.user_name LIKE ?1 ESCAPE '\\' LIMIT ?2
      """
    ).query([
      .text(DeviceFilter.likePattern(containing: word)), .integer(Int64(Self.serverWordLimit + 1)),
    ]) { $0.int(at: 0) ?? 0 }
    guard found.count <= Self.serverWordLimit else { return nil }
    var byText: [Int32] = []
    byText.reserveCapacity(found.count)
    for id in found {
      guard let ordinal = NameOrderReader.position(of: id, in: ids) else { return nil }
      byText.append(Int32(ordinal))
    }
    byText.sort()
    // The model as `model:` compares it: a substring, ASCII letters without case. Most words
    // name no model; then the server's answer is the whole answer, without a pass over every
    // device's facet code (5 ms at 1M devices).
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
