import Foundation

extension InventoryStore {
  /// Appends one audit entry. Call inside `write { }`, together with the change it records, so
  /// the change and its entry are stored together or not at all.
  public func appendAudit(
    action: String, detail: String, actor: AuditActor, at: Date,
    beforeHash: String? = nil, afterHash: String? = nil
  ) throws(StoreError) {
    try database.prepare(
      """
      INSERT INTO audit_log(at, user_name, role, origin, action, detail, before_hash, after_hash)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
      """
    ).run([
      .integer(Int64(at.timeIntervalSince1970)), .text(actor.user), .text(actor.role),
      .text(actor.origin), .text(action), .text(detail),
      beforeHash.map { .text($0) } ?? .null, afterHash.map { .text($0) } ?? .null,
    ])
  }

  /// Audit entries, newest first.
  public func auditEntries(limit: Int = 200, offset: Int = 0) throws(StoreError) -> [AuditEntry] {
    let stmt = try database.prepare(
      """
      SELECT id, at, user_name, role, origin, action, detail, before_hash, after_hash
      FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2
      """)
    return try stmt.query([.integer(Int64(limit)), .integer(Int64(offset))]) { row in
      AuditEntry(
        id: row.int(at: 0) ?? 0, at: Date(timeIntervalSince1970: Double(row.int(at: 1) ?? 0)),
        user: row.string(at: 2) ?? "", role: row.string(at: 3) ?? "",
        origin: row.string(at: 4) ?? "", action: row.string(at: 5) ?? "",
        detail: row.string(at: 6) ?? "", beforeHash: row.string(at: 7),
        afterHash: row.string(at: 8))
    }
  }

  /// How many entries the audit log holds.
  public func auditEntryCount() throws(StoreError) -> Int {
    Int(try database.scalar("SELECT COUNT(*) FROM audit_log")?.int ?? 0)
  }
}
