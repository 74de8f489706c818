import Foundation

/// Copies a whole store into a new one, SQLite or PostgreSQL on either side, ids as they are;
/// then, before anything is committed, checks that every table holds as many rows as in the
/// source and that the audit chain verifies on the target. Any failure leaves the target as
/// it was: the copy is one transaction there, and a SQLite file this created is removed.
public final class StoreMigration {
  /// What a finished migration copied.
  public struct Summary: Sendable {
    /// Rows per table, in the order they were copied (recounted tables last).
    public let tables: [(name: String, rows: Int)]
    public let auditEntries: Int
    public let seconds: Double
    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
  }

  /// Where from and where to: a path or a URL (with any password; never shown).
  public let from: String
  public let to: String
  /// Called as rows go in: the table, rows written so far, the table's rows.
  public var progress: (String, Int, Int) -> Void = { _, _, _ in }
  /// Checks the audit log on the target (inside its transaction) and returns the problem, or
  /// nil when it verifies: `AuditLog.verify`, which `audit --verify` runs.
  public var verifyAudit: (InventoryStore) throws -> (entries: Int, problem: String?) = {
    try $0.auditChainProblem()
  }

  /// A test seam: runs on the target after the copy and before the checks, inside the target's
  /// transaction, to make a copy go wrong the way a bug would.
  nonisolated(unsafe) static var beforeVerifying: ((InventoryStore) throws -> Void)?

  /// How often `progress` hears about a table's rows.
  static let progressEvery = 10_000

  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }

  /// Copies, verifies and commits; throws, naming the table and the problem, with the target
  /// left as it was.
  public func run() throws -> Summary {
    let source = StoreLocation(from)
    let target = StoreLocation(to)
    // A location Ringside cannot use is a usage error before either store is opened.
    try source.check()
    try target.check()
    if Self.sameStore(source, target) {
      throw StoreError(
        .conflict, "--from and --to name the same store (\(target.displayName)): nothing to copy")
    }
    var createdFile: String?
    do {
      let summary = try migrate(createdFile: &createdFile)
      if let createdFile, case .sqlite(let path) = target {
        try Self.publish(createdFile, as: path)
      }
      return summary
    } catch {
      if let createdFile { StorePath.removeStoreFiles(at: createdFile) }
      throw error
    }
  }

  /// Where a new SQLite target is written until it is verified and committed: beside it,
  /// hidden, so the target's name never shows a half-copied store, even after a kill.
  static func temporaryPath(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = "." + (path as NSString).lastPathComponent + ".migrating-\(getpid())"
    return folder.isEmpty ? name : folder + "/" + name
  }

  /// Gives the finished copy its name: a hard link, so a file that appeared there meanwhile
  /// is never replaced (a file system without hard links gets a rename). The copy was
  /// checkpointed and closed, so its `-wal` holds nothing.
  static func publish(_ temporary: String, as path: String) throws(StoreError) {
    if link(temporary, path) != 0 {
      let failure = errno
      if failure == EEXIST {
        throw StoreError(
          .conflict, "\(path) appeared while the copy was made; it was left alone")
      }
      guard rename(temporary, path) == 0 else {
        throw StoreError(
          .cannotOpen,
          "cannot name the copy \(path): \(String(cString: strerror(errno)))")
      }
    }
    StorePath.removeStoreFiles(at: temporary)
  }

  private func migrate(createdFile: inout String?) throws -> Summary {
    let started = Date()
    let sourceStore = try InventoryStore(path: from, readOnly: true)
    let reader = MigrationSource(sourceStore)
    let (targetStore, createSchema) = try openTarget(createdFile: &createdFile)
    try reader.begin()
    defer { reader.end() }
    let unknown = try MigrationTables.tables(sourceStore.database).filter {
      !(MigrationTables.all + MigrationTables.derived + MigrationTables.bookkeeping).contains($0)
    }
    if !unknown.isEmpty {
      // Most likely made by a newer Ringside (or by hand): exit 65 as a newer schema is.
      throw StoreError(
        .newerSchema,
        "the source \(sourceStore.path) has tables this Ringside does not know how to copy: "
          + unknown.joined(separator: ", "))
    }
    let copier = MigrationCopier(
      source: reader, target: targetStore, createSchema: createSchema, progress: progress)
    let tables = try targetStore.database.transaction { () throws -> [(String, Int)] in
      let tables = try copier.copyAll()
      try Self.beforeVerifying?(targetStore)
      try copier.verifyCounts()
      let audit: (entries: Int, problem: String?)
      do {
        audit = try verifyAudit(targetStore)
      } catch {
        throw StoreError(.other, "audit_log: the audit chain could not be checked: \(error)")
      }
      if let problem = audit.problem {
        throw StoreError(
          .corrupt, "audit_log: the audit chain does not verify on the target: \(problem)")
      }
      return tables
    }
    try targetStore.refreshStatistics()
    if createdFile != nil, let sqlite = targetStore.sqlite {
      // Everything into the file itself, so it can take its name without its `-wal`.
      let busy = try sqlite.scalar("PRAGMA wal_checkpoint(TRUNCATE)")?.int ?? 1
      if busy != 0 {
        throw StoreError(.busy, "the copy could not be checkpointed into one file")
      }
    }
    return Summary(
      tables: tables.map { (name: $0.0, rows: $0.1) },
      auditEntries: tables.first { $0.0 == "audit_log" }?.1 ?? 0,
      seconds: Date().timeIntervalSince(started))
  }

  /// Opens (creating when missing) the target. A missing SQLite file is created with the
  /// schema and noted in `createdFile`; a PostgreSQL database without Ringside's schema gets
  /// it inside the copy's transaction (`createSchema`).
  private func openTarget(createdFile: inout String?) throws -> (InventoryStore, Bool) {
    switch StoreLocation(to) {
    case .sqlite(let path):
      if FileManager.default.fileExists(atPath: path) {
        return (try InventoryStore(path: path, create: true), false)
      }
      let temporary = Self.temporaryPath(for: path)
      // Noted first: a failure while creating it removes what was made.
      createdFile = temporary
      return (try InventoryStore(path: temporary, create: true), false)
    case .postgres(let url):
      let connection = try PostgresConnection(url: url)
      let hasSchema = try connection.scalar("SELECT to_regclass('meta') IS NOT NULL")?.int == 1
      if hasSchema {
        // Upgraded, or refused when newer, as every command opens it.
        return (try InventoryStore(path: url, create: true), false)
      }
      return (InventoryStore(unpreparedPostgres: connection, url: url), true)
    }
  }

  static func sameStore(_ a: StoreLocation, _ b: StoreLocation) -> Bool {
    switch (a, b) {
    case (.sqlite(let x), .sqlite(let y)):
      return x == y || (canonical(x) != nil && canonical(x) == canonical(y))
    case (.postgres(let x), .postgres(let y)): return x == y
    default: return false
    }
  }

  private static func canonical(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

}
