import Foundation
import RingsideStore

/// What `ringside import` was asked to do besides reading files.
public struct ImportOptions: Sendable {
  /// nil detects each file's format from its content.
  public var format: ImportFormat?
  /// Puts every imported device in this ring.
  public var ring: String?
  /// Takes each device's ring from this column or field.
  public var ringFrom: String?
  /// Stores the good records and reports the rejected ones, instead of storing nothing.
  public var skipInvalid: Bool
  /// Reports what would change and stores nothing.
  public var dryRun: Bool
  /// The time of the import: check-ins more than a day after it are ignored, and the audit
  /// entry carries it.
  public var now: Date
  /// Who runs the import, for its audit entry.
  public var actor: AuditActor
  /// The smallest estimated input, in records, imported the bulk way (indexes rebuilt once at
  /// the end). Tests lower it to run the bulk path on small files.
  public var bulkMinimumRecords = ImportOptions.defaultBulkMinimumRecords
  /// How inputs are named in messages and the audit entry instead of their paths (`ringside
  /// sync` names its pages, not the temporary files that hold them).
  public var inputNames: [String: String] = [:]
  public static let defaultBulkMinimumRecords = 2_000

  public init(
    format: ImportFormat? = nil, ring: String? = nil, ringFrom: String? = nil,
    skipInvalid: Bool = false,
    dryRun: Bool = false, now: Date = Date(),
    actor: AuditActor = .current(environment: ProcessInfo.processInfo.environment)
  ) {
    self.now = now
    self.actor = actor
    self.format = format
    self.ring = ring
    self.ringFrom = ringFrom
    self.skipInvalid = skipInvalid
    self.dryRun = dryRun
  }
}

/// The format chosen for one input, and why.
public struct FormatChoice: Sendable, Hashable {
  public let file: String
  public let format: ImportFormat
  public let reason: String
}

/// The counts `ringside import` reports.
public struct ImportSummary: Sendable, Hashable {
  public var choices: [FormatChoice] = []
  public var read = 0
  public var added = 0
  public var updated = 0
  public var unchanged = 0
  /// Records of a device the same file had already listed (the same record again, or another
  /// enrolment of it): merged into that device, not counted as added, updated or unchanged.
  public var repeated = 0
  public var rejected = 0
  /// Records of devices Ringside does not manage (Windows, Android...).
  public var skipped = 0
  /// Devices whose pending updates were recorded.
  public var pendingDevices = 0
  /// Devices in the store whose RSR/BSI letter no source has reported.
  public var unknownLetters = 0
  /// The same devices by the source their version came from (`ImportSource` raw values, or
  /// others a store may hold, such as `demo`).
  public var unknownLettersBySource: [String: Int] = [:]
  public var newRings: [String] = []
  /// Devices whose MDM group (`--ring-from`) named another ring than Ringside had, moved to the
  /// group's ring; the first few as "SERIAL: from → to".
  public var ringChanges = 0
  public var ringChangeExamples: [String] = []
  /// Warnings: check-ins in the future, missing or overlapping pages, repeated records.
  public var warnings = 0
  /// False for a dry run or a rejected import.
  public var stored = false

  public init() {}
}

/// Why an import stored nothing.
public enum ImportFailure: Error, Sendable {
  /// The command line asked for something impossible.
  case usage(String)
  /// A file cannot be read at all (missing, unknown format, truncated, wrong encoding).
  case file(ImportIssue, missing: Bool)
  /// Records were invalid and `--skip-invalid` was not given; the first issues, in order.
  case rejected(ImportSummary, [ImportIssue])
  case store(StoreError)
}

/// What the import tells its caller while it runs.
public struct ImportEvents {
  /// A file's format was decided.
  public var chose: (FormatChoice) -> Void
  /// A record was rejected (reported as it happens with `--skip-invalid`).
  public var rejected: (ImportIssue) -> Void
  /// How far the import has read, every 10,000 records.
  public var progress: (ImportProgress) -> Void
  /// A remark that rejects nothing.
  public var notice: (String) -> Void
  /// Something probably wrong with the input that rejects nothing: a check-in in the future,
  /// a missing Graph page. Shown even when the import is quiet.
  public var warning: (String) -> Void
  /// Every record is read and the import does one long step before its commit ("building
  /// the indexes": 1M devices, seconds on SQLite, most of a minute on PostgreSQL).
  public var finishing: (String) -> Void = { _ in }

  public init(
    chose: @escaping (FormatChoice) -> Void = { _ in },
    rejected: @escaping (ImportIssue) -> Void = { _ in },
    progress: @escaping (ImportProgress) -> Void = { _ in },
    notice: @escaping (String) -> Void = { _ in },
    warning: @escaping (String) -> Void = { _ in }
  ) {
    self.warning = warning
    self.chose = chose
    self.rejected = rejected
    self.progress = progress
    self.notice = notice
  }
}
