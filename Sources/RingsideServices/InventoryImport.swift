import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore

/// Importing MDM exports into the store at a path: opens (or creates) the store and runs the
/// importer, all or nothing. A dry run against a store that does not exist yet counts into a
/// scratch store that is removed afterwards, so it creates nothing. The one entry point behind
/// `ringside import` (and for any other command that imports files into a store by path).
public enum InventoryImport {
  /// Imports `files` into the store at `storePath`; returns what was (or would be) stored.
  public static func run(
    files: [String], storePath: String, options: ImportOptions,
    events: ImportEvents = ImportEvents()
  ) throws(ImportFailure) -> ImportSummary {
    if files.isEmpty { throw .usage("name at least one FILE to import") }
    var scratch: String?
    if options.dryRun && !FileManager.default.fileExists(atPath: storePath) {
      scratch =
        NSTemporaryDirectory()
        + "ringside-dry-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
    }
    defer {
      if let scratch {
        for suffix in ["", "-wal", "-shm"] {
          try? FileManager.default.removeItem(atPath: scratch + suffix)
        }
      }
    }
    let store: InventoryStore
    do {
      store = try InventoryStore(path: scratch ?? storePath, create: true)
    } catch {
      throw .store(error)
    }
    return try Importer.run(files: files, into: store, options: options, events: events)
  }
}
