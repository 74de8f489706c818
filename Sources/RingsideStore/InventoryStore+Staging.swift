import Foundation
import RingsideDomain

extension InventoryStore {
  /// Stages `change` for ring `name`. A value equal to the applied one drops the staged change
  /// instead; a value for a setting already staged replaces it (the outcome says whose).
  /// Another admin's different staged value is never replaced silently: without
  /// `replacingOthers` that is a `.conflict` error naming them and their value.
  @discardableResult
  public func stagePolicy(
    _ change: PolicyChange, ring name: String, by actor: AuditActor, at now: Date = Date(),
    replacingOthers: Bool = false
  ) throws(StoreError) -> StageOutcome {
    try stagePolicy([change], ring: name, by: actor, at: now, replacingOthers: replacingOthers)[0]
  }

  /// Stages several settings of one ring at once: all of them, or none when one is invalid.
  @discardableResult
  public func stagePolicy(
    _ changes: [PolicyChange], ring name: String, by actor: AuditActor, at now: Date = Date(),
    replacingOthers: Bool = false
  ) throws(StoreError) -> [StageOutcome] {
    try write(.staging) {
      guard let ringID = try ringID(named: name) else { throw try unknownRing(name) }
      return try changes.map { change throws(StoreError) in
        try stageOne(
          change, ring: name, ringID: ringID, by: actor, at: now, replacingOthers: replacingOthers)
      }
    }
  }

  private func stageOne(
    _ change: PolicyChange, ring name: String, ringID: Int64, by actor: AuditActor, at now: Date,
    replacingOthers: Bool, session: String? = nil
  ) throws(StoreError) -> StageOutcome {
    let applied = try appliedPolicy(ringID: ringID)
    let previous = try stagedPolicyChanges(ringID: ringID).first { $0.policyField == change.field }
    var theirs: StagingRule.Staged?
    if let previous, case .policy(_, let value) = previous.kind {
      theirs = StagingRule.Staged(author: previous.author, value: value)
    }
    let current: PolicyChange
    switch StagingRule.decide(
      change, applied: applied, staged: theirs, by: actor.user, replacingOthers: replacingOthers)
    {
    case .invalid(let reason):
      throw StoreError(.constraint, "ring \(name): \(reason)")
    case .conflict(let staged):
      throw StoreError(
        .conflict,
        "ring \(name): \(staged.author) staged \(change.field.title) \(staged.value.text) at \(UTCTimestamp.iso(Int64((previous?.stagedAt ?? now).timeIntervalSince1970))); nothing was changed. Replace their value on purpose (--replace, or the same key again in the dashboard), or leave it"
      )
    case .revert:
      if let previous {
        try database.prepare("DELETE FROM staged_changes WHERE id = ?1").run([
          .integer(previous.id)
        ])
      }
      let appliedValue = change.field.value(in: applied)
      if let session {
        try holdStageAudit(
          session: session, ring: name, field: change.field, actor: actor, at: now,
          previous: previous, staged: nil, appliedText: appliedValue.text)
      } else if let previous {
        try appendAudit(
          action: .stagePolicy,
          detail:
            "ring \(name): \(change.field.title) back to \(change.text); dropped \(previous.summary) (staged by \(previous.author))",
          actor: actor, at: now)
      }
      return .reverted(dropped: previous)
    case .stage(let old, _, _):
      if let previous {
        try database.prepare("DELETE FROM staged_changes WHERE id = ?1").run([
          .integer(previous.id)
        ])
      }
      current = old
    }
    try database.prepare(
      """
      INSERT INTO staged_changes(kind, ring_id, setting, old_value, new_value, author, created_at)
      VALUES ('policy', ?1, ?2, ?3, ?4, ?5, ?6)
      """
    ).run([
      .integer(ringID), .text(change.field.rawValue), .text(current.text), .text(change.text),
      .text(actor.user), .integer(Int64(now.timeIntervalSince1970)),
    ])
    let staged = StagedChange(
      id: database.lastInsertRowID, ring: name, kind: .policy(old: current, new: change),
      author: actor.user,
      stagedAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)))
    if let session {
      try holdStageAudit(
        session: session, ring: name, field: change.field, actor: actor, at: now,
        previous: previous, staged: staged, appliedText: current.text)
    } else {
      try appendAudit(action: .stagePolicy, detail: staged.summary, actor: actor, at: now)
    }
    return .staged(staged, replaced: previous)
  }

  /// Applies a Rings-view key to the ring's staged policy (cycle a setting, step the deferral).
  /// With a `session` (the dashboard's), consecutive keys on the same setting of the same ring
  /// by the same user become one audit entry with the final value (see `PendingStageAudit`).
  @discardableResult
  public func stagePolicy(
    _ step: PolicyStep, ring name: String, by actor: AuditActor, at now: Date = Date(),
    replacingOthers: Bool = false, session: String? = nil
  ) throws(StoreError) -> StageOutcome {
    try write(.staging) {
      guard let ringID = try ringID(named: name),
        let ring = try effectiveRings().first(where: { $0.name == name })
      else { throw try unknownRing(name) }
      return try stageOne(
        step.change(from: ring.policy), ring: name, ringID: ringID, by: actor, at: now,
        replacingOthers: replacingOthers, session: session)
    }
  }

  /// Stages moving the devices with these row ids to ring `name`. Devices already there drop
  /// any staged move of theirs.
  @discardableResult
  public func stageMove(
    deviceIDs: [Int64], toRing name: String, by actor: AuditActor, at now: Date = Date()
  ) throws(StoreError) -> MoveOutcome {
    try write(.staging) {
      guard let target = try ringID(named: name) else { throw try unknownRing(name) }
      let current = try database.prepare("SELECT ring_id FROM devices WHERE id = ?1")
      let drop = try database.prepare(
        "DELETE FROM staged_changes WHERE kind = 'move' AND device_id = ?1")
      let insert = try database.prepare(
        """
        INSERT INTO staged_changes(kind, ring_id, device_id, old_value, new_value, author, created_at)
        VALUES ('move', ?1, ?2, (SELECT name FROM rings WHERE id = ?3), ?4, ?5, ?6)
        """)
      var staged = 0
      var unchanged = 0
      for id in deviceIDs {
        guard let ringID = try current.query([.integer(id)], { $0.int(at: 0) }).first ?? nil else {
          throw StoreError(
            .notFound, "no device with row id \(id); it may have been removed, refresh and retry")
        }
        try drop.run([.integer(id)])
        if ringID == target {
          unchanged += 1
          continue
        }
        try insert.run([
          .integer(target), .integer(id), .integer(ringID), .text(name), .text(actor.user),
          .integer(Int64(now.timeIntervalSince1970)),
        ])
        staged += 1
      }
      try appendAudit(
        action: .stageMove,
        detail: "\(staged) device(s) staged to move to ring \(name)"
          + (unchanged > 0 ? ", \(unchanged) already there" : ""),
        actor: actor, at: now)
      return MoveOutcome(staged: staged, unchanged: unchanged)
    }
  }

  /// Stages moving the devices with these serials (or device keys) to ring `name`; every serial
  /// must name exactly one device, or nothing is staged.
  @discardableResult
  public func stageMove(
    serials: [String], toRing name: String, by actor: AuditActor, at now: Date = Date()
  ) throws(StoreError) -> MoveOutcome {
    let lookup = try database.prepare(
      "SELECT id FROM devices WHERE device_key = upper(?1) OR serial = upper(?1) ORDER BY id")
    var ids: [Int64] = []
    var missing: [String] = []
    var ambiguous: [String] = []
    for serial in serials {
      let found = try lookup.query([.text(serial.trimmed)]) { $0.int(at: 0) ?? 0 }
      switch found.count {
      case 0: missing.append(Sanitized.text(serial, limit: 40))
      case 1: ids.append(found[0])
      default: ambiguous.append(Sanitized.text(serial, limit: 40))
      }
    }
    if !missing.isEmpty {
      throw StoreError(
        .notFound,
        "no device with serial \(missing.joined(separator: ", ")); nothing was staged (check the serials with `ringside devices` or the Devices view)"
      )
    }
    if !ambiguous.isEmpty {
      throw StoreError(
        .constraint,
        "serial \(ambiguous.joined(separator: ", ")) matches several devices; nothing was staged")
    }
    return try stageMove(deviceIDs: ids, toRing: name, by: actor, at: now)
  }

  /// Stages moving every device `filter` selects to ring `name`: the Devices view's
  /// "all matching the filter".
  @discardableResult
  public func stageMove(
    matching filter: DeviceFilter, toRing name: String, by actor: AuditActor, at now: Date = Date()
  ) throws(StoreError) -> MoveOutcome {
    let condition = deviceCondition(filter, now: now)
    let ids = try database.prepare(
      "SELECT d.id FROM devices d JOIN rings r ON r.id = d.ring_id WHERE \(condition.sql)"
    ).query(condition.bindings) { $0.int(at: 0) ?? 0 }
    return try stageMove(deviceIDs: ids, toRing: name, by: actor, at: now)
  }

  /// Drops the staged changes with these ids (the Staged view's `u`); returns how many existed.
  @discardableResult
  public func discardStaged(ids: [Int64], by actor: AuditActor, at now: Date = Date())
    throws(StoreError) -> Int
  {
    try write(.staging) {
      let summaries = try stagedChanges().filter { ids.contains($0.id) }.map(\.summary)
      let delete = try database.prepare("DELETE FROM staged_changes WHERE id = ?1")
      for id in ids { try delete.run([.integer(id)]) }
      if !summaries.isEmpty {
        try appendAudit(
          action: .discard, detail: "dropped " + summaries.joined(separator: "; "), actor: actor,
          at: now)
      }
      return summaries.count
    }
  }

  /// Drops every staged change; returns how many there were.
  @discardableResult
  public func discardAllStaged(by actor: AuditActor, at now: Date = Date()) throws(StoreError)
    -> Int
  {
    try write(.staging) {
      let count = Int(try database.scalar("SELECT COUNT(*) FROM staged_changes")?.int ?? 0)
      guard count > 0 else { return 0 }
      try database.execute("DELETE FROM staged_changes")
      try appendAudit(
        action: .discard, detail: "dropped all \(count) staged change(s)", actor: actor, at: now)
      return count
    }
  }

  func unknownRing(_ name: String) throws(StoreError) -> StoreError {
    let names = try rings().map(\.name).joined(separator: ", ")
    return StoreError(
      .notFound, "no ring named \(Sanitized.text(name, limit: 40)); the rings are: \(names)")
  }

  func appliedPolicy(ringID: Int64) throws(StoreError) -> RingPolicy {
    let rows = try database.prepare(
      """
      SELECT \(RingRowColumn.all)
      FROM rings r JOIN policies p ON p.ring_id = r.id WHERE r.id = ?1
      """
    ).query([.integer(ringID)]) { row in RingRowColumn.policy(row) }
    return (rows.first ?? nil) ?? .unset
  }
}
