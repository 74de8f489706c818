import CSQLite

/// The devices each filter word of the running query matched, as bitsets over row ids that
/// the SQL function `ringside_text_match(term, id)` probes. SQLite calls it on index entries
/// before reading a row, so walking a sort index past non-matching devices costs little.
final class TextMatchSets {
  static let functionName = "ringside_text_match"
  private var sets: [[UInt64]] = []

  /// Forgets the previous query's words.
  func removeAll() { sets.removeAll(keepingCapacity: true) }

  /// Adds the ids one word matched; returns the term number to pass to the SQL function.
  func add(_ ids: [Int64]) -> Int {
    var bits = [UInt64](repeating: 0, count: Int((ids.last ?? 0) >> 6) + 1)
    for id in ids where id >= 0 { bits[Int(id >> 6)] |= 1 << UInt64(id & 63) }
    sets.append(bits)
    return sets.count - 1
  }

  func contains(term: Int, id: Int64) -> Bool {
    guard term >= 0, term < sets.count, id >= 0 else { return false }
    let word = Int(id >> 6)
    let bits = sets[term]
    return word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
  }
}

extension SQLiteDatabase {
  /// Makes `ringside_text_match(term, id)` answer from `sets` on this connection only; it
  /// cannot be used from triggers or views.
  func registerTextMatch(_ sets: TextMatchSets) throws(StoreError) {
    let rc = sqlite3_create_function_v2(
      handle, TextMatchSets.functionName, 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
      Unmanaged.passUnretained(sets).toOpaque(),
      { context, _, arguments in
        guard let context, let arguments, let data = sqlite3_user_data(context) else { return }
        let sets = Unmanaged<TextMatchSets>.fromOpaque(data).takeUnretainedValue()
        let term = Int(sqlite3_value_int64(arguments[0]))
        let id = sqlite3_value_int64(arguments[1])
        sqlite3_result_int(context, sets.contains(term: term, id: id) ? 1 : 0)
      }, nil, nil, nil)
    if rc != SQLITE_OK {
      throw error(
        rc,
        "cannot register \(TextMatchSets.functionName): \(String(cString: sqlite3_errmsg(handle)))")
    }
  }
}
