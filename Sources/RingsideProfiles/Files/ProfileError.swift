/// Why profiles could not be built, read or written; each message names the file or folder and
/// what to do about it.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
  case organizationEmpty
  case organizationTooLong(Int, limit: Int)
  case cannotCreateDirectory(String, reason: String)
  case notADirectory(String)
  /// A profile folder named by a relative path, which means another folder from every working
  /// directory: a store's setting from before Ringside kept full paths.
  case relativeDirectory(String)
  case directoryWritableByOthers(String)
  case cannotLock(String, reason: String)
  case cannotRead(String, reason: String)
  case cannotWrite(String, reason: String)
  case cannotRemove(String, reason: String)
  /// Files that are not what Ringside last wrote there, with the reason for each.
  case changedOnDisk([String])
  case ledger(String)

  public var description: String {
    switch self {
    case .organizationEmpty:
      return "the organisation name is empty: give --org NAME or leave it out for \"Ringside\""
    case .organizationTooLong(let count, let limit):
      return "the organisation name has \(count) characters; shorten --org to at most \(limit)"
    case .cannotCreateDirectory(let path, let reason):
      return "cannot create the profile folder \(path): \(reason); choose another with --out DIR"
    case .notADirectory(let path):
      return "\(path) is not a folder; choose a folder with --out DIR"
    case .relativeDirectory(let path):
      return
        "the profile folder \"\(path)\" is a relative path, which names a different folder from each working directory, so nothing was written; give the store its full path with `ringside config --out /full/path/of/\(path)`"
    case .directoryWritableByOthers(let path):
      return
        "the profile folder \(path) is writable by other users, who could swap the profiles; run `chmod o-w \(path)` or choose another with --out DIR"
    case .cannotLock(let path, let reason):
      return
        "cannot lock the profile folder \(path) against other Ringside sessions: \(reason); it must be on a local file system you can read"
    case .cannotRead(let path, let reason):
      return "cannot read \(path): \(reason); fix its permissions or move it away, then retry"
    case .cannotWrite(let path, let reason):
      return
        "cannot write \(path): \(reason); every profile file is as it was before and nothing was applied, fix the cause and retry"
    case .cannotRemove(let path, let reason):
      return "cannot remove \(path): \(reason); remove it by hand, then retry"
    case .changedOnDisk(let problems):
      return
        "nothing was written: "
        + problems.joined(separator: "; ")
        + ". Compare with `ringside staged --diff`, move your changes into the ring policy, then run `ringside apply --force` to overwrite"
    case .ledger(let message):
      return message
    }
  }
}
