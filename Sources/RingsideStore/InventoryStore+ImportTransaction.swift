import Foundation

extension InventoryStore {
  /// Runs one import in one write transaction: everything it stores, or nothing. A bulk import
  /// checks no foreign key row by row (1M devices: 0.7 s saved): every device, ring and link id
  /// it writes is one it just read or inserted in this transaction. (SQLite takes that setting
  /// only outside a transaction, so it is set here, around it. PostgreSQL checks them.)
  public func importing<T>(bulk: Bool, _ body: () throws -> T) throws -> T {
    let relaxKeys = bulk && sqlite != nil
    if relaxKeys { try database.execute("PRAGMA foreign_keys=OFF") }
    defer { if relaxKeys { try? database.execute("PRAGMA foreign_keys=ON") } }
    return try database.transaction(body)
  }
}
