import CSQLiteVFS
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lock that serialises Ringside's writers to one store: `flock` on `STORE-lock`, a file
/// that only the store's writers can open.
///
/// It exists because SQLite's own write lock is a byte of the `-shm` file, which every reader
/// must be able to open, and anyone who can open a file can hold a read lock on any byte of it:
/// a viewer could keep admins from writing for as long as they liked. While a process holds this
/// lock, its connection takes SQLite's write and checkpoint locks past read locks (and only
/// read locks) in the way (see the "ringside" VFS in CSQLiteVFS); other writers still exclude
/// it as before.
struct WriterLock {
  private let descriptor: Int32

  static func path(for storePath: String) -> String { storePath + "-lock" }

  /// Waits up to `timeoutMS` for the lock. Nil when the store has no lock file this user can
  /// open and none can be made (a viewer, or a shared store set up before the lock existed),
  /// or when the file is not one only writers can open; SQLite's own locking then applies alone.
  static func acquire(storePath: String, timeoutMS: Int32) throws(StoreError) -> WriterLock? {
    guard let descriptor = openLockFile(storePath: storePath) else { return nil }
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeoutMS, 0)) * 1_000_000
    var pause: UInt32 = 1_000
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let failure = errno
      guard failure == EWOULDBLOCK || failure == EINTR,
        DispatchTime.now().uptimeNanoseconds < deadline
      else {
        close(descriptor)
        if failure == EWOULDBLOCK || failure == EINTR {
          throw StoreError(
            .busy,
            "the store \(storePath) stayed locked by another Ringside session for "
              + duration(milliseconds: timeoutMS))
        }
        throw StoreError(
          .other, "cannot lock \(path(for: storePath)): \(String(cString: strerror(failure)))")
      }
      usleep(pause)
      pause = min(pause * 2, 20_000)
    }
    return WriterLock(descriptor: descriptor)
  }

  /// "5 s", or "300 ms" for a wait shorter than a second or not a whole number of them.
  static func duration(milliseconds: Int32) -> String {
    milliseconds >= 1000 && milliseconds % 1000 == 0
      ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// Opens the lock file, making it when missing with the store's owner-and-group access for
  /// writing (0660 beside a group-writable store, else 0600).
  private static func openLockFile(storePath: String) -> Int32? {
    let lockPath = path(for: storePath)
    var descriptor = open(lockPath, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
    if descriptor < 0 && errno == ENOENT {
      var store = stat()
      guard stat(storePath, &store) == 0 else { return nil }
      let mode: mode_t = (store.st_mode & 0o020) != 0 ? 0o660 : 0o600
      descriptor = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
      if descriptor >= 0 { fchmod(descriptor, mode) }
    }
    guard descriptor >= 0 else { return nil }
    guard onlyWritersCanOpen(descriptor, storePath: storePath) else {
      close(descriptor)
      return nil
    }
    return descriptor
  }

  /// A lock file that others may read could be held by them just the same: it is ignored.
  /// (The "ringside" VFS applies the same rule when it takes the lock itself.)
  private static func onlyWritersCanOpen(_ descriptor: Int32, storePath: String) -> Bool {
    var info = stat()
    var store = stat()
    guard fstat(descriptor, &info) == 0, stat(storePath, &store) == 0 else { return false }
    guard (info.st_mode & S_IFMT) == S_IFREG, (info.st_mode & 0o007) == 0 else { return false }
    return (info.st_mode & 0o070) == 0 || info.st_gid == store.st_gid
  }
}
