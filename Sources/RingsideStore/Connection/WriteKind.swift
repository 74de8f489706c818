/// What a writing transaction touches, which decides the turns it takes on PostgreSQL: a
/// write that leaves devices and rings alone (staging a change, the audit log, settings) need
/// not wait for a long import of devices, and an import need not keep every admin out until
/// it commits. SQLite has one writer at a time whatever the kind.
public enum WriteKind: Sendable {
  /// Devices, rings, policies or anything else: the devices' turn, then the writers' turn.
  case everything
  /// Staged changes, the audit log, profile files and settings, never a device, ring or
  /// policy row: the writers' turn alone, and no wait without a limit for a row or table
  /// another session holds (an import's), so it gives up instead of waiting for a commit.
  case staging
  /// An import: the devices' turn for its whole length, the writers' turn only from its
  /// first audit entry (`StoreConnection.takeWritersTurn`), so staging goes on meanwhile.
  case devices
}
