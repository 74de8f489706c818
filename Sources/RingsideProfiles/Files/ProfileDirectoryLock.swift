import Foundation

/// An exclusive `flock` on the output folder itself, so two sessions never write the same
/// profiles at once. Nothing is created for it: the lock is on the folder's inode (its device
/// and inode number are its identity), so the folder the MDM reads holds only what Ringside
/// writes there, and every admin who can open a shared folder takes the same lock. The kernel
/// drops it when the process ends, even on `kill -9`.
public final class ProfileDirectoryLock {
  /// The lock file earlier versions kept in the folder; removed once the folder is locked.
  static let formerFileName = ".ringside.lock"
  private var descriptor: Int32

  init(directory: ProfileDirectory) throws(ProfileError) {
    // A descriptor of its own: flock belongs to the open file, so the lock is released with it
    // and two ProfileDirectory objects in one process also exclude each other.
    let fd = SystemCall.retrying {
      openat(directory.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }
    guard fd >= 0 else { throw .cannotLock(directory.path, reason: SystemCall.reason) }
    guard SystemCall.retrying({ flock(fd, LOCK_EX) }) == 0 else {
      let reason = SystemCall.reason
      close(fd)
      throw .cannotLock(directory.path, reason: reason)
    }
    descriptor = fd
    removeFormerLockFile(in: directory)
  }

  /// Deletes the empty `.ringside.lock` an earlier version left among the profiles.
  private func removeFormerLockFile(in directory: ProfileDirectory) {
    var info = stat()
    guard
      fstatat(directory.descriptor, Self.formerFileName, &info, AT_SYMLINK_NOFOLLOW) == 0,
      SystemCall.isRegular(info.st_mode), info.st_size == 0
    else { return }
    unlinkat(directory.descriptor, Self.formerFileName, 0)
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
