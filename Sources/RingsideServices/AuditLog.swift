import Foundation
import RingsideDomain
import RingsideStore

/// Reading and checking the audit log: the use case behind `ringside audit` (and `--verify`)
/// and the dashboard's Audit view.
public enum AuditLog {
  /// One page of entries, newest first, and how many the log holds.
  public struct Page: Sendable {
    public let entries: [AuditEntry]
    public let total: Int
  }

  /// What checking the log found.
  public struct Verification: Sendable {
    /// Entries in the chain.
    public let entries: Int
    /// The first problem (a broken chain, then what the witness and the anchor saw); nil
    /// when the log is intact.
    public let problem: String?
  }

  /// The newest `limit` entries after skipping `offset`.
  public static func newest(_ store: InventoryStore, limit: Int, offset: Int = 0)
    throws(StoreError) -> [AuditEntry]
  {
    try store.auditEntries(limit: limit, offset: offset)
  }

  /// A page of entries with the log's size, for a view that pages through it.
  public static func page(_ store: InventoryStore, limit: Int, offset: Int) throws(StoreError)
    -> Page
  {
    Page(
      entries: try newest(store, limit: limit, offset: offset), total: try store.auditEntryCount())
  }

  /// Recomputes the hash chain and checks it against `witness` (the entries this user saw)
  /// and the shared store's anchor file.
  public static func verify(_ store: InventoryStore, witness: AuditWitness) throws(StoreError)
    -> Verification
  {
    let (entries, problem) = try store.auditChainProblem()
    let witnessed = try witness.problems(in: store) + AuditAnchor.problems(in: store)
    return Verification(entries: entries, problem: problem ?? witnessed.first)
  }
}
