import CSQLite
import Foundation

/// Sets up a store's folder and files for a shared management host, so that the file system,
/// not Ringside, keeps viewers from writing:
///
/// - the store, `-wal` and `-shm` files belong to the admin group, mode 0664: admins write,
///   everyone who can reach the folder reads (SQLite keeps `-wal`/`-shm` in place, so readers
///   never need to create them);
/// - with a viewer group, the folder belongs to it, mode 2750: only its members (and admins,
///   who must be members too) reach the files; without one, the folder belongs to the admin
///   group, mode 2775, so any admin can recreate `-wal`/`-shm` (which SQLite makes with the
///   store's mode, and the setgid folder gives the admin group) after root removed them.
///   With a viewer group only root can; until then everyone still reads (see InventoryStore).
///
/// As root it also makes the store's audit anchor (see AuditAnchor).
///
/// It only sets owners and modes on what it creates itself. Something already there is used
/// when it already has the wanted group and mode and belongs to this user or root; otherwise it
/// is refused with the reason, and a symbolic link is never followed (folder, store, `-wal`,
/// `-shm`): everything is opened with `O_NOFOLLOW` and checked by `fstat` on the open file.
public struct SharedStoreLayout {
  public let storePath: String
  public let adminGroup: (name: String, gid: gid_t)
  public let viewerGroup: (name: String, gid: gid_t)?

  /// Looks the groups up; a missing group is an error naming it.
  public init(storePath: String, adminGroup: String, viewerGroup: String?) throws(StoreError) {
    self.storePath = storePath
    guard let admin = SharedStoreLayout.gid(adminGroup) else {
      throw StoreError(
        .notFound, "no group named \(adminGroup): create it first (groupadd \(adminGroup))")
    }
    self.adminGroup = (adminGroup, admin)
    if let viewerGroup {
      guard let viewer = SharedStoreLayout.gid(viewerGroup) else {
        throw StoreError(
          .notFound, "no group named \(viewerGroup): create it first (groupadd \(viewerGroup))")
      }
      self.viewerGroup = (viewerGroup, viewer)
    } else {
      self.viewerGroup = nil
    }
  }

  static func gid(_ name: String) -> gid_t? {
    guard let group = getgrnam(name) else { return nil }
    return group.pointee.gr_gid
  }

  public var directory: String {
    let folder = (storePath as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// The folder's group and mode: setgid, so files made in it later belong to its group.
  var folderGroup: gid_t { viewerGroup?.gid ?? adminGroup.gid }
  var folderMode: mode_t { viewerGroup == nil ? 0o2775 : 0o2750 }
  static let fileMode: mode_t = 0o664
  static let lockFileMode: mode_t = 0o660

  /// Creates what is missing (folder, store, `-wal`, `-shm`), checks what exists, migrates the
  /// store. Returns one line per path: created, or kept as it was.
  @discardableResult
  public func apply() throws(StoreError) -> [String] {
    var report: [String] = []
    let folderCreated = try ensureFolder()
    report.append("\(directory): \(folderCreated ? "created" : "kept"), \(describe(directory))")
    let storeCreated = try ensureStoreFile()
    let lockPath = WriterLock.path(for: storePath)
    let lockCreated = try ensureWriterLockFile()
    var existed: [String: Bool] = [:]
    for suffix in ["-wal", "-shm"] {
      existed[suffix] = try checkExisting(
        storePath + suffix, group: adminGroup.gid, mode: Self.fileMode)
    }
    var anchorNote: String?
    do {
      let store = try InventoryStore(path: storePath, create: false)
      try store.database.execute("PRAGMA wal_checkpoint(PASSIVE)")
      if geteuid() == 0 {
        anchorNote = try AuditAnchor.create(for: store, group: adminGroup.gid) ?? ""
      }
    }
    report.append("\(storePath): \(storeCreated ? "created" : "kept"), \(describe(storePath))")
    report.append("\(lockPath): \(lockCreated ? "created" : "kept"), \(describe(lockPath))")
    for suffix in ["-wal", "-shm"] {
      let path = storePath + suffix
      if existed[suffix] != true {
        try SharedFiles.adopt(path, group: adminGroup.gid, mode: Self.fileMode)
      }
      report.append("\(path): \(existed[suffix] == true ? "kept" : "created"), \(describe(path))")
    }
    if let anchorNote {
      let anchor = AuditAnchor.path(for: storePath)
      report.append(
        anchorNote.isEmpty
          ? "\(anchor): \(describe(anchor))\(AuditAnchor.isAppendOnly(anchor) ? ", append-only" : "")"
          : anchorNote)
    }
    return report
  }

  /// "root:ringside-admins 0664".
  func describe(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0 else { return "missing" }
    return SharedFiles.describe(info)
  }

  /// True when it made the folder.
  private func ensureFolder() throws(StoreError) -> Bool {
    var info = stat()
    if lstat(directory, &info) == 0 {
      guard (info.st_mode & S_IFMT) != S_IFLNK else {
        throw refusal(
          directory, "is a symbolic link; init --shared never follows one: give the real folder")
      }
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw refusal(directory, "is not a folder")
      }
      try accept(directory, info, group: folderGroup, mode: folderMode, kind: "folder")
      return false
    }
    let parent = (directory as NSString).deletingLastPathComponent
    if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
      do {
        try FileManager.default.createDirectory(
          atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
      } catch {
        throw StoreError(.cannotOpen, "cannot create \(parent): \(error.localizedDescription)")
      }
    }
    guard mkdir(directory, 0o700) == 0 else {
      throw StoreError(
        .cannotOpen, "cannot create \(directory): \(String(cString: strerror(errno)))")
    }
    try SharedFiles.adopt(directory, group: folderGroup, mode: folderMode, folder: true)
    return true
  }

  /// True when it made the store file (empty, for SQLite to fill).
  private func ensureStoreFile() throws(StoreError) -> Bool {
    if try checkExisting(storePath, group: adminGroup.gid, mode: Self.fileMode) {
      try refuseForeignDatabase()
      return false
    }
    try createEmpty(storePath, mode: Self.fileMode, what: "the store")
    return true
  }

  /// Creates `path` as a new empty file (never through a link, never over one already there)
  /// and gives it the admin group and `mode`.
  private func createEmpty(_ path: String, mode: mode_t, what: String) throws(StoreError) {
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw StoreError(
        .cannotOpen, "cannot create \(what) \(path): \(String(cString: strerror(errno)))")
    }
    close(fd)
    try SharedFiles.adopt(path, group: adminGroup.gid, mode: mode)
  }

  /// True when it made the writer lock file: the admin group's, mode 0660, so viewers cannot
  /// open it and so cannot hold it (see WriterLock).
  private func ensureWriterLockFile() throws(StoreError) -> Bool {
    let path = WriterLock.path(for: storePath)
    if try checkExisting(path, group: adminGroup.gid, mode: Self.lockFileMode) { return false }
    try createEmpty(path, mode: Self.lockFileMode, what: "the lock file")
    return true
  }

  /// False when nothing is at `path`; true when a regular file with the wanted group and mode,
  /// belonging to this user or root, is; refused otherwise.
  private func checkExisting(_ path: String, group: gid_t, mode: mode_t) throws(StoreError) -> Bool
  {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    guard (info.st_mode & S_IFMT) != S_IFLNK else {
      throw refusal(path, "is a symbolic link; init --shared never follows one")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw refusal(path, "is not a regular file") }
    try accept(path, info, group: group, mode: mode, kind: "file")
    return true
  }

  /// Accepts an existing folder or file only as it already is.
  private func accept(_ path: String, _ info: stat, group: gid_t, mode: mode_t, kind: String)
    throws(StoreError)
  {
    if info.st_uid != geteuid() && info.st_uid != 0 {
      throw refusal(
        path,
        "belongs to \(SharedFiles.userName(info.st_uid)), who could replace what init puts there; "
          + "use a \(kind) of your own")
    }
    let wanted = String(mode, radix: 8)
    // The setgid bit of a folder is welcome but not required (older stores lack it).
    if info.st_gid != group || (info.st_mode & 0o777) != (mode & 0o777) {
      throw refusal(
        path,
        "exists as \(SharedFiles.describe(info)); init --shared only sets the permissions of what "
          + "it creates. Use a new \(kind), or set them yourself: chgrp \(SharedFiles.groupName(group)) "
          + "\(path) && chmod \(wanted) \(path)")
    }
  }

  /// An existing store file must be empty or a Ringside store: another program's SQLite file is
  /// never migrated.
  private func refuseForeignDatabase() throws(StoreError) {
    var info = stat()
    guard lstat(storePath, &info) == 0, info.st_size > 0 else { return }
    let database = try SQLiteDatabase(path: storePath, readOnly: true, create: false)
    let version = try? database.scalar("PRAGMA user_version")?.int
    let hasMeta = try? database.scalar(
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'devices', 'rings')"
    )?.int
    guard let version, version > 0, hasMeta == 3 else {
      throw refusal(
        storePath,
        "is not a Ringside store (another program's database?); init --shared leaves it alone")
    }
  }

  private func refusal(_ path: String, _ reason: String) -> StoreError {
    StoreError(.cannotOpen, "\(path) \(reason)")
  }
}
