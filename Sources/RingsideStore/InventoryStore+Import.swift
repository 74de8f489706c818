import Foundation
import RingsideDomain

/// A stored device with its row id, as an import finds it before merging.
public struct StoredDevice: Sendable, Hashable {
  public let id: Int64
  public var device: Device
}

/// An update a device reported it can install (`pending_updates`).
public struct PendingUpdateRow: Sendable, Hashable {
  public var version: String
  public var rsr: RSRMark
  public var build: String?
  public var supplementalBuild: String?
  public var isSecurityResponse: Bool

  public init(
    version: String, rsr: RSRMark, build: String?, supplementalBuild: String?,
    isSecurityResponse: Bool
  ) {
    self.version = version
    self.rsr = rsr
    self.build = build
    self.supplementalBuild = supplementalBuild
    self.isSecurityResponse = isSecurityResponse
  }
}

/// The store side of one import: finds devices by key, UDID or a source's id, and writes
/// merged devices, their history, source links and pending updates with prepared statements,
/// on either backend. On SQLite new devices and their links go in batches of many rows per
/// statement; on PostgreSQL new devices, their links, rewritten devices and re-recorded links
/// are held back in a `PostgresImportStage` and sent through `COPY` and one statement per
/// table and flush, while reads see them as if written. Create and use it inside one
/// `store.write { }` so an import is stored whole or not at all, and call `flushLinks()`
/// before it ends.
public final class ImportSession {
  /// The `device_sources.source` under which UDIDs are recorded, so a UDID finds its device.
  public static let udidSource = "udid"

  public let store: InventoryStore
  public let writer: DeviceWriter
  private let byKey: any StoreStatement
  private let byKeys: any StoreStatement
  private let byID: any StoreStatement
  private let bySource: any StoreStatement
  private let byUserEnrolledName: any StoreStatement
  private let historyOf: any StoreStatement
  /// New devices' source links not written yet: written before anything reads or writes
  /// `device_sources`, and after the devices they name (`flushLinks()`).
  private let pendingLinks: RowBatch
  public static let linkBatchSize = 64
  private let deletePending: any StoreStatement
  private let insertPending: any StoreStatement
  /// New devices not written yet: written before anything reads devices or writes rows that
  /// refer to them (`flushDevices()`).
  private let pendingDevices: RowBatch
  public static let deviceBatchSize = 64
  /// On SQLite, the row id the next new device gets: one past the largest when the import
  /// began (writers take turns, so no other session adds devices meanwhile).
  private var nextDeviceID: Int64?
  /// On PostgreSQL, ids taken from the devices' identity sequence and not given yet, last first.
  private var reservedIDs: [Int64] = []
  /// How many ids the next reservation takes: doubling from 64 up to 1,024, so a small
  /// import leaves at most a few unused and a large one asks about once per 1,000 devices.
  /// A stage filled by new devices takes the next stage's worth before its flush
  /// (`reserveDeviceIDs`), of which the last ones an import makes may stay unused (gaps in the
  /// ids, as any sequence leaves).
  private var idsPerReservation = ImportSession.deviceBatchSize
  /// On PostgreSQL, the writes held back for `COPY` (nil on SQLite).
  private let stage: PostgresImportStage?

  private static let columns =
    "SELECT \(InventoryStore.storedDeviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id"

  public init(store: InventoryStore) throws(StoreError) {
    self.store = store
    let db = store.database
    if store.sqlite != nil { try db.execute("PRAGMA cache_size = -32768") }
    writer = try DeviceWriter(store: store)
    stage = (db as? PostgresConnection).map(PostgresImportStage.init(connection:))
    pendingDevices = try RowBatch(
      db, valuesPerRow: DeviceWriter.valuesPerRow, rowsPerStatement: Self.deviceBatchSize,
      sql: DeviceWriter.insertSQL(rows:))
    byKey = try db.prepare(Self.columns + " WHERE d.device_key = ?1")
    byKeys = try db.prepare(
      Self.columns + " WHERE d.device_key IN (SELECT value FROM json_each(?1))")
    byID = try db.prepare(Self.columns + " WHERE d.id = ?1")
    bySource = try db.prepare(
      "SELECT device_id FROM device_sources WHERE source = ?1 AND external_id = ?2")
    byUserEnrolledName = try db.prepare(
      """
      SELECT d.id FROM devices d
      WHERE d.name = ?1 COLLATE NOCASE AND d.serial IS NULL AND d.udid IS NULL AND d.user_enrolled = 1
        AND d.platform IN (?2, ?3)
        AND NOT EXISTS (SELECT 1 FROM device_sources s WHERE s.device_id = d.id AND s.source = ?4)
      LIMIT 2
      """)
    historyOf = try db.prepare(
      "SELECT os_base, rsr, build, supplemental_build FROM device_history WHERE device_id = ?1 ORDER BY id"
    )
    // Device id, source, external id and last seen.
    pendingLinks = try RowBatch(db, valuesPerRow: 4, rowsPerStatement: Self.linkBatchSize) {
      "INSERT INTO device_sources(device_id, source, external_id, last_seen) VALUES "
        + Array(repeating: "(?, ?, ?, ?)", count: $0).joined(separator: ", ")
    }
    deletePending = try db.prepare("DELETE FROM pending_updates WHERE device_id = ?1")
    insertPending = try db.prepare(
      """
      INSERT INTO pending_updates(device_id, version, rsr, build, supplemental_build,
        is_security_response, seen_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
      ON CONFLICT(device_id, version, rsr) DO UPDATE SET build = excluded.build,
        supplemental_build = excluded.supplemental_build,
        is_security_response = excluded.is_security_response, seen_at = excluded.seen_at
      """)
  }

  /// The device `stmt` finds, as this import left it: on PostgreSQL a new device held back
  /// under this `key` or `id` is written first, and a rewrite held back stands in for the row.
  private func fetch(
    _ stmt: any StoreStatement, _ bindings: [SQLiteValue], key: String? = nil, id: Int64? = nil
  ) throws(StoreError) -> StoredDevice? {
    if let stage {
      if stage.holdsNewDevice(key: key, id: id) { try flushHeld() }
    } else {
      try flushDevices()
    }
    try stmt.bind(bindings)
    defer { stmt.reset() }
    guard try stmt.step() else { return nil }
    var stored = StoredDevice(id: stmt.int(.id) ?? 0, device: InventoryStore.device(stmt))
    if let updated = stage?.updated(id: stored.id) { stored.device = updated }
    return stored
  }

  /// Hashes of every device key and source link in the store, once `preloadKeys()` ran: a
  /// key whose hash is missing is certainly absent, so a bulk import skips most lookups.
  private var known: Set<Int>?

  private static func hash(_ kind: UInt8, _ a: String, _ b: String = "") -> Int {
    var hasher = Hasher()
    hasher.combine(kind)
    hasher.combine(a)
    hasher.combine(b)
    return hasher.finalize()
  }

  /// Reads the hashes of all device keys and source links, for imports large enough that
  /// one scan costs less than a lookup per record.
  func preloadKeys() throws(StoreError) {
    var set = Set<Int>()
    let keys = try store.database.prepare("SELECT device_key FROM devices")
    try keys.bind([])
    while try keys.step() { set.insert(Self.hash(0, keys.string(at: 0) ?? "")) }
    keys.reset()
    let links = try store.database.prepare("SELECT source, external_id FROM device_sources")
    try links.bind([])
    while try links.step() {
      set.insert(Self.hash(1, links.string(at: 0) ?? "", links.string(at: 1) ?? ""))
    }
    links.reset()
    known = set
  }

  private func remember(key: String) {
    if known != nil { known!.insert(Self.hash(0, key)) }
  }

  private func remember(source: String, externalID: String) {
    if known != nil { known!.insert(Self.hash(1, source, externalID)) }
  }

  /// The device stored under this merge key, if any.
  public func device(key: String) throws(StoreError) -> StoredDevice? {
    if let known, !known.contains(Self.hash(0, key)) { return nil }
    if let stage, let prefetched, prefetched.asked.contains(key),
      !stage.holdsNewDevice(key: key)
    {
      guard var stored = prefetched.found[key] else { return nil }
      if let updated = stage.updated(id: stored.id) { stored.device = updated }
      return stored
    }
    return try fetch(byKey, [.text(key)], key: key)
  }

  /// On PostgreSQL, the devices stored under the keys of the records about to be handled,
  /// read by `prefetch(keys:)` in one query: the keys asked and the devices found. Every write
  /// not held back (a flush, a device whose key changes) drops them, and a key a new device
  /// held back claims is asked of the store as before; a rewrite held back stands in for the
  /// row read here, as it does for one read later.
  private var prefetched: (asked: Set<String>, found: [String: StoredDevice])?

  /// On PostgreSQL, reads the stored devices under `keys` in one round trip, so that looking
  /// each record's device up by its key asks the server nothing: a re-import of 1M devices
  /// made 1M round trips for them. Nothing to do on SQLite, whose lookups are in process.
  public func prefetch(keys: [String]) throws(StoreError) {
    guard stage != nil else { return }
    prefetched = nil
    let asked = Set(keys.filter { known?.contains(Self.hash(0, $0)) ?? true })
    guard !asked.isEmpty else { return }
    let rows = try byKeys.query([.text(InventoryStore.jsonArray(Array(asked)))]) { row in
      StoredDevice(id: row.int(.id) ?? 0, device: InventoryStore.device(row))
    }
    var found: [String: StoredDevice] = [:]
    for stored in rows { found[stored.device.key] = stored }
    prefetched = (asked, found)
  }

  /// The device with this row id.
  public func device(id: Int64) throws(StoreError) -> StoredDevice? {
    try fetch(byID, [.integer(id)], id: id)
  }

  /// The device `source` knows as `externalID`.
  public func device(source: String, externalID: String) throws(StoreError) -> StoredDevice? {
    if let known, !known.contains(Self.hash(1, source, externalID)) { return nil }
    if let stage {
      let key = PostgresImportStage.LinkKey(source: source, externalID: externalID)
      if let id = stage.linkedDevice(key) { return try device(id: id) }
      if stage.holdsNewLink(key) { try flushHeld() }
    } else {
      try flushHeld()
    }
    try bySource.bind([.text(source), .text(externalID)])
    let id = try bySource.step() ? bySource.int(at: 0) : nil
    bySource.reset()
    guard let id else { return nil }
    return try device(id: id)
  }

  /// The device reporting this UDID, from its recorded link or its key.
  public func device(udid: String) throws(StoreError) -> StoredDevice? {
    let u = udid.trimmed.uppercased()
    if let d = try device(source: Self.udidSource, externalID: u) { return d }
    return try device(key: "UDID:" + u)
  }

  /// User-enrolled devices without serial or UDID named `name` on the same platform family
  /// that `source` does not know yet: the only way to tell two sources saw one BYOD device.
  public func userEnrolledCandidates(name: String, family: PlatformFamily, source: String)
    throws(StoreError)
    -> [StoredDevice]
  {
    if let byod {
      var out: [StoredDevice] = []
      for id in byod[name.lowercased()] ?? [] where !(byodSources[id]?.contains(source) ?? false) {
        if let d = try device(id: id), d.device.serial == nil, d.device.udid == nil,
          d.device.userEnrolled,
          d.device.platform.family == family
        {
          out.append(d)
        }
      }
      return out
    }
    let platforms = family.platforms.map(\.rawValue)
    try flushHeld()  // On PostgreSQL also the rewrites: the query reads names and links.
    let ids = try byUserEnrolledName.query(
      [.text(name), .text(platforms[0]), .text(platforms.last!), .text(source)]
    ) { $0.int(at: 0) ?? 0 }
    var out: [StoredDevice] = []
    for id in ids {
      if let d = try device(id: id) { out.append(d) }
    }
    return out
  }

  /// The device's recorded versions, oldest first (on PostgreSQL followed by those held back).
  public func history(deviceID: Int64) throws(StoreError) -> [AppleOSVersion] {
    try historyOf.query([.integer(deviceID)]) { row in
      DeviceColumns.version(
        platform: nil, base: row.string(at: 0), rsr: row.string(at: 1), build: row.string(at: 2),
        supplemental: row.string(at: 3))
    } + (stage?.history(of: deviceID) ?? [])
  }

  /// Inserts a new device and links its source id and UDID. Its first version is in the row
  /// itself; the history starts with it once the version first changes (see `update`).
  @discardableResult
  public func insert(_ device: Device) throws(StoreError) -> Int64 {
    let id = try newDeviceID()
    let row = try writer.rowValues(id: id, device)
    if let stage {
      do {
        try stage.insert(id: id, key: device.key, row: row)
      } catch {
        throw StoreError(
          error.kind, "new device \(Sanitized.text(device.key, limit: 60)): \(error.message)")
      }
      if stage.isFull {
        // The ids of the next stage's new devices first: the records after this flush then
        // ask the server nothing while it inserts these (`PostgresConnection.send`).
        try reserveDeviceIDs(stage.capacity)
        try flushHeld()
      }
    } else {
      pendingDevices.append(row)
      if pendingDevices.isFull { try pendingDevices.write() }
    }
    remember(key: device.key)
    if byod != nil && device.serial == nil && device.udid == nil && device.userEnrolled {
      byod![device.name.lowercased(), default: []].append(id)
      byodSources[id] = [device.source.rawValue]
    }
    let seen: SQLiteValue =
      device.lastCheckIn.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null
    if let sourceID = device.sourceID {
      try addLink(deviceID: id, source: device.source.rawValue, externalID: sourceID, seen: seen)
      remember(source: device.source.rawValue, externalID: sourceID)
    }
    if let udid = device.udid {
      try addLink(
        deviceID: id, source: Self.udidSource, externalID: udid.trimmed.uppercased(), seen: seen)
      remember(source: Self.udidSource, externalID: udid.trimmed.uppercased())
    }
    return id
  }

  /// The next new device's row id: on PostgreSQL from the identity sequence, a batch of ids
  /// per round trip, so ids stay unique whoever inserts next.
  private func newDeviceID() throws(StoreError) -> Int64 {
    if store.database.dialect == .postgres {
      if reservedIDs.isEmpty {
        try reserveDeviceIDs(idsPerReservation)
        idsPerReservation = min(idsPerReservation * 2, 1024)
      }
      return reservedIDs.removeLast()
    }
    if nextDeviceID == nil {
      nextDeviceID =
        1 + (try store.database.scalar("SELECT COALESCE(MAX(id), 0) FROM devices")?.int ?? 0)
    }
    defer { nextDeviceID! += 1 }
    return nextDeviceID!
  }

  /// On PostgreSQL, takes ids from the identity sequence until `count` are held, in one round
  /// trip; they are handed out in the sequence's order.
  private func reserveDeviceIDs(_ count: Int) throws(StoreError) {
    guard reservedIDs.count < count else { return }
    let more = try store.database.prepare(
      """
      SELECT nextval(pg_get_serial_sequence('devices', 'id'))
      FROM generate_series(1, \(count - reservedIDs.count))
      """
    ).query { $0.int(at: 0) ?? 0 }
    reservedIDs = more.reversed() + reservedIDs
  }

  /// Writes the new devices `insert` holds back.
  private func flushDevices() throws(StoreError) {
    try pendingDevices.write()
  }

  /// Holds back a new device's link.
  private func addLink(deviceID: Int64, source: String, externalID: String, seen: SQLiteValue)
    throws(StoreError)
  {
    guard let stage else {
      pendingLinks.append([.integer(deviceID), .text(source), .text(externalID), seen])
      if pendingLinks.isFull { try flushHeld() }
      return
    }
    let key = PostgresImportStage.LinkKey(source: source, externalID: externalID)
    if stage.holdsLinkUpdate(key) { try flushHeld() }
    try stage.insertLink(key, deviceID: deviceID, seen: seen)
    if stage.isFull { try flushHeld() }
  }

  /// Writes everything held back: the devices and source links `insert` holds, and on
  /// PostgreSQL the rewrites, links and history `update` and `link` hold too. Call before the
  /// transaction ends.
  public func flushLinks() throws(StoreError) {
    try flushHeld()
  }

  /// Writes everything held back, before a read that must see it or when enough waits.
  private func flushHeld() throws(StoreError) {
    prefetched = nil
    if let stage { return try stage.flush() }
    try flushDevices()
    try pendingLinks.write()
  }

  /// Rewrites a device. When its version changed, appends the new version to the history,
  /// preceded by the version it replaces if the history is still empty.
  public func update(id: Int64, from previous: Device, to device: Device, historyIsEmpty: Bool)
    throws(StoreError)
  {
    if let stage, device.key == previous.key {
      stage.update(id: id, to: device, row: try writer.rowValues(id: id, device))
      if stage.isFull { try flushHeld() }
    } else {
      // A new key is written at once, after everything held back, in the order it came.
      if stage != nil { try flushHeld() }
      // (The flush dropped what `prefetch` read, this key's old and new rows included.)
      try writer.update(id: id, with: device)
    }
    remember(key: device.key)
    guard Self.versionDiffers(previous.version, device.version) else { return }
    if historyIsEmpty && previous.version.base != nil {
      try appendHistory(
        deviceID: id, version: previous.version, seenAt: previous.lastCheckIn,
        source: previous.source.rawValue)
    }
    try appendHistory(
      deviceID: id, version: device.version, seenAt: device.lastCheckIn,
      source: device.source.rawValue)
  }

  /// Appends one version to a stored device's history: on PostgreSQL held back for `COPY`.
  private func appendHistory(
    deviceID: Int64, version: AppleOSVersion, seenAt: Date?, source: String
  ) throws(StoreError) {
    guard let stage else {
      return try writer.appendHistory(
        deviceID: deviceID, version: version, seenAt: seenAt, source: source)
    }
    let row = writer.historyValues(
      deviceID: deviceID, version: version, seenAt: seenAt, source: source)
    // The version as a read of the history returns it: from the stored texts, no platform.
    try stage.appendHistory(
      deviceID: deviceID, row: row,
      version: DeviceColumns.version(
        platform: nil, base: row[2].string, rsr: row[3].string, build: row[4].string,
        supplemental: row[5].string))
    if stage.isFull { try flushHeld() }
  }

  /// True when base, letter or builds differ: a change the history records.
  public static func versionDiffers(_ a: AppleOSVersion, _ b: AppleOSVersion) -> Bool {
    a.base != b.base || a.rsr != b.rsr || a.build != b.build
      || a.supplementalBuild != b.supplementalBuild
  }

  /// Records that `source` knows device `deviceID` as `externalID` (UDIDs are upper-cased).
  public func link(deviceID: Int64, source: String, externalID: String, seen: Date?)
    throws(StoreError)
  {
    let id = source == Self.udidSource ? externalID.trimmed.uppercased() : externalID
    if let stage {
      let key = PostgresImportStage.LinkKey(source: source, externalID: id)
      if stage.holdsNewLink(key) { try flushHeld() }
      stage.link(
        key, deviceID: deviceID,
        seen: seen.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null)
      if stage.isFull { try flushHeld() }
    } else {
      try flushHeld()
      try writer.linkSource(deviceID: deviceID, source: source, externalID: id, seen: seen)
    }
    remember(source: source, externalID: id)
    if byodSources[deviceID] != nil { byodSources[deviceID]!.insert(source) }
  }

  /// Replaces the device's pending updates with the ones it just reported.
  public func replacePendingUpdates(
    deviceID: Int64, with updates: [PendingUpdateRow], seenAt: Date?
  )
    throws(StoreError)
  {
    if stage != nil { try flushHeld() } else { try flushDevices() }
    try deletePending.run([.integer(deviceID)])
    for u in updates {
      func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
      try insertPending.run([
        .integer(deviceID), .text(u.version), .text(DeviceColumns.rsrText(u.rsr)), text(u.build),
        text(u.supplementalBuild), .integer(u.isSecurityResponse ? 1 : 0),
        seenAt.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
      ])
    }
  }

  /// Indexes dropped for a bulk import, as their `CREATE INDEX` statements from the schema.
  private var deferred: [String] = []
  /// For a bulk import: user-enrolled devices without serial or UDID by lower-cased name, with
  /// the sources that know them, standing in for the name index while it is dropped.
  private var byod: [String: [Int64]]?
  private var byodSources: [Int64: Set<String>] = [:]

  /// Readies a bulk import: reads the hashes of all keys and links (`preloadKeys`), and drops
  /// the `devices` and `device_sources` indexes that no remaining import lookup needs, so rows go
  /// in without maintaining them one by one. `restoreIndexes()` rebuilds them in one sorted pass
  /// before the transaction commits, so other sessions never see the store without them. The
  /// `fleet_groups` triggers go too (one recount at the end), and the WAL is truncated after
  /// the commit.
  public func prepareBulk() throws(StoreError) {
    try preloadKeys()
    var names: [String: [Int64]] = [:]
    let devices = try store.database.prepare(
      "SELECT id, name FROM devices WHERE serial IS NULL AND udid IS NULL AND user_enrolled = 1")
    for (id, name) in try devices.query([], { ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "") }) {
      names[name.lowercased(), default: []].append(id)
      byodSources[id] = []
    }
    let links = try store.database.prepare("SELECT device_id, source FROM device_sources")
    try links.bind([])
    while try links.step() {
      if let id = links.int(at: 0), byodSources[id] != nil {
        byodSources[id]!.insert(links.string(at: 1) ?? "")
      }
    }
    links.reset()
    byod = names
    try readyBulkWrites()
  }

  /// Drops the indexes a bulk import rebuilds at its end (on PostgreSQL only in a store that
  /// holds no devices yet: `dropIndexesForBulkWrite`) and sets the count triggers aside.
  private func readyBulkWrites() throws(StoreError) {
    try store.suspendFleetCounts()
    // The history keeps its index: an import reads a device's history when its version moves.
    deferred = try store.dropIndexesForBulkWrite(of: ["devices", "device_sources", "device_grams"])
    store.sqlite?.truncateWALAfterCommit = true
  }

  /// True when `restoreIndexes()` has indexes to build (`prepareBulk()` dropped some).
  public var rebuildsIndexes: Bool { !deferred.isEmpty }

  /// Recreates the indexes `prepareBulk()` dropped, recounts the fleet's groups and puts their
  /// triggers back.
  public func restoreIndexes() throws(StoreError) {
    try flushLinks()
    try store.rebuildIndexes(deferred)
    deferred = []
    try store.resumeFleetCounts()
  }

  /// Devices with a reported version whose RSR/BSI letter no source has told, by the source
  /// their version came from (`devices.source`).
  public func unknownLetterCounts() throws(StoreError) -> [String: Int] {
    let rows = try store.database.prepare(
      """
      SELECT source, COUNT(*) FROM devices WHERE rsr = 'unknown' AND os_base IS NOT NULL
      GROUP BY source
      """
    ).query { ($0.string(at: 0) ?? "", Int($0.int(at: 1) ?? 0)) }
    return Dictionary(rows, uniquingKeysWith: +)
  }

  /// Where a new device goes when nothing names its ring: `production` if it exists, else the last ring.
  public func defaultRing() throws(StoreError) -> String {
    let rings = try store.rings()
    if rings.contains(where: { $0.name == "production" }) { return "production" }
    return rings.last?.name ?? "production"
  }
}
