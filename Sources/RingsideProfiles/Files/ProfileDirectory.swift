import Foundation
import RingsideDomain

/// The folder profiles are written to, held open by descriptor so every read and write is
/// relative to the same folder. Files are read without following symbolic links and replaced
/// atomically: a temporary file in the same folder is written, flushed and renamed over the
/// old name, and the folder is flushed, so a crash leaves the old file or the new one.
public final class ProfileDirectory {
  /// Profiles larger than this are not what Ringside wrote; they are reported, not read.
  static let readLimit = 4 << 20
  static let temporaryMarker = ".ringside-tmp-"

  /// The folder's canonical path (symbolic links in the path resolved).
  public let path: String
  let descriptor: Int32
  var temporaryCounter = 0
  /// The folder's group when its group may write it (a profile folder shared by admins): files
  /// are made for that group, so every admin can read them.
  let sharedGroup: gid_t?

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
    var info = stat()
    sharedGroup = fstat(descriptor, &info) == 0 && info.st_mode & S_IWGRP != 0 ? info.st_gid : nil
  }

  /// Profiles: 0600, or 0640 in a shared folder.
  var fileMode: mode_t { sharedGroup == nil ? 0o600 : 0o640 }

  deinit { close(descriptor) }

  /// Opens an existing folder for reading; nil when there is none yet. A relative path is
  /// refused: it names another folder from each working directory.
  public static func existing(at path: String) throws(ProfileError) -> ProfileDirectory? {
    guard path.hasPrefix("/") else { throw .relativeDirectory(path) }
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try open(path)
  }

  /// Creates the folder (and missing parents) with mode 0700, or opens it, for writing.
  /// Refuses a folder other users may write to, and a relative path.
  public static func prepare(at path: String) throws(ProfileError) -> ProfileDirectory {
    guard path.hasPrefix("/") else { throw .relativeDirectory(path) }
    try createMissing(path)
    let directory = try open(path)
    var info = stat()
    guard fstat(directory.descriptor, &info) == 0 else {
      throw .cannotRead(path, reason: SystemCall.reason)
    }
    if info.st_mode & S_IWOTH != 0 { throw .directoryWritableByOthers(directory.path) }
    return directory
  }

  private static func open(_ path: String) throws(ProfileError) -> ProfileDirectory {
    let fd = SystemCall.retrying { Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    guard fd >= 0 else {
      if errno == ENOTDIR { throw .notADirectory(path) }
      throw .cannotRead(path, reason: SystemCall.reason)
    }
    let canonical = realpath(path, nil).map { pointer in
      defer { free(pointer) }
      return String(cString: pointer)
    }
    return ProfileDirectory(path: canonical ?? path, descriptor: fd)
  }

  private static func createMissing(_ path: String) throws(ProfileError) {
    var current = ""
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw .cannotCreateDirectory(current, reason: SystemCall.reason)
      }
    }
  }

  /// The full path of `name` in this folder, for messages and the store.
  public func path(of name: String) -> String { path + "/" + name }

  /// Takes the folder's exclusive lock (on the folder itself, no file), waiting for another
  /// session to finish.
  public func lock() throws(ProfileError) -> ProfileDirectoryLock {
    try ProfileDirectoryLock(directory: self)
  }

  /// Reads what `name` holds without following a symbolic link.
  public func read(_ name: String) -> OnDiskFile {
    let fd = SystemCall.retrying {
      openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    }
    if fd < 0 {
      switch errno {
      case ENOENT: return .absent
      case ELOOP: return .symbolicLink(target: linkTarget(name))
      default: return .unreadable(reason: SystemCall.reason)
      }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .unreadable(reason: SystemCall.reason) }
    guard SystemCall.isRegular(info.st_mode) else { return .notRegularFile }
    guard Int(info.st_size) <= ProfileDirectory.readLimit else {
      return .unreadable(reason: "larger than \(ProfileDirectory.readLimit >> 20) MB")
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { raw in
        Foundation.read(fd, raw.baseAddress, raw.count)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return .unreadable(reason: SystemCall.reason) }
      if count == 0 { break }
      bytes += buffer[..<count]
      if bytes.count > ProfileDirectory.readLimit {
        return .unreadable(reason: "larger than \(ProfileDirectory.readLimit >> 20) MB")
      }
    }
    return .regular(bytes: bytes, sha256: SHA256.hex(bytes))
  }

  private func linkTarget(_ name: String) -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlinkat(descriptor, name, &buffer, buffer.count - 1)
    guard count >= 0 else { return "?" }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
