import Foundation
import RingsideDomain

extension InventoryStore {
  func catalogOverrides() throws(StoreError) -> [CatalogRelease] {
    // The table's columns are named as the CSV's: the select list is the header, so each
    // column lands under its own name.
    let columns = CatalogCSV.header.split(separator: ",")
    let stmt = try database.prepare(
      "SELECT \(columns.joined(separator: ", ")) FROM catalog_overrides ORDER BY id")
    let rows = try stmt.query { row in
      columns.indices.map {
        (row.string(at: Int32($0)) ?? "").replacingOccurrences(of: ",", with: ";")
      }.joined(separator: ",")
    }
    do {
      return try CatalogCSV.parse(
        ([CatalogCSV.header] + rows).joined(separator: "\n"), file: "\(path) (catalog_overrides)")
    } catch {
      throw StoreError(.corrupt, error.description)
    }
  }

  /// Stores releases read from a feed, then recomputes every device's state against the
  /// updated catalog, all in one transaction. Returns how many releases were new or changed.
  @discardableResult
  public func importCatalog(_ releases: [CatalogRelease], asOf: String? = nil) throws(StoreError)
    -> Int
  {
    // A release is new when neither the catalog nor an earlier feed held it as read: the
    // catalog holds what the sources agreed on (a date re-stamped by Apple kept as first
    // posted, a note of the disagreement), which a feed read again never equals, so each
    // daily import stored every such release once more and called it changed.
    let known = Set(try catalog().releases).union(try catalogOverrides())
    let fresh = releases.filter { !known.contains($0) }
    try write {
      let insert = try database.prepare(
        """
        INSERT INTO catalog_overrides(family, version, letter, build, prerequisite_build, released,
          status, replaced_by, superseded_by, source, imported_at, expires, devices, notes)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
        """)
      let now = Int64(Date().timeIntervalSince1970)
      for r in fresh {
        func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
        try insert.run([
          .text(r.family.rawValue), .text(r.version.description), text(r.letter.map(String.init)),
          text(r.build?.text), text(r.prerequisiteBuild?.text), text(r.released),
          .text(r.status.rawValue), text(r.replacedBy.map(String.init)),
          text(r.supersededBy?.description),
          .text(r.source.replacingOccurrences(of: ",", with: ";")),
          .integer(now), text(r.expires), text(r.devices.isAll ? nil : r.devices.text),
          text(r.notes.isEmpty ? nil : r.notes.replacingOccurrences(of: ",", with: ";")),
        ])
      }
      // A feed dated after today (a wrong clock, a hostile file) would silence the catalog-age
      // alarm for good, the newest date winning: it counts as today's, and a future date kept
      // from before gives way.
      let stored = try catalogAsOf() ?? ""
      if let asOf = asOf.map({ Swift.min($0, today) }), asOf > stored || stored > today {
        try database.prepare(
          "INSERT INTO meta(key, value) VALUES ('catalog_as_of', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ).run([.text(asOf)])
      }
      invalidateCatalog()
      try refreshAllStates()
    }
    return fresh.count
  }
}

extension InventoryStore {
  /// The day of the newest feed imported into this store, if any.
  func catalogAsOf() throws(StoreError) -> String? {
    try database.scalar("SELECT value FROM meta WHERE key = 'catalog_as_of'")?.string
  }

  /// The day the stored states were derived on, when a catalog signing window closed since
  /// then; "" when they were derived under older rules (`StateAssessor.rules`) or never were.
  /// nil when they hold, or were derived today under today's rules.
  public func statesOutdatedSince() throws(StoreError) -> String? {
    let rules = try database.scalar("SELECT value FROM meta WHERE key = 'states_rules'")?.string
    guard rules == StateAssessor.rules else { return "" }
    let day = today
    let last = try database.scalar("SELECT value FROM meta WHERE key = 'states_day'")?.string
    if last == day { return nil }
    guard let last else { return "" }
    let catalog = try catalog()
    let crossed = catalog.releases.contains {
      ($0.expires ?? "") >= last && ($0.expires ?? "") < day
    }
    return crossed ? last : nil
  }

  /// Derives every device's state again when the day moved past a catalog signing window
  /// since the states were last derived, or they were derived under older rules (a newer
  /// Ringside opening a store), so an expired BSI stops counting as installable on the day
  /// after it expires and a corrected rule reaches every device. Cheap otherwise.
  public func refreshStatesIfTheDayChanged() throws(StoreError) {
    guard !isReadOnly else { return }
    let day = today
    let last = try database.scalar("SELECT value FROM meta WHERE key = 'states_day'")?.string
    let outdated = try statesOutdatedSince() != nil
    if last == day && !outdated { return }
    try write {
      if outdated { try refreshAllStates() }
      try recordStatesDerived()
    }
  }

  /// Notes that every state holds for `today` under the current rules.
  func recordStatesDerived() throws(StoreError) {
    let upsert = try database.prepare(
      "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )
    try upsert.run([.text("states_day"), .text(today)])
    try upsert.run([.text("states_rules"), .text(StateAssessor.rules)])
  }
}
