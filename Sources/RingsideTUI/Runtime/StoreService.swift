import Foundation
import RingsideDomain
import RingsideServices
import RingsideStore

/// Answers the dashboard's store effects on one connection. Not Sendable: it lives on the
/// thread that opened it.
public final class StoreService {
  let store: InventoryStore
  let clock: () -> Date
  /// Who stages and where `w` writes; without it the dashboard only looks.
  let staging: StagingContext?

  public init(
    store: InventoryStore, clock: @escaping () -> Date = Date.init, staging: StagingContext? = nil
  ) {
    self.store = store
    self.clock = clock
    self.staging = staging
    // A view waiting for another session's lock (PostgreSQL: a first import holds the devices
    // until it commits) says so after a while; the change notice at that commit reloads it.
    try? store.limitLockWait(milliseconds: Self.lockWaitMS)
  }

  /// How long a view's query waits for another session's lock before the dashboard says so.
  static let lockWaitMS = 3_000

  /// The status line's text for a view whose query waited too long for another session.
  static let lockedText =
    "another session holds the store (an import?); the view reloads when it commits"

  private var textIndexBuilder: DeviceTextIndexBuilder?
  /// Set once a query or write found the store's connection lost (PostgreSQL): this service
  /// is done, and the worker opens a new connection (`BackgroundRunner`).
  public internal(set) var lostConnection: StoreError?
  /// A write whose COMMIT was sent as the connection dropped and that the server could not be
  /// asked about yet: the worker asks once it has reconnected (`settle`).
  var unsettledWrite: (write: StoreWrite, transaction: Int64)?

  /// The status line's text while the connection is being reopened.
  var lostText: String {
    // What matters first, as the footer cuts a long line.
    "lost the connection; reconnecting… (to the PostgreSQL server at \(store.path); the screen "
      + "shows what was last read)"
  }

  /// Work for when no effect waits: builds the in-memory text index a slice at a time (and
  /// again after the store changed), so filter words are found without reading every row.
  /// Returns true while there is more to do.
  public func performIdleWork() -> Bool {
    do {
      if try store.hasCurrentTextIndex() {
        textIndexBuilder = nil
        return false
      }
      if let builder = textIndexBuilder, builder.stamp != (try store.changeStamp()) {
        textIndexBuilder = nil
      }
      let builder = try textIndexBuilder ?? DeviceTextIndexBuilder(store: store)
      textIndexBuilder = builder
      guard try builder.step(), let index = builder.index() else { return true }
      textIndexBuilder = nil
      try store.attach(index, builtAt: builder.stamp)
      return false
    } catch {
      if let error = error as? StoreError, error.lostConnection { lostConnection = error }
      // Without the index every filter still works through SQL; try again after the next effect.
      textIndexBuilder = nil
      return false
    }
  }

  /// Performs one store effect and returns the event that answers it; nil for effects that
  /// are not store queries.
  public func perform(_ effect: Effect) -> Event? {
    do {
      switch effect {
      case .loadSnapshot:
        let now = clock()
        let catalog = try store.catalog()
        let snapshot = FleetSnapshot(
          counts: try store.fleetCounts(now: now), rings: try store.rings(), catalog: catalog)
        return .snapshotLoaded(snapshot, catalog, at: now)
      case .loadPage(let request):
        let rows = try store.devicePage(
          filter: request.query.filter, sort: request.query.sort, offset: request.offset,
          limit: request.limit,
          total: request.total, now: clock())
        return .pageLoaded(
          DevicePage(
            query: request.query, offset: request.offset, rows: rows,
            reachedEnd: rows.count < request.limit))
      case .count(let query):
        return .countLoaded(query, try store.countDevices(filter: query.filter, now: clock()))
      case .loadDetail(let id):
        guard let facts = try DeviceFacts.load(id: id, store: store) else {
          return .detailMissing(id)
        }
        return .detailLoaded(
          DeviceDetail(
            record: facts.record, history: facts.history, historyLabels: facts.historyLabels,
            ring: facts.ring,
            assessment: facts.assessment, versionLabel: facts.versionLabel,
            removalSentence: facts.removalSentence))
      case .checkDataVersion:
        return .dataVersion(try store.dataVersion())
      case .loadStaging:
        return .stagingLoaded(try stagingInfo())
      case .loadAudit(let offset, let limit):
        let page = try AuditLog.page(store, limit: limit, offset: offset)
        return .auditLoaded(AuditPage(offset: offset, entries: page.entries, total: page.total))
      case .write(let write):
        return perform(write)
      case .loadTheme, .setClipboard, .quit:
        return nil
      }
    } catch {
      if error.kind == .interrupted { return nil }
      if error.lostConnection {
        lostConnection = error
        return .connectionLost(lostText)
      }
      // (A write reports its own failures; this is a view's query.)
      if error.kind == .busy { return .failed(Self.lockedText) }
      return .failed(error.message)
    }
  }
}
