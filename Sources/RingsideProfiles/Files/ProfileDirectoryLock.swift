import Foundation

/// An exclusive `flock` on the output folder's lock file, so two sessions never write the same
/// profiles at once. The kernel drops it when the process ends, even on `kill -9`.
public final class ProfileDirectoryLock {
  static let fileName = ".ringside.lock"
  private var descriptor: Int32

  init(directory: ProfileDirectory) throws(ProfileError) {
    let path = directory.path + "/" + ProfileDirectoryLock.fileName
    let fd = SystemCall.retrying {
      openat(
        directory.descriptor, ProfileDirectoryLock.fileName,
        O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, directory.lockMode)
    }
    guard fd >= 0 else {
      let reason = SystemCall.reason
      if errno == EACCES, directory.sharedGroup != nil {
        throw .cannotLock(
          path, reason: reason + "; its owner must make it group-writable (chmod 660 \(path))")
      }
      throw .cannotLock(path, reason: reason)
    }
    // In a shared folder the lock file is the group's; only its owner can change that, once.
    var info = stat()
    if let group = directory.sharedGroup, fstat(fd, &info) == 0, info.st_uid == geteuid() {
      if info.st_gid != group { fchown(fd, uid_t.max, group) }
      if info.st_mode & 0o777 != directory.lockMode { fchmod(fd, directory.lockMode) }
    }
    guard SystemCall.retrying({ flock(fd, LOCK_EX) }) == 0 else {
      let reason = SystemCall.reason
      close(fd)
      throw .cannotLock(path, reason: reason)
    }
    descriptor = fd
  }

  /// Releases the lock; also done when the lock is dropped.
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
