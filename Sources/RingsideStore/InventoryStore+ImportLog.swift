import Foundation

extension InventoryStore {
  /// The audit action of an import that stored its records.
  public static let importAction = AuditAction.importInventory

  /// Records one import in the audit log: `detail` names its inputs, formats and counts. Call
  /// inside the import's transaction, so the records and the entry are stored together; an
  /// import that stores nothing leaves no entry.
  public func logImport(detail: String, actor: AuditActor, at: Date) throws(StoreError) {
    try appendAudit(action: Self.importAction, detail: detail, actor: actor, at: at)
  }

  /// When the newest import that stored its records ran; nil when none has.
  public func newestImport() throws(StoreError) -> Date? {
    guard
      let at = try database.scalar(
        "SELECT max(at) FROM audit_log WHERE action = ?1", [.text(Self.importAction.rawValue)])?.int
    else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(at))
  }
}
