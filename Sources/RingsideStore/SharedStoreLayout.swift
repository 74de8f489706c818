import Foundation

/// Sets up a store's folder and files for a shared management host, so that the file system,
/// not Ringside, keeps viewers from writing:
///
/// - the store, `-wal` and `-shm` files belong to the admin group, mode 0664: admins write,
///   everyone who can reach the folder reads (SQLite keeps `-wal`/`-shm` in place, so readers
///   never need to create them);
/// - with a viewer group, the folder belongs to it, mode 0750: only its members (and admins,
///   who must be members too) reach the files; without one, the folder is 0755.
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

  public var directory: String { (storePath as NSString).deletingLastPathComponent }

  /// Creates the folder and the store (migrated, WAL files in place) and sets owners and modes.
  public func apply() throws(StoreError) {
    let fm = FileManager.default
    if !fm.fileExists(atPath: directory) {
      do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
        throw StoreError(.cannotOpen, "cannot create \(directory): \(error.localizedDescription)")
      }
    }
    try change(
      directory, group: viewerGroup?.gid ?? adminGroup.gid, mode: viewerGroup == nil ? 0o755 : 0o750
    )
    do {
      let store = try InventoryStore(path: storePath, create: true)
      try store.database.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }
    for suffix in ["", "-wal", "-shm"] {
      try change(storePath + suffix, group: adminGroup.gid, mode: 0o664)
    }
  }

  private func change(_ path: String, group: gid_t, mode: mode_t) throws(StoreError) {
    if chown(path, uid_t.max, group) != 0 {
      throw StoreError(
        .readOnly,
        "cannot give \(path) to its group: \(String(cString: strerror(errno))); run init as root or as a member of the group"
      )
    }
    if chmod(path, mode) != 0 {
      throw StoreError(
        .readOnly, "cannot set the mode of \(path): \(String(cString: strerror(errno)))")
    }
  }
}
