/// What a profile file name holds in the output folder right now, read without following links.
public enum OnDiskFile: Sendable, Hashable {
  case absent
  /// A regular file with its bytes and their lowercase hex SHA-256.
  case regular(bytes: [UInt8], sha256: String)
  /// A symbolic link: never read or written through; a write replaces the link itself.
  case symbolicLink(target: String)
  /// A folder, device, socket or pipe where a profile belongs.
  case notRegularFile
  case unreadable(reason: String)

  /// The hash of a regular file's bytes.
  public var sha256: String? {
    if case .regular(_, let hash) = self { hash } else { nil }
  }

  /// A regular file's contents as text (invalid UTF-8 shown as U+FFFD), for diffs.
  public var text: String? {
    if case .regular(let bytes, _) = self { String(decoding: bytes, as: UTF8.self) } else { nil }
  }

  /// Words for a status column: "absent", "symbolic link to /etc/passwd", ...
  public var summary: String {
    switch self {
    case .absent: "absent"
    case .regular: "regular file"
    case .symbolicLink(let target): "symbolic link to \(target)"
    case .notRegularFile: "not a regular file"
    case .unreadable(let reason): "unreadable (\(reason))"
    }
  }
}
