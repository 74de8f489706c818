import Foundation
import RingsideDomain
import RingsideStore

/// The state of one import while records stream in: finds each record's device, merges,
/// writes, and counts. Pending updates wait until every device of the import is in.
final class ImportRun {
  /// How many issues an all-or-nothing import keeps to report.
  static let keptIssues = 1000

  let session: ImportSession
  let options: ImportOptions
  let ringOverride: String?
  let events: ImportEvents
  /// Bytes and records read so far, for the progress events.
  var progress: ImportProgress?
  let defaultRing: String
  var summary = ImportSummary()
  private(set) var issues: [ImportIssue] = []
  private var pending: [PendingUpdateRecord] = []
  private var ringNames: [String: String?] = [:]
  private var pages: [ExportPage] = []
  /// The devices the file being read has named so far, to count and report repeats.
  private var repeats = FileRepeats()
  private var fileName: String?

  init(session: ImportSession, options: ImportOptions, ringOverride: String?, events: ImportEvents)
    throws
  {
    self.session = session
    self.options = options
    self.ringOverride = ringOverride
    self.events = events
    defaultRing = try session.defaultRing()
  }

  /// Writes stop after the first rejection unless invalid records are skipped: the
  /// transaction will roll back, and reading on only finds more problems to report.
  private var writing: Bool { options.skipInvalid || summary.rejected == 0 }

  /// Reads the stored devices the batch's records name by key in one query (PostgreSQL),
  /// before they are handled one by one; records that cannot be stored are left to `handle`.
  func prefetch(_ batch: [ImportItem]) throws {
    guard writing else { return }
    let keys = batch.compactMap { item -> String? in
      if case .device(let record) = item { return record.mergeKey }
      return nil
    }
    try session.prefetch(keys: keys)
  }

  func handle(_ item: ImportItem) throws {
    switch item {
    case .notice(let text):
      events.notice(text)
      return
    case .page(let page):
      pages.append(page)
      return
    default: break
    }
    summary.read += 1
    if summary.read % 10_000 == 0, let progress {
      progress.counted(records: summary.read)
      events.progress(progress)
    }
    switch item {
    case .device(let record):
      do {
        try write(record)
      } catch let issue as ImportIssue {
        reject(issue)
      }
    case .pending(let record): pending.append(record)
    case .rejected(let issue): reject(issue)
    case .skipped: summary.skipped += 1
    case .notice, .page: break
    }
  }

  /// The record's check-in, or nil with a warning when it lies more than a day ahead.
  private func futureChecked(_ date: Date?, at location: SourceLocation) -> Date? {
    FutureCheckIn.checked(date, now: options.now, at: location) { text in
      summary.warnings += 1
      events.warning(text)
    }
  }

  /// Starts counting repeats afresh for the file `name` (one reader's input).
  func beginFile(_ name: String) {
    finishFile()
    repeats = FileRepeats()
    fileName = name
  }

  /// Reports the devices the file just read listed more than once.
  func finishFile() {
    guard let file = fileName else { return }
    fileName = nil
    let (warning, note) = repeats.messages(file: file)
    if let warning {
      summary.warnings += 1
      events.warning(warning)
    }
    if let note { events.notice(note) }
  }

  /// Warns about Graph or Jamf pages the import lacks, once every file is read.
  func checkPages() {
    for text in PageCheck.warnings(pages) {
      summary.warnings += 1
      events.warning(text)
    }
  }

  private func reject(_ issue: ImportIssue) {
    summary.rejected += 1
    if issues.count < Self.keptIssues { issues.append(issue) }
    events.rejected(issue)
  }

  /// The ring a `--ring-from` label names (`team_id` 1 names `team_id-1`); labels meaning
  /// "no category" give nil.
  private func ring(for record: ImportRecord) throws(ImportIssue) -> String? {
    guard let label = record.ringLabel, let field = options.ringFrom else { return nil }
    if let known = ringNames[label] { return known }
    let blank = ["", "unknown", "none", "n/a", "-"].contains(label.trimmed.lowercased())
    // A ring name starts with a letter: a number (Fleet's `team_id`) is named after its field.
    let numeric = !label.isEmpty && label.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    let fieldName = field.split(separator: ".").last.map(String.init) ?? field
    let name = blank ? nil : Ring.normalizedName(numeric ? "\(fieldName)-\(label)" : label)
    if !blank && name == nil {
      throw ImportIssue(
        record.location, field: field,
        "cannot make a ring name from \(String(reflecting: Sanitized.text(label, limit: 40))): use letters and digits"
      )
    }
    if ringNames.count < 1000 { ringNames[label] = name }
    return name
  }

  private func write(_ r: ImportRecord) throws {
    let labelRing = try ring(for: r)
    guard let key = r.mergeKey else {
      throw ImportIssue(
        r.location,
        "has no serial number, UDID or device id, so it cannot be told apart from other devices")
    }
    guard writing else { return }
    let checkIn = futureChecked(r.lastCheckIn, at: r.location)
    var incoming = Device(
      key: key, serial: r.serial.map { _ in key }, udid: r.udid, name: r.name,
      platform: r.platform, model: r.model, version: r.version, supervised: r.supervised,
      userEnrolled: r.userEnrolled, ring: "",
      lastCheckIn: checkIn.map { Date(timeIntervalSince1970: floor($0.timeIntervalSince1970)) },
      userName: r.userName, source: DeviceSource(rawValue: r.source.rawValue), sourceID: r.sourceID)
    guard let stored = try find(r, key: key) else {
      incoming.ring = ringOverride ?? labelRing ?? defaultRing
      let id = try session.insert(incoming)
      summary.added += 1
      _ = repeats.note(id: id, record: r, key: key, changed: true)
      return
    }
    // A check-in stored in the future (by an import before this rule) would win every merge
    // and freeze the device's version: it counts as no time at all.
    var current = stored.device
    if let t = current.lastCheckIn, t > options.now + FutureCheckIn.tolerance {
      current.lastCheckIn = nil
    }
    var merged = DeviceMerge.merged(stored: current, incoming: incoming)
    merged.ring = ringOverride ?? labelRing ?? stored.device.ring
    // The MDM's group and Ringside's ring disagree: the group wins, and the import says so.
    if ringOverride == nil, let labelRing, labelRing != stored.device.ring {
      summary.ringChanges += 1
      if summary.ringChangeExamples.count < 5 {
        summary.ringChangeExamples.append(
          "\(Sanitized.text(stored.device.key, limit: 40)): \(stored.device.ring) → \(labelRing)")
      }
    }
    var historyIsEmpty = false
    if DeviceMerge.versionChanged(stored.device.version, merged.version) {
      var history = try session.history(deviceID: stored.id)
      historyIsEmpty = history.isEmpty
      if historyIsEmpty { history.append(stored.device.version) }
      merged.removedLetter = VersionHistory.removedLetter(
        history: history + [merged.version], current: merged.version)
    }
    let changed = merged != stored.device
    if changed {
      try session.update(
        id: stored.id, from: stored.device, to: merged, historyIsEmpty: historyIsEmpty)
    }
    switch repeats.note(id: stored.id, record: r, key: key, changed: changed) {
    case .first where changed: summary.updated += 1
    case .first: summary.unchanged += 1
    case .repeated(let upgradesUnchanged):
      summary.repeated += 1
      if upgradesUnchanged {
        summary.unchanged -= 1
        summary.updated += 1
      }
    }
    if let id = r.sourceID {
      try session.link(
        deviceID: stored.id, source: r.source.rawValue, externalID: id, seen: incoming.lastCheckIn)
    }
    if let udid = r.udid, stored.device.udid == nil {
      try session.link(
        deviceID: stored.id, source: ImportSession.udidSource, externalID: udid,
        seen: incoming.lastCheckIn)
    }
  }

  /// The stored device a record describes: by merge key, UDID, the source's id, and for
  /// user-enrolled devices (no serial, no UDID) by name and user when exactly one matches.
  private func find(_ r: ImportRecord, key: String) throws(StoreError) -> StoredDevice? {
    if let d = try session.device(key: key) { return d }
    if let udid = r.udid, let d = try session.device(udid: udid) { return d }
    if let id = r.sourceID, let d = try session.device(source: r.source.rawValue, externalID: id) {
      return d
    }
    guard r.serial == nil, r.udid == nil, r.userEnrolled else { return nil }
    let candidates = try session.userEnrolledCandidates(
      name: r.name, family: r.platform.family, source: r.source.rawValue)
    guard candidates.count == 1, let only = candidates.first else { return nil }
    if let a = r.userName, let b = only.device.userName, Self.localPart(a) != Self.localPart(b) {
      return nil
    }
    return only
  }

  private static func localPart(_ user: String) -> String {
    String(user.lowercased().split(separator: "@").first ?? "")
  }

  /// Records pending updates once all devices are in, so a response may come before its device.
  func applyPending() throws {
    for p in pending {
      guard let device = try session.device(udid: p.udid) else {
        reject(
          ImportIssue(
            p.location, field: "UDID",
            "no device with UDID \(Sanitized.text(p.udid, limit: 60)) is in the store or this import; import its DeviceInformation response too"
          ))
        continue
      }
      guard writing else { continue }
      try session.replacePendingUpdates(
        deviceID: device.id,
        with: p.updates.map {
          PendingUpdateRow(
            version: $0.version, rsr: $0.rsr, build: $0.build,
            supplementalBuild: $0.supplementalBuild,
            isSecurityResponse: $0.isSecurityResponse)
        }, seenAt: p.seenAt)
      summary.pendingDevices += 1
    }
  }
}
