import CSQLite
import Foundation
import RingsideDomain

/// The inventory: devices, their history, rings and policies, staged changes, the audit log
/// and catalog overrides, in a local SQLite file or a shared PostgreSQL database. Every screen
/// and command reads through it.
public final class InventoryStore {
  /// Every query goes through this seam.
  let database: any StoreConnection
  /// The same connection when the store is SQLite: the bulk paths (import, the text index,
  /// facets) and SQLite's own settings use it directly.
  let sqlite: SQLiteDatabase?
  /// The file, or for PostgreSQL the URL without its password: what messages show.
  public let path: String
  /// What opens this store again (for PostgreSQL the URL with any password); never shown.
  public let reopenPath: String
  public let isReadOnly: Bool
  private var cachedCatalog: ReleaseCatalog?
  /// The in-memory text index the dashboard attached, with what it matched lately.
  var textSearch: TextSearch?
  /// On PostgreSQL once the dashboard asked for `dataVersion`: the server's transaction id
  /// then, plus one per change notice received since.
  var noticedVersion: Int64?
  /// The day derived states are for (`YYYY-MM-DD`, UTC): signing windows close on it. Tests
  /// set it; everything else uses the clock.
  public var today: String = UTCTimestamp.date(Int64(Date().timeIntervalSince1970))

  /// Opens the store at `path`. With `create`, a missing file is created (mode 0600, parent
  /// directories 0700) and migrated; otherwise a missing file is an error.
  /// A `postgresql://` or `postgres://` URL in place of the path opens that PostgreSQL
  /// database instead; `create` then creates the schema and roles when missing.
  public init(path: String, create: Bool = false, readOnly: Bool = false) throws(StoreError) {
    self.isReadOnly = readOnly
    self.reopenPath = path
    if case .postgres(let url) = StoreLocation(path) {
      self.path = PostgresURL.redacted(url)
      let connection = try PostgresConnection(url: url)
      database = connection
      sqlite = nil
      try preparePostgres(connection, create: create)
      return
    }
    self.path = path
    let fm = FileManager.default
    let exists = fm.fileExists(atPath: path)
    if !exists {
      guard create, !readOnly else {
        let shown = Sanitized.text(path, limit: 300)
        throw StoreError(
          .notFound,
          "no store at \(shown) (another --db, $RINGSIDE_DB or user?): create one with `ringside init --db \(shown)` or `ringside import --db \(shown) FILE`, or try the demo with `ringside --demo`"
        )
      }
      try InventoryStore.createPrivateFile(at: path)
    }
    let sqlite = try SQLiteDatabase(
      path: path, readOnly: readOnly, create: false,
      immutable: readOnly && Self.walFilesAreGone(path))
    self.sqlite = sqlite
    database = sqlite
    do {
      try configure()
      try migrate()
    } catch let error where error.kind == .readOnly && Self.walFilesAreGone(path) {
      throw StoreError(
        .readOnly,
        "the store \(path) lost its -wal and -shm files (someone opened it as root, e.g. with "
          + "sqlite3, which removes them on exit) and this user cannot create them in "
          + "\((path as NSString).deletingLastPathComponent): reading still works; to write "
          + "again, root runs `ringside init --shared --db \(path)` with the same groups, "
          + "which recreates them")
    }
  }

  /// A store on a PostgreSQL database whose schema the caller creates in its own transaction
  /// (`migrate` creates a new target's schema in the transaction that fills it).
  init(unpreparedPostgres connection: PostgresConnection, url: String) {
    isReadOnly = false
    reopenPath = url
    path = PostgresURL.redacted(url)
    database = connection
    sqlite = nil
  }

  /// True when neither `-wal` nor `-shm` exists and this user may not create files beside the
  /// store: SQLite could not open it in WAL mode, but it can read it as an unchanging file
  /// (whoever removed them checkpointed everything into the store first).
  static func walFilesAreGone(_ path: String) -> Bool {
    let folder = (path as NSString).deletingLastPathComponent
    return access(path + "-wal", F_OK) != 0 && access(path + "-shm", F_OK) != 0
      && access(folder.isEmpty ? "." : folder, W_OK) != 0
  }

  private static func createPrivateFile(at path: String) throws(StoreError) {
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
      do {
        try FileManager.default.createDirectory(
          atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        throw StoreError(
          .cannotOpen,
          "cannot create the folder \(dir) for the store: \(error.localizedDescription)")
      }
    }
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if fd < 0 {
      throw StoreError(
        .cannotOpen, "cannot create the store \(path): \(String(cString: strerror(errno)))")
    }
    close(fd)
  }

  private func configure() throws(StoreError) {
    if !isReadOnly {
      // Takes effect only on a new, empty store. Larger pages make a bulk import's index
      // builds and checkpoint cheaper (100k devices: about 150 ms less than with 4 KB pages).
      try database.execute("PRAGMA page_size=16384")
      let mode = try database.scalar("PRAGMA journal_mode=WAL")?.string
      if mode?.lowercased() != "wal" {
        throw StoreError(
          .other, "store \(path): could not switch to WAL journaling (got \(mode ?? "nothing"))")
      }
    }
    try database.execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;")
    if !isReadOnly, let sqlite { _ = ringside_sqlite_persist_wal(sqlite.handle) }
  }

  private func migrate() throws(StoreError) {
    let version = Int(try database.scalar("PRAGMA user_version")?.int ?? 0)
    if version > Schema.currentVersion {
      throw StoreError(
        .newerSchema,
        "the store \(path) was created by a newer Ringside (schema \(version), this one knows up to \(Schema.currentVersion)); upgrade Ringside to open it"
      )
    }
    if version == Schema.currentVersion { return }
    if isReadOnly {
      // A reading command on a store from an older Ringside: upgrade it when this user may
      // write it, through a separate connection, then go on reading.
      guard access(path, W_OK) == 0 else {
        throw StoreError(
          .readOnly,
          "the store \(path) is from an older Ringside and needs an upgrade: run any writing command on it as an admin (e.g. ringside init --db \(path))"
        )
      }
      _ = try InventoryStore(path: path, create: false, readOnly: false)
      return
    }
    do {
      try database.transaction {
        for (index, sql) in Schema.migrations.enumerated() where index >= version {
          try database.execute(sql)
        }
        for (table, column, type) in Schema.addedColumns {
          let present = try database.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")
            .query([.text(table), .text(column)]) { _ in true }
          if present.isEmpty {
            try database.execute("ALTER TABLE \(table) ADD COLUMN \(column) \(type)")
          }
        }
        try database.execute("PRAGMA user_version = \(Schema.currentVersion)")
        if version == 0 {
          for (position, name) in Ring.defaultNames.enumerated() {
            try insertRing(name: name, position: position)
          }
          // A new store derives every state under today's rules as devices arrive.
          try recordStatesDerived()
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(.other, "store \(path): \(error)")
    }
  }

  /// The release catalog: the builtin one plus whatever `catalog import` stored here.
  public func catalog() throws(StoreError) -> ReleaseCatalog {
    if let cachedCatalog { return cachedCatalog }
    let overrides = try catalogOverrides()
    let catalog =
      overrides.isEmpty
      ? ReleaseCatalog.builtin
      : ReleaseCatalog.builtin.merging(overrides, asOf: try catalogAsOf())
    cachedCatalog = catalog
    return catalog
  }

  func invalidateCatalog() { cachedCatalog = nil }

  /// The SQLite connection, for what only the SQLite backend does so far.
  func requireSQLite(_ feature: String) throws(StoreError) -> SQLiteDatabase {
    guard let sqlite else {
      throw StoreError(.other, "\(feature) is not yet available on a PostgreSQL store (\(path))")
    }
    return sqlite
  }

  /// Runs `body` in one transaction of `kind` (see `WriteKind`: a stage on PostgreSQL need not
  /// wait for an import), translating failures to `StoreError`.
  public func write<T>(_ kind: WriteKind = .everything, _ body: () throws -> T) throws(StoreError)
    -> T
  {
    do {
      let anchored = sqlite != nil && AuditAnchor.exists(AuditAnchor.path(for: path))
      let before = anchored ? try? AuditWitness.head(self) : nil
      let result = try database.transaction(as: kind, body)
      if anchored, let after = try? AuditWitness.head(self), after != before {
        AuditAnchor.append(self)
      }
      return result
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(.other, "\(error)")
    }
  }

  /// `PRAGMA integrity_check` and `foreign_key_check`; returns the problems found.
  /// PostgreSQL checks its own pages and keys; there this finds nothing to report.
  public func integrityProblems() throws(StoreError) -> [String] {
    if sqlite == nil { return [] }
    var problems = try database.prepare("PRAGMA integrity_check").query { $0.string(at: 0) ?? "" }
      .filter { $0 != "ok" }
    let fk = try database.prepare("PRAGMA foreign_key_check").query { stmt in
      "foreign key: \(stmt.string(at: 0) ?? "?") row \(stmt.int(at: 1) ?? 0)"
    }
    problems += fk
    return problems
  }
}
