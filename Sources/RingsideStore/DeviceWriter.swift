import Foundation
import RingsideDomain

/// Writes many devices quickly inside one transaction: prepared statements, a cache of
/// derived states per distinct version, ring ids resolved once.
public final class DeviceWriter {
  let store: InventoryStore
  private let insertDevice: any StoreStatement
  private let updateDevice: any StoreStatement
  private let insertHistory: any StoreStatement
  private let insertSource: any StoreStatement
  private let assessor: StateAssessor
  /// The catalog states are derived from, which also names letters sources leave out.
  private let catalog: ReleaseCatalog
  private var ringIDs: [String: Int64] = [:]
  private var ringRemoval: [Int64: PolicySetting] = [:]
  /// Rings whose devices must reach the newest major their model runs.
  private var newestMajorRings: Set<String> = []
  private var stateCache: [StateKey: DeviceState] = [:]

  private struct StateKey: Hashable {
    let newestMajor: Bool
    let platform: Platform
    let model: String?
    let version: AppleOSVersion
    let removed: Character?
  }

  /// Create inside `store.write { }`.
  public init(store: InventoryStore) throws(StoreError) {
    self.store = store
    let db = store.database
    insertDevice = try db.prepare(
      """
      INSERT INTO devices(device_key, serial, udid, name, platform, model, os_base, os_sort, rsr,
        build, supplemental_build, supervised, user_enrolled, ring_id, last_checkin, user_name,
        source, removed_letter, state, removal)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
      """)
    updateDevice = try db.prepare(
      """
      UPDATE devices SET device_key = ?1, serial = ?2, udid = ?3, name = ?4, platform = ?5,
        model = ?6, os_base = ?7, os_sort = ?8, rsr = ?9, build = ?10, supplemental_build = ?11,
        supervised = ?12, user_enrolled = ?13, ring_id = ?14, last_checkin = ?15, user_name = ?16,
        source = ?17, removed_letter = ?18, state = ?19, removal = ?20
      WHERE id = ?21
      """)
    insertHistory = try db.prepare(
      """
      INSERT INTO device_history(device_id, seen_at, os_base, rsr, build, supplemental_build, source)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
      """)
    insertSource = try db.prepare(
      """
      INSERT INTO device_sources(device_id, source, external_id, last_seen) VALUES (?1, ?2, ?3, ?4)
      ON CONFLICT(source, external_id) DO UPDATE SET device_id = excluded.device_id,
        last_seen = excluded.last_seen
      WHERE device_sources.device_id IS NOT excluded.device_id
        OR device_sources.last_seen IS NOT excluded.last_seen
      """)
    catalog = try store.catalog()
    assessor = StateAssessor(catalog: catalog, today: store.today)
    for ring in try store.rings() {
      if let id = try store.ringID(named: ring.name) {
        ringIDs[ring.name] = id
        ringRemoval[id] = ring.policy.rsrRemoval
      }
      if ring.policy.majorTarget.requiresNewestMajor { newestMajorRings.insert(ring.name) }
    }
  }

  /// The derived state for a device, cached per distinct version.
  public func state(of device: Device) -> DeviceState {
    let newest = newestMajorRings.contains(device.ring)
    let key = StateKey(
      newestMajor: newest, platform: device.platform, model: device.model,
      version: device.version, removed: device.removedLetter)
    if let s = stateCache[key] { return s }
    let s = assessor.assess(
      platform: device.platform, model: device.model, version: device.version,
      removedLetter: device.removedLetter, requireNewestMajor: newest
    ).state
    if stateCache.count < 100_000 { stateCache[key] = s }
    return s
  }

  func ringID(_ name: String) throws(StoreError) -> Int64 {
    if let id = ringIDs[name] { return id }
    let id = try store.ensureRing(named: name)
    ringIDs[name] = id
    ringRemoval[id] = .unset
    return id
  }

  private func values(_ device: Device) throws(StoreError) -> [SQLiteValue] {
    func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    var d = device
    d.version = stored(device.version, on: device.platform)
    let ring = try ringID(d.ring)
    let removal = StateAssessor.removalStatus(
      platform: d.platform, supervised: d.supervised, userEnrolled: d.userEnrolled,
      ringRemoval: ringRemoval[ring] ?? .unset, major: d.version.base?.major,
      removedLetter: d.removedLetter)
    let v = versionColumns(d)
    return [
      .text(d.key), text(d.serial), text(d.udid), .text(d.name), v.platform, text(d.model),
      v.base, v.sort, v.rsr, v.build, v.supplementalBuild,
      d.supervised.map { .integer($0 ? 1 : 0) } ?? .null, .integer(d.userEnrolled ? 1 : 0),
      .integer(ring), d.lastCheckIn.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
      text(d.userName), .text(d.source.rawValue), v.removedLetter, v.state, .text(removal.rawValue),
    ]
  }

  /// The columns that follow from platform, version and removed letter alone.
  private struct VersionColumns {
    let platform, base, sort, rsr, build, supplementalBuild, removedLetter, state: SQLiteValue
  }

  private var versionColumnCache: [StateKey: VersionColumns] = [:]

  /// A device's version columns and derived state, worked out once per distinct version: a
  /// large import has few, and one lookup is cheaper than hashing the version per column.
  private func versionColumns(_ d: Device) -> VersionColumns {
    let key = StateKey(
      newestMajor: newestMajorRings.contains(d.ring), platform: d.platform, model: d.model,
      version: d.version, removed: d.removedLetter)
    if let known = versionColumnCache[key] { return known }
    func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    let texts = versionText(d.version)
    let columns = VersionColumns(
      platform: .text(d.platform.rawValue), base: text(texts.base), sort: .text(texts.sort),
      rsr: .text(DeviceColumns.rsrText(d.version.rsr)), build: text(d.version.build?.text),
      supplementalBuild: text(d.version.supplementalBuild?.text),
      removedLetter: text(d.removedLetter.map(String.init)), state: .text(state(of: d).rawValue))
    if versionColumnCache.count < 10_000 { versionColumnCache[key] = columns }
    return columns
  }

  private var versionTexts: [AppleOSVersion: (base: String?, sort: String)] = [:]

  /// The version stored: the source's, its letter filled in from the catalog when the source
  /// left it out and the supplemental build names it (`ReleaseCatalog.withLetterFromBuild`).
  func stored(_ version: AppleOSVersion, on platform: Platform?) -> AppleOSVersion {
    guard version.rsr == .unknown, let platform else { return version }
    return catalog.withLetterFromBuild(version, on: platform)
  }

  /// The base and sort key of a version, cached: a large import has few distinct versions.
  private func versionText(_ v: AppleOSVersion) -> (base: String?, sort: String) {
    if let known = versionTexts[v] { return known }
    let texts = (base: v.base?.description, sort: v.sortKey)
    if versionTexts.count < 10_000 { versionTexts[v] = texts }
    return texts
  }

  /// The columns of one row `rowValues` gives, in its order: the row id, then what `values`
  /// gives.
  static let rowColumns = [
    "id", "device_key", "serial", "udid", "name", "platform", "model", "os_base", "os_sort", "rsr",
    "build", "supplemental_build", "supervised", "user_enrolled", "ring_id", "last_checkin",
    "user_name", "source", "removed_letter", "state", "removal",
  ]

  /// How many values one row of `insertSQL` takes.
  static let valuesPerRow = rowColumns.count

  /// An INSERT of `rows` new devices with their row ids.
  static func insertSQL(rows: Int) -> String {
    "INSERT INTO devices(\(rowColumns.joined(separator: ", "))) VALUES "
      + Array(
        repeating: "(" + Array(repeating: "?", count: valuesPerRow).joined(separator: ", ") + ")",
        count: rows
      ).joined(separator: ", ")
  }

  /// One row of `insertSQL`: a new device's values with its row id.
  func rowValues(id: Int64, _ device: Device) throws(StoreError) -> [SQLiteValue] {
    [.integer(id)] + (try values(device))
  }

  /// Inserts a new device and returns its id.
  @discardableResult
  public func insert(_ device: Device) throws(StoreError) -> Int64 {
    try insertDevice.run(try values(device))
    let id = store.database.lastInsertRowID
    if let sourceID = device.sourceID {
      try linkSource(
        deviceID: id, source: device.source.rawValue, externalID: sourceID, seen: device.lastCheckIn
      )
    }
    return id
  }

  /// Replaces every column of device `id`.
  public func update(id: Int64, with device: Device) throws(StoreError) {
    try updateDevice.run(try values(device) + [.integer(id)])
  }

  /// Records that `source` knows this device as `externalID`.
  public func linkSource(deviceID: Int64, source: String, externalID: String, seen: Date?)
    throws(StoreError)
  {
    try insertSource.run([
      .integer(deviceID), .text(source), .text(externalID),
      seen.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
    ])
  }

  /// Appends one version to the device's history.
  public func appendHistory(deviceID: Int64, version: AppleOSVersion, seenAt: Date?, source: String)
    throws(StoreError)
  {
    try insertHistory.run(
      historyValues(deviceID: deviceID, version: version, seenAt: seenAt, source: source))
  }

  /// The columns of one row `historyValues` gives, in its order.
  static let historyColumns = [
    "device_id", "seen_at", "os_base", "rsr", "build", "supplemental_build", "source",
  ]

  /// One `device_history` row, as `appendHistory` writes it.
  func historyValues(deviceID: Int64, version: AppleOSVersion, seenAt: Date?, source: String)
    -> [SQLiteValue]
  {
    func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    return [
      .integer(deviceID), seenAt.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
      text(versionText(version).base),
      .text(DeviceColumns.rsrText(stored(version, on: version.platform).rsr)),
      text(version.build?.text), text(version.supplementalBuild?.text), .text(source),
    ]
  }
}

extension InventoryStore {
  /// Recomputes every device's derived state (or a ring's devices') against the current
  /// catalog and ring policies, writing only the rows whose state changed. Call inside a write
  /// transaction.
  func refreshAllStates(ringID: Int64? = nil) throws(StoreError) {
    let writer = try DeviceWriter(store: self)
    let select = try database.prepare(
      """
      SELECT \(StateInputColumn.all)
      FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE ?1 IS NULL OR d.ring_id = ?1
      """)
    let update = try database.prepare(
      "UPDATE devices SET state = ?2, rsr = ?3, os_sort = ?4 WHERE id = ?1")
    var changes: [(Int64, DeviceState, AppleOSVersion)] = []
    try select.bind([ringID.map { .integer($0) } ?? .null])
    while try select.step() {
      typealias C = StateInputColumn
      guard let platform = Platform(rawValue: select.string(C.platform) ?? "") else { continue }
      // With a letter the catalog names now that it did not when the device was written.
      let version = writer.stored(
        DeviceColumns.version(
          platform: platform, base: select.string(C.osBase), rsr: select.string(C.rsr),
          build: select.string(C.build), supplemental: select.string(C.supplementalBuild)),
        on: platform)
      let device = Device(
        key: "", name: "", platform: platform, model: select.string(C.model), version: version,
        ring: select.string(C.ring) ?? "", source: "",
        removedLetter: select.string(C.removedLetter)?.first)
      let state = writer.state(of: device)
      let rsr = DeviceColumns.rsrText(version.rsr)
      if state.rawValue != select.string(C.state) || rsr != select.string(C.rsr) {
        changes.append((select.int(C.id) ?? 0, state, version))
      }
    }
    select.reset()
    for (id, state, version) in changes {
      try update.run([
        .integer(id), .text(state.rawValue), .text(DeviceColumns.rsrText(version.rsr)),
        .text(version.sortKey),
      ])
    }
  }
}

/// What a device's derived state is computed from, as the state refresh selects it (`devices d`
/// joined with `rings r`), read by name.
enum StateInputColumn: Int32, RowColumn {
  case id, platform, osBase, rsr, build, supplementalBuild, removedLetter, state, model, ring

  var sql: String {
    switch self {
    case .id: "d.id"
    case .platform: "d.platform"
    case .osBase: "d.os_base"
    case .rsr: "d.rsr"
    case .build: "d.build"
    case .supplementalBuild: "d.supplemental_build"
    case .removedLetter: "d.removed_letter"
    case .state: "d.state"
    case .model: "d.model"
    case .ring: "r.name"
    }
  }
}
