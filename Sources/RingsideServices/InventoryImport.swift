import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore

/// Importing MDM exports into the store at a path: opens (or creates) the store and runs the
/// importer, all or nothing. A dry run against a store that does not exist yet counts into a
/// scratch store that is removed afterwards, so it creates nothing; nor does an import that
/// fails. The one entry point behind
/// `ringside import` (and for any other command that imports files into a store by path).
public enum InventoryImport {
  /// Imports `files` into the store at `storePath`; returns what was (or would be) stored.
  /// `today` (a test's fixed day) stands in for the clock's when states are derived.
  public static func run(
    files: [String], storePath: String, options: ImportOptions,
    events: ImportEvents = ImportEvents(), today: String? = nil
  ) throws(ImportFailure) -> ImportSummary {
    if files.isEmpty { throw .usage("name at least one FILE to import") }
    return try withStore(
      at: storePath, dryRun: options.dryRun, today: today, failing: ImportFailure.store
    ) {
      (store) throws(ImportFailure) in
      try Importer.run(files: files, into: store, options: options, events: events)
    }
  }

  /// Runs `body` on the store at `storePath`, opened or created; for a dry run against a store
  /// that does not exist yet, on a scratch store removed afterwards, so nothing is created.
  /// Unless it is a dry run, states a closed signing window made wrong are derived again first
  /// (on `today`, when a test fixes the day), as every writing command does, so the import's
  /// counts and the devices it leaves alone agree with Apple's feed on the day. A store a failed
  /// first import created is left in place, empty: another import may already be waiting for
  /// its lock, and removing the file under it lost that import's devices. `failing` turns a
  /// store that cannot be opened into the caller's error.
  public static func withStore<T, E: Error>(
    at storePath: String, dryRun: Bool, today: String? = nil, failing: (StoreError) -> E,
    _ body: (InventoryStore) throws(E) -> T
  ) throws(E) -> T {
    var scratch: String?
    if dryRun && !FileManager.default.fileExists(atPath: storePath) {
      scratch =
        NSTemporaryDirectory()
        + "ringside-dry-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
    }
    defer {
      // Every file beside it too: its writers' lock was left in the temporary folder.
      if let scratch { StorePath.removeStoreFiles(at: scratch) }
    }
    // The store is closed when `opened` returns, before a scratch store's files are removed.
    return try opened(
      scratch ?? storePath, today: today, refreshing: !dryRun, failing: failing, body)
  }

  /// Runs `body` on the store at `path`, opened or created, its states derived again first
  /// when `refreshing`.
  private static func opened<T, E: Error>(
    _ path: String, today: String?, refreshing: Bool, failing: (StoreError) -> E,
    _ body: (InventoryStore) throws(E) -> T
  ) throws(E) -> T {
    let store: InventoryStore
    do {
      store = try InventoryStore(path: path, create: true)
      if let today { store.today = today }
      if refreshing { try store.refreshStatesIfTheDayChanged() }
    } catch {
      throw failing(error)
    }
    return try body(store)
  }
}
