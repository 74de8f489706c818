import Foundation
import RingsideDomain

/// A dashboard session's run of keys on one setting of one ring (`+` seven times), held as one
/// audit entry that is not yet in the log: each key rewrites it with the value now staged, and
/// it is appended, once, with the final value, when the run ends. The audit log itself stays
/// append-only: the held entry lives in `meta`, beside the staged change it describes, and is
/// written in the same transaction as that change, so a crash keeps both.
struct PendingStageAudit: Codable, Equatable {
  var ring: String
  var setting: String
  var user: String
  var role: String
  var origin: String
  /// The entry's text for the value staged now; nil when the run is back at the applied value
  /// and nothing was dropped, so there is nothing to record.
  var detail: String?
  /// Unix time of the run's last key.
  var at: Int64
  /// The staged change the run replaced or dropped when it began ("… (staged by bob)").
  var dropped: String?
}

extension InventoryStore {
  static let pendingAuditPrefix = "audit_pending:"

  private func pendingKey(_ session: String) -> String {
    Self.pendingAuditPrefix + String(session.prefix(100))
  }

  func pendingStageAudit(session: String) throws(StoreError) -> PendingStageAudit? {
    guard
      let text = try database.prepare("SELECT value FROM meta WHERE key = ?1")
        .query([.text(pendingKey(session))], { $0.string(at: 0) }).first ?? nil
    else { return nil }
    return try? JSONDecoder().decode(PendingStageAudit.self, from: Data(text.utf8))
  }

  /// Records one key of a session's run on `change`'s setting: continues the session's held
  /// entry when it is for the same ring, setting and user, else appends the held one and starts
  /// another. `previous` is the staged change the key replaced; `staged` the one it left (nil
  /// when the value went back to the applied one).
  func holdStageAudit(
    session: String, ring: String, field: PolicyField, actor: AuditActor, at now: Date,
    previous: StagedChange?, staged: StagedChange?, appliedText: String
  ) throws(StoreError) {
    var held = try pendingStageAudit(session: session)
    if let current = held,
      current.ring != ring || current.setting != field.rawValue || current.user != actor.user
    {
      try flushPendingAudits(session: session)
      held = nil
    }
    var entry =
      held
      ?? PendingStageAudit(
        ring: ring, setting: field.rawValue, user: actor.user, role: actor.role.rawValue,
        origin: actor.origin, detail: nil, at: 0,
        dropped: previous.map { "\($0.summary) (staged by \($0.author))" })
    entry.at = Int64(now.timeIntervalSince1970)
    if let staged {
      entry.detail = staged.summary
    } else if let dropped = entry.dropped {
      entry.detail = "ring \(ring): \(field.title) back to \(appliedText); dropped \(dropped)"
    } else {
      entry.detail = nil
    }
    let json = String(decoding: (try? JSONEncoder().encode(entry)) ?? Data(), as: UTF8.self)
    try database.prepare(
      """
      INSERT INTO meta(key, value) VALUES (?1, ?2)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value
      """
    ).run([.text(pendingKey(session)), .text(json)])
  }

  /// Appends the held entries (of one session, or of every session when nil) to the audit log
  /// and forgets them. Runs before every other audit entry is appended, so the log keeps the
  /// order in which things were staged, applied and dropped.
  func flushPendingAudits(session: String? = nil) throws(StoreError) {
    let rows = try database.prepare(
      """
      SELECT key, value FROM meta WHERE key >= ?1 AND key < ?2 AND (?3 IS NULL OR key = ?3)
      ORDER BY key
      """
    ).query(
      [
        .text(Self.pendingAuditPrefix), .text(Self.pendingAuditPrefix + "\u{10FFFF}"),
        session.map { .text(pendingKey($0)) } ?? .null,
      ], { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") })
    guard !rows.isEmpty else { return }
    let entries = rows.compactMap { _, value in
      try? JSONDecoder().decode(PendingStageAudit.self, from: Data(value.utf8))
    }.sorted { $0.at < $1.at }
    let forget = try database.prepare("DELETE FROM meta WHERE key = ?1")
    for (key, _) in rows { try forget.run([.text(key)]) }
    for entry in entries {
      guard let detail = entry.detail else { continue }
      try appendChainedAudit(
        action: .stagePolicy, detail: detail,
        actor: AuditActor(
          user: entry.user, role: Role(rawValue: entry.role) ?? .admin, origin: entry.origin),
        at: Date(timeIntervalSince1970: Double(entry.at)))
    }
  }

  /// Ends a dashboard session's run of keys: its held entry goes into the audit log now (at
  /// quit, or when the user opens the audit log). A session that holds none writes nothing,
  /// so quitting never waits for another writer's turn (an import's, up to the busy timeout).
  public func flushPendingAudit(session: String) throws(StoreError) {
    guard try pendingStageAudit(session: session) != nil else { return }
    try write(.staging) { try flushPendingAudits(session: session) }
  }
}
