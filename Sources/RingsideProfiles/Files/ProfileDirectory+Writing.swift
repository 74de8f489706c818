import Foundation

extension ProfileDirectory {
  /// Replaces `name` with `bytes` atomically. A symbolic link or file at `name` is replaced
  /// itself; nothing it points to is touched.
  public func write(_ bytes: [UInt8], to name: String) throws(ProfileError) {
    let temporary = try stage(bytes, for: name)
    try install(temporary, as: name)
  }

  /// Writes `bytes` to a new temporary file beside `name` (mode 0600, or 0640 with the folder's
  /// group in a shared folder), flushed to disk; returns its name. Nothing else changes.
  func stage(_ bytes: [UInt8], for name: String) throws(ProfileError) -> String {
    let target = path(of: name)
    let temporary = temporaryName(for: name)
    let fd = SystemCall.retrying {
      openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    }
    guard fd >= 0 else { throw .cannotWrite(target, reason: SystemCall.reason) }
    do throws(ProfileError) {
      try writeAll(bytes, to: fd, path: target)
      if let group = sharedGroup, fchown(fd, uid_t.max, group) != 0 {
        throw .cannotWrite(target, reason: SystemCall.reason)
      }
      guard fchmod(fd, fileMode) == 0, SystemCall.retrying({ fsync(fd) }) == 0 else {
        throw .cannotWrite(target, reason: SystemCall.reason)
      }
      guard close(fd) == 0 else { throw .cannotWrite(target, reason: SystemCall.reason) }
    } catch {
      close(fd)
      unlinkat(descriptor, temporary, 0)
      throw error
    }
    return temporary
  }

  /// Renames a staged file over `name`.
  func install(_ temporary: String, as name: String) throws(ProfileError) {
    guard renameat(descriptor, temporary, descriptor, name) == 0 else {
      let reason = SystemCall.reason
      unlinkat(descriptor, temporary, 0)
      throw .cannotWrite(path(of: name), reason: reason)
    }
    try syncDirectory(path(of: name))
  }

  /// A second name (hard link) for what `name` holds now, file or symbolic link, so it can be
  /// put back; nil when nothing is there. Costs no space.
  func keepBackup(of name: String) throws(ProfileError) -> String? {
    let backup = temporaryName(for: name)
    if linkat(descriptor, name, descriptor, backup, 0) == 0 { return backup }
    if errno == ENOENT { return nil }
    throw .cannotWrite(path(of: name), reason: "keeping the old file: " + SystemCall.reason)
  }

  /// Puts a backup back under `name`, or removes `name` when there was none. Returns the
  /// reason it failed, or nil.
  func restore(_ backup: String?, as name: String) -> String? {
    let ok =
      backup.map { renameat(descriptor, $0, descriptor, name) == 0 }
      ?? (unlinkat(descriptor, name, 0) == 0 || errno == ENOENT)
    let reason = ok ? nil : SystemCall.reason
    _ = SystemCall.retrying { fsync(descriptor) }
    return reason
  }

  /// Removes a temporary or backup name; absent is fine.
  func discard(_ name: String) {
    unlinkat(descriptor, name, 0)
  }

  private func temporaryName(for name: String) -> String {
    "." + name + ProfileDirectory.temporaryMarker + "\(getpid())-\(nextCounter())"
  }

  /// Removes `name` (a file or a link, never what a link points to); absent is fine.
  public func remove(_ name: String) throws(ProfileError) {
    if unlinkat(descriptor, name, 0) != 0 && errno != ENOENT {
      throw .cannotRemove(path(of: name), reason: SystemCall.reason)
    }
    try syncDirectory(path(of: name))
  }

  /// Deletes temporary files a killed writer left behind. Call while holding the lock.
  public func removeLeftoverTemporaryFiles() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    for name in names where name.hasPrefix(".") && name.contains(ProfileDirectory.temporaryMarker) {
      unlinkat(descriptor, name, 0)
    }
  }

  private func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(ProfileError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { throw .cannotWrite(path, reason: SystemCall.reason) }
      offset += written
    }
  }

  private func syncDirectory(_ target: String) throws(ProfileError) {
    guard SystemCall.retrying({ fsync(descriptor) }) == 0 else {
      throw .cannotWrite(target, reason: "flushing the folder: " + SystemCall.reason)
    }
  }

  private func nextCounter() -> Int {
    temporaryCounter += 1
    return temporaryCounter
  }
}
