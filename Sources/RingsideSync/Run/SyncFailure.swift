import RingsideImport

/// Why a sync stored nothing. Every message names the page or endpoint and the reason, and
/// never a secret.
public enum SyncFailure: Error, Sendable {
  /// A wrong command line or setting (exit 64).
  case usage(String)
  /// The server could not be reached, kept failing, or answered 5xx (exit 69).
  case unreachable(String)
  /// The credentials are missing, unsafe or refused (exit 77).
  case refused(String)
  /// A page is not what the API documents: not JSON, cut, too large (exit 65).
  case badData(String)
  /// The pages arrived and the import refused them (its own messages and exit codes).
  case importFailed(ImportFailure)
}
