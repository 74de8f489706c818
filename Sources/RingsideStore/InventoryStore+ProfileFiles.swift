import Foundation
import RingsideDomain

extension InventoryStore {
  /// The rings with their staged policies and the staged changes behind them, in one read.
  public func stagingSnapshot() throws(StoreError) -> StagingSnapshot {
    try reading { () throws(StoreError) in
      let rows = try stagedRowKeys()
      let policies = try stagedPolicyChanges()
      var snapshot = StagingSnapshot(
        rings: try effectiveRings(), policyChanges: policies,
        moveCount: rows.count - policies.count,
        keys: Dictionary(rows, uniquingKeysWith: { first, _ in first }))
      (snapshot.moves, snapshot.movedRings) = try stagedMoveTargets()
      return snapshot
    }
  }

  /// Runs `body` in one deferred (read) transaction, so its queries see one state of the store.
  func reading<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try database.execute("BEGIN")
    do {
      let result = try body()
      try database.execute("COMMIT")
      return result
    } catch {
      try? database.execute("ROLLBACK")
      throw error
    }
  }

  /// Every staged row's id with the key of its content.
  private func stagedRowKeys() throws(StoreError) -> [(Int64, StagedRowKey)] {
    try database.prepare("SELECT \(StagedRowKey.Column.all) FROM staged_changes").query { row in
      (row.int(StagedRowKey.Column.id) ?? 0, StagedRowKey(row))
    }
  }

  /// For each file name Ringside wrote in `directory`: the hash it wrote, and the hash it was
  /// about to write when a run was interrupted.
  public func profileFileHashes(directory: String) throws(StoreError) -> [String: Set<String>] {
    let rows = try database.prepare(
      "SELECT name, sha256, pending_sha256 FROM profile_files WHERE directory = ?1"
    ).query([.text(directory)]) { row in
      (row.string(at: 0) ?? "", Set([row.string(at: 1), row.string(at: 2)].compactMap { $0 }))
    }
    return Dictionary(rows, uniquingKeysWith: { $0.union($1) })
  }

  /// The names of the files Ringside has written in any folder (an interrupted write's
  /// included), sorted.
  public func writtenProfileFileNames() throws(StoreError) -> [String] {
    try database.prepare(
      "SELECT DISTINCT name FROM profile_files WHERE sha256 IS NOT NULL OR pending_sha256 IS NOT NULL ORDER BY name"
    ).query { $0.string(at: 0) ?? "" }
  }

  /// Records the hashes about to be written, before any file is touched. The first step of an
  /// apply, so it takes the turns the apply's commit needs (on PostgreSQL it waits for an
  /// import, as the commit would): an apply that cannot finish fails before it writes a file.
  public func recordProfileIntent(directory: String, hashes: [String: String]) throws(StoreError) {
    try write {
      let upsert = try database.prepare(
        """
        INSERT INTO profile_files(directory, name, pending_sha256) VALUES (?1, ?2, ?3)
        ON CONFLICT(directory, name) DO UPDATE SET pending_sha256 = excluded.pending_sha256
        """)
      for (name, hash) in hashes.sorted(by: { $0.key < $1.key }) {
        try upsert.run([.text(directory), .text(name), .text(hash)])
      }
    }
  }

  /// After every file is in place: applies the snapshot's staged changes that are still staged,
  /// records the written hashes, clears those staged changes and audits all of it, in one
  /// transaction.
  @discardableResult
  public func commitStagedApply(
    _ snapshot: StagingSnapshot, directory: String, organization: String,
    files: [ProfileFileWrite], by actor: AuditActor, at now: Date = Date()
  ) throws(StoreError) -> AppliedStaging {
    try write {
      let current = try stagedChanges()
      let rows = try stagedRowKeys()
      let applicable = Set(rows.filter { snapshot.keys[$0.0] == $0.1 }.map(\.0))
      let changes = current.filter { applicable.contains($0.id) }

      let policies = try applyPolicies(changes, snapshot: snapshot, actor: actor, at: now)
      let moves = try applyMoves(changes, actor: actor, at: now)
      let delete = try database.prepare("DELETE FROM staged_changes WHERE id = ?1")
      for id in applicable.sorted() { try delete.run([.integer(id)]) }
      let finished = try finishInterrupted(files, directory: directory, actor: actor, at: now)
      let written = try recordFiles(
        files, directory: directory, organization: organization, actor: actor, at: now)
      try appendAudit(
        action: .apply,
        detail:
          "applied \(policies) policy change(s) and \(moves) ring move(s); \(written) file(s) changed in \(directory) (organisation \(organization))",
        actor: actor, at: now)
      var result = AppliedStaging(policyChanges: policies, moves: moves, filesChanged: written)
      result.filesFinished = finished
      return result
    }
  }

  /// Files this apply found already new on disk because an earlier apply was killed after
  /// writing them (their hash is the one it meant to write and never committed): audited here,
  /// so every profile Ringside put in the folder has its entry. Call before `recordFiles`.
  private func finishInterrupted(
    _ files: [ProfileFileWrite], directory: String, actor: AuditActor, at now: Date
  ) throws(StoreError) -> [String] {
    let pending = try database.prepare(
      """
      SELECT name, sha256 FROM profile_files
      WHERE directory = ?1 AND pending_sha256 IS NOT NULL AND pending_sha256 IS NOT sha256
        AND name = ?2 AND pending_sha256 = ?3
      """)
    var finished: [String] = []
    for file in files where file.action == .unchanged {
      guard let after = file.afterSHA256 else { continue }
      let rows = try pending.query([.text(directory), .text(file.name), .text(after)]) {
        $0.string(at: 1)
      }
      guard let row = rows.first else { continue }
      finished.append(file.name)
      try appendAudit(
        action: .writeProfile,
        detail: "finished \(directory)/\(file.name): written by an apply that was interrupted",
        actor: actor, at: now, beforeHash: row, afterHash: after)
    }
    return finished
  }

  private func applyPolicies(
    _ changes: [StagedChange], snapshot: StagingSnapshot, actor: AuditActor, at now: Date
  ) throws(StoreError) -> Int {
    let policyChanges = changes.filter { $0.policyField != nil }
    for name in Set(policyChanges.map(\.ring)) {
      guard let ring = snapshot.rings.first(where: { $0.name == name }) else { continue }
      try setPolicy(ring.policy, forRing: name)
    }
    for change in policyChanges {
      try appendAudit(
        action: .applyPolicy, detail: change.summary + " (staged by \(change.author))",
        actor: actor, at: now)
    }
    return policyChanges.count
  }

  private func applyMoves(_ changes: [StagedChange], actor: AuditActor, at now: Date)
    throws(StoreError) -> Int
  {
    var groups: [String: [String: [StagedDevice]]] = [:]
    for change in changes {
      if case .move(let device, let from) = change.kind {
        groups[change.ring, default: [:]][from, default: []].append(device)
      }
    }
    let move = try database.prepare("UPDATE devices SET ring_id = ?1 WHERE id = ?2")
    var total = 0
    for (target, sources) in groups.sorted(by: { $0.key < $1.key }) {
      guard let targetID = try ringID(named: target) else { continue }
      for (from, devices) in sources.sorted(by: { $0.key < $1.key }) {
        for device in devices { try move.run([.integer(targetID), .integer(device.id)]) }
        total += devices.count
        let shown = devices.prefix(20).map { $0.serial ?? $0.key }.joined(separator: ", ")
        let more = devices.count > 20 ? " and \(devices.count - 20) more" : ""
        try appendAudit(
          action: .applyMove,
          detail:
            "moved \(devices.count) device(s) from ring \(from) to ring \(target): \(shown)\(more)",
          actor: actor, at: now)
      }
      try refreshRemovalStatus(
        ringID: targetID, removal: try appliedPolicy(ringID: targetID).rsrRemoval)
    }
    return total
  }

  private func recordFiles(
    _ files: [ProfileFileWrite], directory: String, organization: String, actor: AuditActor,
    at now: Date
  ) throws(StoreError) -> Int {
    let upsert = try database.prepare(
      """
      INSERT INTO profile_files(directory, name, sha256, pending_sha256, written_at) VALUES (?1, ?2, ?3, NULL, ?4)
      ON CONFLICT(directory, name) DO UPDATE SET
        sha256 = excluded.sha256, pending_sha256 = NULL,
        written_at = CASE WHEN profile_files.sha256 IS excluded.sha256 THEN profile_files.written_at ELSE excluded.written_at END
      """)
    let forget = try database.prepare(
      "DELETE FROM profile_files WHERE directory = ?1 AND name = ?2")
    var changed = 0
    for file in files {
      if let after = file.afterSHA256 {
        try upsert.run([
          .text(directory), .text(file.name), .text(after),
          .integer(Int64(now.timeIntervalSince1970)),
        ])
      } else {
        try forget.run([.text(directory), .text(file.name)])
      }
      guard file.action != .unchanged else { continue }
      changed += 1
      let verb = ["create": "created", "update": "replaced", "remove": "removed"][
        file.action.rawValue]!
      try appendAudit(
        action: file.action == .remove ? .removeProfile : .writeProfile,
        detail: "\(verb) \(directory)/\(file.name)"
          + (file.forced ? " over a file changed outside Ringside (--force)" : ""),
        actor: actor, at: now, beforeHash: file.beforeSHA256, afterHash: file.afterSHA256)
    }
    try database.prepare("UPDATE profile_files SET pending_sha256 = NULL WHERE directory = ?1")
      .run([.text(directory)])
    return changed
  }
}
