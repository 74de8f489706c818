import Foundation

extension ProfileDirectory {
  /// Replaces `name` with `bytes` (mode 0600) atomically. A symbolic link or file at `name` is
  /// replaced itself; nothing it points to is touched.
  public func write(_ bytes: [UInt8], to name: String) throws(ProfileError) {
    let target = path(of: name)
    let temporary = "." + name + ProfileDirectory.temporaryMarker + "\(getpid())-\(nextCounter())"
    let fd = SystemCall.retrying {
      openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    }
    guard fd >= 0 else { throw .cannotWrite(target, reason: SystemCall.reason) }
    do throws(ProfileError) {
      try writeAll(bytes, to: fd, path: target)
      guard fchmod(fd, 0o600) == 0, SystemCall.retrying({ fsync(fd) }) == 0 else {
        throw .cannotWrite(target, reason: SystemCall.reason)
      }
      guard close(fd) == 0 else { throw .cannotWrite(target, reason: SystemCall.reason) }
    } catch {
      close(fd)
      unlinkat(descriptor, temporary, 0)
      throw error
    }
    guard renameat(descriptor, temporary, descriptor, name) == 0 else {
      let reason = SystemCall.reason
      unlinkat(descriptor, temporary, 0)
      throw .cannotWrite(target, reason: reason)
    }
    try syncDirectory(target)
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
