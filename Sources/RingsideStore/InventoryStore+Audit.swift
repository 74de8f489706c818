import Foundation
import RingsideDomain

extension InventoryStore {
  /// Appends one audit entry. Call inside `write { }`, together with the change it records, so
  /// the change and its entry are stored together or not at all. Entries held for a dashboard
  /// session's run of keys (see `PendingStageAudit`) are appended first.
  public func appendAudit(
    action: AuditAction, detail: String, actor: AuditActor, at: Date,
    beforeHash: String? = nil, afterHash: String? = nil
  ) throws(StoreError) {
    try database.takeWritersTurn()
    try flushPendingAudits()
    try appendChainedAudit(
      action: action, detail: detail, actor: actor, at: at, beforeHash: beforeHash,
      afterHash: afterHash)
  }

  /// Appends one entry, linked to the newest by its hash. The caller holds the writers' turn
  /// (`appendAudit` takes it; a staging write holds it from its start).
  func appendChainedAudit(
    action: AuditAction, detail: String, actor: AuditActor, at: Date,
    beforeHash: String? = nil, afterHash: String? = nil
  ) throws(StoreError) {
    let previous = try database.scalar("SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1")?
      .string
    let fields = AuditChain.Fields(
      at: Int64(at.timeIntervalSince1970), user: actor.user, role: actor.role.rawValue,
      origin: actor.origin,
      action: action.rawValue, detail: detail, beforeHash: beforeHash, afterHash: afterHash)
    try database.prepare(
      """
      INSERT INTO audit_log(at, user_name, role, origin, action, detail, before_hash, after_hash, chain)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
      """
    ).run([
      .integer(fields.at), .text(actor.user), .text(actor.role.rawValue),
      .text(actor.origin), .text(action.rawValue), .text(detail),
      beforeHash.map { .text($0) } ?? .null, afterHash.map { .text($0) } ?? .null,
      .text(AuditChain.link(previous: previous, fields)),
    ])
    try database.prepare(
      """
      INSERT INTO meta(key, value) VALUES ('audit_head', ?1)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value
      """
    ).run([.text(AuditChain.link(previous: previous, fields))])
  }

  /// Recomputes the hash chain over the whole log; nil when intact, else the first entry
  /// whose content, order or predecessor does not match.
  public func auditChainProblem() throws(StoreError) -> (entries: Int, problem: String?) {
    typealias C = AuditRowColumn
    let stmt = try database.prepare("SELECT \(C.all) FROM audit_log ORDER BY id")
    try stmt.bind([])
    defer { stmt.reset() }
    var previous: String?
    var count = 0
    while try stmt.step() {
      count += 1
      let id = stmt.int(C.id) ?? 0
      let fields = AuditChain.Fields(
        at: stmt.int(C.at) ?? 0, user: stmt.string(C.user) ?? "", role: stmt.string(C.role) ?? "",
        origin: stmt.string(C.origin) ?? "", action: stmt.string(C.action) ?? "",
        detail: stmt.string(C.detail) ?? "", beforeHash: stmt.string(C.beforeHash),
        afterHash: stmt.string(C.afterHash))
      guard let chain = stmt.string(C.chain) else {
        if previous == nil { continue }  // entries from before the chain existed
        return (count, "entry #\(id) has no chain link: it was inserted around Ringside")
      }
      if chain != AuditChain.link(previous: previous, fields) {
        return (
          count,
          "entry #\(id) does not match its chain link: it, or an entry before it, was changed or removed"
        )
      }
      previous = chain
    }
    if let head = try database.scalar("SELECT value FROM meta WHERE key = 'audit_head'")?.string,
      head != previous
    {
      return (
        count, "the newest entries were removed (the log ends before the last recorded entry)"
      )
    }
    return (count, nil)
  }

  /// Audit entries, newest first.
  public func auditEntries(limit: Int = 200, offset: Int = 0) throws(StoreError) -> [AuditEntry] {
    typealias C = AuditRowColumn
    let stmt = try database.prepare(
      "SELECT \(C.list(C.entry)) FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2")
    return try stmt.query([.integer(Int64(limit)), .integer(Int64(offset))]) { row in
      AuditEntry(
        id: row.int(C.id) ?? 0, at: Date(timeIntervalSince1970: Double(row.int(C.at) ?? 0)),
        user: row.string(C.user) ?? "", role: row.string(C.role) ?? "",
        origin: row.string(C.origin) ?? "",
        action: AuditAction(rawValue: row.string(C.action) ?? ""),
        detail: row.string(C.detail) ?? "", beforeHash: row.string(C.beforeHash),
        afterHash: row.string(C.afterHash))
    }
  }

  /// How many entries the audit log holds.
  public func auditEntryCount() throws(StoreError) -> Int {
    Int(try database.scalar("SELECT COUNT(*) FROM audit_log")?.int ?? 0)
  }
}
