import Foundation

/// The audit anchor of a shared store: `STORE.anchor`, made by `init --shared` as root, owned
/// by root with the admin group, mode 0660 and the file system's append-only flag (`chattr +a`),
/// which only root can clear. After every write that adds audit entries, Ringside appends the
/// newest entry's id and chain link to it. Admins can add lines but not change or remove them,
/// so `audit --verify` finds the log cut short, emptied, re-chained or forged below any anchored
/// entry, whoever looked at it. Admins can still append forged entries at the end, as any
/// writer can; root can do anything.
public enum AuditAnchor {
  /// Where the anchor of the store at `storePath` lives.
  public static func path(for storePath: String) -> String { storePath + ".anchor" }

  /// True when `path` is a regular file (not a link).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Appends the store's newest chained entry. Best effort: an anchor that cannot be written
  /// is reported by `audit --verify` later, never by failing the write that already committed.
  static func append(_ store: InventoryStore) {
    let path = path(for: store.path)
    guard exists(path), let head = try? AuditWitness.head(store) else { return }
    let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array("\(head.id) \(head.chain)\n".utf8)
    _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
  }

  /// What no longer matches the anchored entries; empty when there is no anchor.
  public static func problems(in store: InventoryStore) throws(StoreError) -> [String] {
    let path = path(for: store.path)
    guard exists(path) else { return [] }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      return ["cannot read the audit anchor \(path): \(String(cString: strerror(errno)))"]
    }
    defer { close(fd) }
    // The newest 256 KB: the newest anchored entry alone covers everything before it.
    var info = stat()
    fstat(fd, &info)
    let length = min(Int(info.st_size), 262_144)
    var buffer = [UInt8](repeating: 0, count: length)
    let n = buffer.withUnsafeMutableBytes {
      pread(fd, $0.baseAddress, length, off_t(Int(info.st_size) - length))
    }
    guard n >= 0 else { return ["cannot read the audit anchor \(path)"] }
    let links = AuditWitness.parse(String(decoding: buffer[0..<n], as: UTF8.self))
    return try AuditWitness.check(links, in: store, source: "anchor \(path)")
  }

  /// Makes the anchor of a shared store (root only): root's, the admin group's, 0660, append-only
  /// where the file system allows it, seeded with the newest entry. Returns a note when the
  /// append-only flag could not be set. An anchor that exists is left as it is.
  public static func create(for store: InventoryStore, group: gid_t) throws(StoreError) -> String? {
    let path = path(for: store.path)
    var info = stat()
    if lstat(path, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == 0 else {
        throw StoreError(
          .cannotOpen, "\(path) exists but is not root's regular file; move it away and retry")
      }
      return nil
    }
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw StoreError(.cannotOpen, "cannot create \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    guard fchown(fd, 0, group) == 0, fchmod(fd, 0o660) == 0 else {
      throw StoreError(.cannotOpen, "cannot set up \(path): \(String(cString: strerror(errno)))")
    }
    let appendOnly = setAppendOnly(fd, true)
    if let head = try? AuditWitness.head(store) {
      let bytes = Array("\(head.id) \(head.chain)\n".utf8)
      _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }
    return appendOnly
      ? nil
      : "\(path) could not be made append-only on this file system: admins could rewrite it"
  }

  /// Sets or clears the append-only flag (`chattr +a`/`-a`, root only, Linux); false when the
  /// file system or the platform does not allow it.
  @discardableResult
  public static func setAppendOnly(_ fd: Int32, _ on: Bool) -> Bool {
    #if os(Linux)
      let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
      let setFlags: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
      let appendFlag: Int32 = 0x20  // FS_APPEND_FL
      var flags: Int32 = 0
      guard ioctl(fd, getFlags, &flags) == 0 else { return false }
      flags = on ? flags | appendFlag : flags & ~appendFlag
      return ioctl(fd, setFlags, &flags) == 0
    #else
      return false
    #endif
  }

  /// True when the file at `path` carries the append-only flag.
  public static func isAppendOnly(_ path: String) -> Bool {
    #if os(Linux)
      let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      var flags: Int32 = 0
      return ioctl(fd, UInt(0x8008_6601), &flags) == 0 && flags & 0x20 != 0
    #else
      return false
    #endif
  }
}
