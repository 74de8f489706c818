import RingsideDomain

extension InventoryStore {
  /// Every ring in order, with its policy. A ring name Ringside would refuse (written into the
  /// store by other means) is refused here with a message naming it, never a crash.
  public func rings() throws(StoreError) -> [Ring] {
    typealias C = RingRowColumn
    let stmt = try database.prepare(
      """
      SELECT \(C.all)
      FROM rings r JOIN policies p ON p.ring_id = r.id ORDER BY r.position, r.id
      """)
    let rows = try stmt.query { row in
      (
        name: row.string(C.name) ?? "", position: Int(row.int(C.position) ?? 0),
        policy: C.policy(row) ?? .unset
      )
    }
    var rings: [Ring] = []
    for row in rows {
      do {
        rings.append(try Ring(name: row.name, position: row.position, policy: row.policy))
      } catch {
        throw StoreError(
          .corrupt,
          "the store \(path) holds a ring Ringside cannot use, written by another program: "
            + "\(error); rename that ring in the store or restore a backup")
      }
    }
    return rings
  }

  /// The ring's row id, or nil when there is no such ring.
  public func ringID(named name: String) throws(StoreError) -> Int64? {
    try database.scalar("SELECT id FROM rings WHERE name = ?1", [.text(name)])?.int
  }

  /// The stored name of the ring a person typed: as typed, else the name an import makes of
  /// that label ("Pilot Group" or "Pilot" from Intune's Category → `pilot-group`, `pilot`), so
  /// the MDM's spelling finds the ring; the typed text when neither exists, for the caller's
  /// lookup to report as missing.
  public func ringName(typed: String) throws(StoreError) -> String {
    if try ringID(named: typed) != nil { return typed }
    if let name = RingName(label: typed)?.rawValue, try ringID(named: name) != nil { return name }
    return typed
  }

  @discardableResult
  func insertRing(name: String, position: Int) throws(StoreError) -> Int64 {
    try database.prepare("INSERT INTO rings(name, position) VALUES (?1, ?2)")
      .run([.text(name), .integer(Int64(position))])
    let id = database.lastInsertRowID
    try database.prepare("INSERT INTO policies(ring_id) VALUES (?1)").run([.integer(id)])
    return id
  }

  /// Returns the id of ring `name`, creating it at the end of the order when missing.
  /// Call inside a write transaction.
  public func ensureRing(named name: String) throws(StoreError) -> Int64 {
    if let id = try ringID(named: name) { return id }
    guard Ring.isValidName(name) else {
      throw StoreError(.constraint, PolicyError.invalidRingName(name).description)
    }
    let last = try database.scalar("SELECT COALESCE(MAX(position), -1) FROM rings")?.int ?? -1
    return try insertRing(name: name, position: Int(last) + 1)
  }

  /// Adds a ring at the end of the order.
  public func addRing(named name: String) throws(StoreError) {
    try write {
      if try ringID(named: name) != nil {
        throw StoreError(.constraint, "a ring named \(name) exists already")
      }
      _ = try ensureRing(named: name)
    }
  }

  /// Sets a ring's policy and, when the removal setting changed, recomputes the removal status
  /// of its devices.
  /// Call inside a write transaction.
  public func setPolicy(_ policy: RingPolicy, forRing name: String) throws(StoreError) {
    guard let id = try ringID(named: name) else {
      throw StoreError(.notFound, "no ring named \(name)")
    }
    let previousRemoval = try database.scalar(
      "SELECT rsr_removal FROM policies WHERE ring_id = ?1", [.integer(id)])?.string
    let previousTarget = try database.scalar(
      "SELECT major_target FROM policies WHERE ring_id = ?1", [.integer(id)])?.string
    try database.prepare(
      """
      UPDATE policies SET rsr_install = ?2, rsr_removal = ?3, defer_days = ?4, critical_updates = ?5,
        major_target = ?6
      WHERE ring_id = ?1
      """
    ).run([
      .integer(id), .text(policy.rsrInstallation.rawValue), .text(policy.rsrRemoval.rawValue),
      policy.deferralDays.map { .integer(Int64($0)) } ?? .null,
      .text(policy.criticalUpdateInstall.rawValue), .text(policy.majorTarget.rawValue),
    ])
    if previousRemoval != policy.rsrRemoval.rawValue {
      try refreshRemovalStatus(ringID: id, removal: policy.rsrRemoval)
    }
    if previousTarget != policy.majorTarget.rawValue {
      try refreshAllStates(ringID: id)
    }
  }

  /// Removal status depends on the ring policy and a few device facts; the domain decides
  /// each combination and one SQL pass applies them to the ring's devices.
  func refreshRemovalStatus(ringID: Int64, removal: PolicySetting) throws(StoreError) {
    var branches: [String] = []
    var bindings: [SQLiteValue] = [.integer(ringID)]
    func bind(_ value: SQLiteValue) -> String {
      bindings.append(value)
      return "?\(bindings.count)"
    }
    for platform in Platform.allCases {
      for supervised in [true, false, nil] as [Bool?] {
        for enrolled in [true, false] {
          for modern in [true, false] {
            for removed in [true, false] {
              let status = StateAssessor.removalStatus(
                platform: platform, supervised: supervised, userEnrolled: enrolled,
                ringRemoval: removal, major: modern ? 27 : 26, removedLetter: removed ? "a" : nil)
              branches.append(
                "WHEN platform = \(bind(.text(platform.rawValue))) AND supervised IS "
                  + "\(bind(supervised.map { .integer($0 ? 1 : 0) } ?? .null)) AND user_enrolled = "
                  + "\(bind(.integer(enrolled ? 1 : 0))) AND (COALESCE(CAST(os_base AS INTEGER), 0) >= 27) = "
                  + "\(bind(.integer(modern ? 1 : 0))) AND (removed_letter IS NOT NULL) = "
                  + "\(bind(.integer(removed ? 1 : 0))) THEN \(bind(.text(status.rawValue)))")
            }
          }
        }
      }
    }
    try database.prepare(
      "UPDATE devices SET removal = CASE \(branches.joined(separator: " ")) ELSE removal END WHERE ring_id = ?1"
    ).run(bindings)
  }
}
