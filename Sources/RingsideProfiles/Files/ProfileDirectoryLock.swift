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
        O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    }
    guard fd >= 0 else { throw .cannotLock(path, reason: SystemCall.reason) }
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
