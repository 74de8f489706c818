/// Reads the Devices view's name order (names without case, as SQLite's NOCASE, then row
/// id) from `devices_by_name` a slice at a time, as positions in the text index's id-ordered
/// devices, so a page of a filter under the name sort is the first matches met walking it.
final class NameOrderReader {
  private let first: any StoreStatement
  private let same: any StoreStatement
  private let after: any StoreStatement
  /// True when `same` continues from the last name and id in one query (PostgreSQL).
  private let keyset: Bool
  private var lastName: String?
  private var lastID: Int64 = 0
  private(set) var order: [Int32] = []

  init(database: any StoreConnection, capacity: Int) throws(StoreError) {
    order.reserveCapacity(capacity)
    if database.dialect == .postgres {
      // One keyset query from the last name and id read, which `devices_by_name` answers in
      // order (the SQLite form's `ORDER BY id` for the rest of a run would read the whole
      // table there).
      let next = try database.prepare(
        """
        SELECT id, name FROM devices
        WHERE (ringside_nocase(name) COLLATE "C", id) > (ringside_nocase(?1) COLLATE "C", ?2)
        ORDER BY ringside_nocase(name) COLLATE "C", id LIMIT ?3
        """)
      first = try database.prepare(
        "SELECT id, name FROM devices ORDER BY ringside_nocase(name) COLLATE \"C\", id LIMIT ?1")
      same = next
      after = next
      keyset = true
      return
    }
    keyset = false
    first = try database.prepare(
      "SELECT id, name FROM devices ORDER BY name COLLATE NOCASE, id LIMIT ?1")
    // The rest of the last name's run, then the names after it.
    same = try database.prepare(
      "SELECT id, name FROM devices WHERE name = ?1 COLLATE NOCASE AND id > ?2 ORDER BY id LIMIT ?3"
    )
    after = try database.prepare(
      """
      SELECT id, name FROM devices WHERE name > ?1 COLLATE NOCASE
      ORDER BY name COLLATE NOCASE, id LIMIT ?2
      """)
  }

  /// Reads up to `limit` more devices, placing each by its id in `ids` (ascending); true once
  /// every device is read.
  func step(ids: [Int64], limit: Int) throws(StoreError) -> Bool {
    var taken = 0
    func read(_ stmt: any StoreStatement, _ values: [SQLiteValue]) throws(StoreError) {
      try stmt.bind(values)
      defer { stmt.reset() }
      while try stmt.step() {
        let id = stmt.int(at: 0) ?? 0
        lastID = id
        lastName = stmt.string(at: 1)
        taken += 1
        if let ordinal = Self.position(of: id, in: ids) { order.append(Int32(ordinal)) }
      }
    }
    guard let name = lastName else {
      try read(first, [.integer(Int64(limit))])
      return taken < limit
    }
    try read(same, [.text(name), .integer(lastID), .integer(Int64(limit))])
    if taken == limit || keyset { return taken < limit }
    try read(after, [.text(name), .integer(Int64(limit - taken))])
    return taken < limit
  }

  /// The index of `id` in the ascending `ids`.
  static func position(of id: Int64, in ids: [Int64]) -> Int? {
    var low = 0
    var high = ids.count
    while low < high {
      let mid = (low + high) / 2
      if ids[mid] < id { low = mid + 1 } else { high = mid }
    }
    return low < ids.count && ids[low] == id ? low : nil
  }
}
