/// One file of a plan checked against the folder: what a write would do to it, and why it may
/// not be overwritten without `--force`.
public struct FileReview: Sendable, Hashable {
  /// What writing the plan does to this file.
  public enum Action: String, Sendable, Hashable {
    case create, update, unchanged, remove
  }

  public let name: String
  /// The full path, for messages.
  public let path: String
  public let action: Action
  /// The new contents; nil when the file is removed.
  public let planned: ProfileFile?
  public let onDisk: OnDiskFile
  /// Set when the file on disk is not what Ringside last wrote there; writing needs `--force`.
  public let conflict: String?

  /// What the write changes, line by line (empty text for an absent side).
  public var diff: LineDiff { LineDiff(old: onDisk.text ?? "", new: planned?.text ?? "") }

  /// The diff in unified format, labelled with the path.
  public var unifiedDiff: String {
    diff.unified(
      oldLabel: onDisk == .absent ? "/dev/null" : path + " (on disk)",
      newLabel: planned == nil ? "/dev/null" : path + " (staged)")
  }

  /// Checks one planned file (or a file to remove, when `planned` is nil) against the disk and
  /// the hashes Ringside wrote or meant to write there.
  public static func make(
    name: String, path: String, planned: ProfileFile?, onDisk: OnDiskFile, known: Set<String>
  ) -> FileReview {
    let action: Action
    switch (planned, onDisk) {
    case (nil, .absent): action = .unchanged
    case (nil, _): action = .remove
    case (let file?, .regular(_, let hash)) where hash == file.sha256: action = .unchanged
    case (_, .absent): action = .create
    default: action = .update
    }
    return FileReview(
      name: name, path: path, action: action, planned: planned, onDisk: onDisk,
      conflict: action == .unchanged ? nil : conflict(path: path, onDisk: onDisk, known: known))
  }

  private static func conflict(path: String, onDisk: OnDiskFile, known: Set<String>) -> String? {
    switch onDisk {
    case .absent: return nil
    case .regular(_, let hash):
      if known.contains(hash) { return nil }
      return known.isEmpty
        ? "\(path) exists and was not written by Ringside"
        : "\(path) was changed after Ringside wrote it"
    case .symbolicLink(let target):
      return "\(path) is a symbolic link to \(target); Ringside does not write through links"
    case .notRegularFile: return "\(path) is not a regular file"
    case .unreadable(let reason): return "\(path) cannot be read (\(reason))"
    }
  }
}
