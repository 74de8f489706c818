import Foundation

extension InventoryStore {
  /// Runs one import in one write transaction: everything it stores, or nothing. A bulk import
  /// checks no foreign key row by row (1M devices: 0.7 s saved): every device, ring and link id
  /// it writes is one it just read or inserted in this transaction. (SQLite takes that setting
  /// only outside a transaction, so it is set here, around it. PostgreSQL checks them.)
  ///
  /// On PostgreSQL the import holds the devices' turn alone until its audit entry
  /// (`WriteKind.devices`): admins go on staging changes while it runs, and only another
  /// import, or a write to devices, rings or policies, waits for it.
  public func importing<T>(bulk: Bool, _ body: () throws -> T) throws -> T {
    let relaxKeys = bulk && sqlite != nil
    if relaxKeys { try database.execute("PRAGMA foreign_keys=OFF") }
    defer { if relaxKeys { try? database.execute("PRAGMA foreign_keys=ON") } }
    return try database.transaction(as: .devices, body)
  }
}
