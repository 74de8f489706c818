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

  /// What the write changes, worked out once when it changes anything: a membership file may
  /// have a line per device, and the Staged view draws it often.
  private let changes: LineDiff?
  /// Lines the write removes and adds.
  public let changedLines: ChangedLines

  /// What the write changes, line by line (empty text for an absent side).
  public var diff: LineDiff {
    changes ?? LineDiff(old: onDisk.text ?? "", new: planned?.text ?? "")
  }

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
    let diff =
      action == .unchanged ? nil : LineDiff(old: onDisk.text ?? "", new: planned?.text ?? "")
    let counts = diff?.counts ?? (removed: 0, added: 0)
    return FileReview(
      name: name, path: path, action: action, planned: planned, onDisk: onDisk,
      conflict: action == .unchanged ? nil : conflict(path: path, onDisk: onDisk, known: known),
      changes: diff, changedLines: ChangedLines(removed: counts.removed, added: counts.added))
  }

  private static func conflict(path: String, onDisk: OnDiskFile, known: Set<String>) -> String? {
    switch onDisk {
    case .absent: return nil
    case .regular(_, let hash):
      if known.contains(hash) { return nil }
      return known.isEmpty
        ? "\(path) exists but was not written from this store (another store's apply, such as an earlier --demo session's, or someone else's file)"
        : "\(path) was changed after Ringside wrote it"
    case .symbolicLink(let target):
      return "\(path) is a symbolic link to \(target); Ringside does not write through links"
    case .notRegularFile: return "\(path) is not a regular file"
    case .unreadable(let reason): return "\(path) cannot be read (\(reason))"
    }
  }
}

/// How many lines a write removes from a file and adds to it.
public struct ChangedLines: Sendable, Hashable {
  public let removed: Int
  public let added: Int
}
