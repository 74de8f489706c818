import Foundation

/// File-system steps for shared stores and folders, done on open descriptors so that a symbolic
/// link planted in the path is never followed and what was checked is what gets changed.
enum SharedFiles {
  /// Gives a folder or file this user just created (or SQLite created for it) to `group` with
  /// `mode`: opened with `O_NOFOLLOW`, checked to be of the right kind and this user's, changed
  /// through the descriptor.
  static func adopt(_ path: String, group: gid_t, mode: mode_t, folder: Bool = false)
    throws(StoreError)
  {
    let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (folder ? O_DIRECTORY : O_NONBLOCK)
    let fd = open(path, flags)
    guard fd >= 0 else {
      throw StoreError(
        .cannotOpen,
        "cannot open \(path) without following links: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0,
      (info.st_mode & S_IFMT) == (folder ? S_IFDIR : S_IFREG), info.st_uid == geteuid()
    else {
      throw StoreError(
        .cannotOpen, "\(path) changed while it was being set up; nothing was changed")
    }
    if info.st_gid != group && fchown(fd, uid_t.max, group) != 0 {
      throw StoreError(
        .readOnly,
        "cannot give \(path) to group \(groupName(group)): \(String(cString: strerror(errno))); "
          + "run init as root or as a member of the group")
    }
    if (info.st_mode & 0o7777) != mode && fchmod(fd, mode) != 0 {
      throw StoreError(
        .readOnly, "cannot set the mode of \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// "root:ringside-admins 0664".
  static func describe(_ info: stat) -> String {
    "\(userName(info.st_uid)):\(groupName(info.st_gid)) "
      + String(format: "%04o", info.st_mode & 0o7777)
  }

  static func userName(_ uid: uid_t) -> String {
    getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(uid)"
  }

  static func groupName(_ gid: gid_t) -> String {
    getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? "gid \(gid)"
  }
}
