import Foundation
import RingsideImport
import RingsideStore

/// What a sync did: the import's summary and how the API was used.
public struct SyncReport: Sendable {
  public var summary: ImportSummary
  public var pages: Int
  public var requests: Int
  public var tokens: Int
  /// Seconds spent waiting on a busy server.
  public var waited: Double
}

/// What `--check` found: where the credentials came from, what the token may read, and the
/// first page of each collection.
public struct CheckReport: Sendable {
  public var origin: String
  public var grants: [String]
  public var collections: [String]
}

/// `ringside sync`: every page of a source, fetched into a private temporary folder, then one
/// all-or-nothing import of all of them through the importer (same merge rules, audit entry
/// and summary as `ringside import`). A page that fails stops the sync before the store is
/// touched.
public enum Syncer {
  public static func run(
    _ options: SyncOptions, credentials: SourceCredentials, transport: HTTPTransport,
    clock: SyncClock, store: InventoryStore, importOptions: ImportOptions,
    importEvents: ImportEvents = ImportEvents(), events: SyncEvents = SyncEvents()
  ) throws(SyncFailure) -> SyncReport {
    let redactor = Redactor(credentials.secrets)
    let sender = PoliteSender(
      transport: transport, clock: clock, policy: options.policy, redactor: redactor)
    sender.onWait = { what, seconds in events.waiting(redactor.scrub(what), seconds) }
    do throws(SyncFailure) {
      let plan = try SyncPlan.make(options, credentials: credentials, sender: sender, probe: false)
      let scratch = try ScratchFolder(in: options.scratchParent ?? NSTemporaryDirectory())
      defer { scratch.remove() }
      let directory = scratch.path
      let fetcher = PageFetcher(plan: plan, sender: sender, options: options, events: events)
      let pages = try fetcher.fetchAll(into: directory)
      var importing = importOptions
      importing.format = plan.collections.first?.format
      importing.inputNames = Dictionary(
        pages.map { ($0.path, $0.name) }, uniquingKeysWith: { a, _ in a })
      let summary: ImportSummary
      do {
        summary = try Importer.run(
          files: pages.map(\.path), into: store, options: importing, events: importEvents)
      } catch {
        throw SyncFailure.importFailed(error)
      }
      return SyncReport(
        summary: summary, pages: pages.count, requests: sender.requests,
        tokens: plan.tokens.fetched, waited: sender.waited)
    } catch {
      throw redactor.scrub(error)
    }
  }

  /// `ringside sync --check`: fetches a token and the first device of each collection.
  public static func check(
    _ options: SyncOptions, credentials: SourceCredentials, transport: HTTPTransport,
    clock: SyncClock
  ) throws(SyncFailure) -> CheckReport {
    let redactor = Redactor(credentials.secrets)
    let sender = PoliteSender(
      transport: transport, clock: clock, policy: options.policy, redactor: redactor)
    do throws(SyncFailure) {
      let plan = try SyncPlan.make(options, credentials: credentials, sender: sender, probe: true)
      _ = try plan.tokens.token(renew: false)
      let fetcher = PageFetcher(plan: plan, sender: sender, options: options, events: SyncEvents())
      let pages = try fetcher.fetchAll(into: nil, limit: 1)
      return CheckReport(
        origin: credentials.origin, grants: plan.tokens.grants,
        collections: pages.map {
          "\($0.name): readable (\($0.records) device\($0.records == 1 ? "" : "s") on a one-device page)"
        })
    } catch {
      throw redactor.scrub(error)
    }
  }
}
