import Foundation

/// Where the inventory lives when `--db` is not given.
public enum StorePath {
  /// `$RINGSIDE_DB`, else `$XDG_DATA_HOME/ringside/ringside.db`, else `~/.local/share/ringside/ringside.db`.
  public static func resolve(explicit: String?, environment: [String: String]) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let env = environment["RINGSIDE_DB"], !env.isEmpty { return env }
    return dataDirectory(environment: environment) + "/ringside.db"
  }

  /// `$XDG_DATA_HOME/ringside`, else `~/.local/share/ringside`.
  public static func dataDirectory(environment: [String: String]) -> String {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/ringside" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/ringside"
  }

  /// What SQLite and Ringside keep beside a store file: its WAL, shared memory, rollback
  /// journal and the writers' lock (`WriterLock`).
  private static let companionSuffixes = ["-wal", "-shm", "-journal", "-lock"]

  /// Removes a SQLite store made for a moment (a dry run's, a failed copy's) with every file
  /// beside it, so none is left in the temporary folder.
  public static func removeStoreFiles(at path: String) {
    for suffix in [""] + companionSuffixes { unlink(path + suffix) }
  }
}
