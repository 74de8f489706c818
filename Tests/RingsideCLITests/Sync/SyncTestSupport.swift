import Foundation
import RingsideImport
import RingsideStore
import RingsideSync
import RingsideTestSupport

/// A clock that never sleeps: waits are recorded and move its time on.
final class FakeClock: SyncClock, @unchecked Sendable {
  private let lock = NSLock()
  private var time = Date(timeIntervalSince1970: 1_795_000_000)
  private var waits: [Double] = []

  func now() -> Date { lock.withLock { time } }
  func sleep(seconds: Double) {
    lock.withLock {
      waits.append(seconds)
      time += seconds
    }
  }
  func advance(_ seconds: Double) { lock.withLock { time += seconds } }
  var sleeps: [Double] { lock.withLock { waits } }
}

/// Collects what a sync reports while it runs.
final class SyncLog: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func add(_ text: String) { lock.withLock { lines.append(text) } }
  var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// A temporary store (a file, or under `RINGSIDE_TEST_STORE_BACKEND=postgres` a PostgreSQL
/// database of its own) plus the sync call the tests share.
final class SyncFixture {
  let directory: String
  let store: InventoryStore
  /// What opens `store` again: the file, or the database's URL (for a child `ringside`).
  let storePath: String
  private let postgres: TestPostgres?
  let clock = FakeClock()
  let log = SyncLog()
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  init() throws {
    directory = NSTemporaryDirectory() + "ringside-sync-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    postgres = TestBackend.isPostgres ? try TestPostgres(prefix: "ringside_sync_") : nil
    storePath = postgres?.url ?? directory + "/store.db"
    store = try InventoryStore(path: storePath, create: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: directory)
    postgres?.drop()
  }

  /// Every credential the fake MDM accepts.
  static func credentials(_ mdm: FakeMDM) -> SourceCredentials {
    SourceCredentials(
      values: [
        "tenant_id": "tenant-1", "client_id": mdm.clientID, "client_secret": mdm.secret,
        "token": mdm.apiToken,
      ], origin: "the test")
  }

  static func options(_ source: SyncSource, _ mdm: FakeMDM, pageSize: Int? = 2) -> SyncOptions {
    SyncOptions(
      source: source, baseURL: source == .graph ? mdm.base + "/v1.0" : mdm.base,
      authURL: source == .graph ? mdm.base + "/token" : nil, pageSize: pageSize)
  }

  func sync(
    _ source: SyncSource, _ mdm: FakeMDM, options: SyncOptions? = nil,
    credentials: SourceCredentials? = nil, onPage: @escaping @Sendable () -> Void = {}
  ) -> Result<SyncReport, SyncFailure> {
    let log = log
    let events = SyncEvents(
      page: { progress in
        log.add("pages \(progress.pages) records \(progress.records)")
        onPage()
      },
      waiting: { what, seconds in log.add("waiting \(seconds) for \(what)") })
    let importEvents = ImportEvents(
      notice: { log.add("note: \($0)") }, warning: { log.add("warning: \($0)") })
    do {
      let transport = try CurlTransport()
      let report = try Syncer.run(
        options ?? Self.options(source, mdm), credentials: credentials ?? Self.credentials(mdm),
        transport: transport, clock: clock, store: store,
        importOptions: ImportOptions(now: Self.now), importEvents: importEvents, events: events)
      return .success(report)
    } catch let failure as SyncFailure {
      log.add(Self.message(failure))
      return .failure(failure)
    } catch {
      return .failure(.usage("\(error)"))
    }
  }

  /// The text a failure shows.
  static func message(_ failure: SyncFailure) -> String {
    switch failure {
    case .usage(let t), .unreachable(let t), .refused(let t), .badData(let t): return t
    case .importFailed(let f): return "\(f)"
    }
  }

  /// Devices stored, audit entries, and every audit entry's text: to compare before and after.
  func state() throws -> (devices: Int, audit: Int, text: String) {
    let entries = try store.auditEntries(limit: 1000)
    return (
      try store.countDevices(), try store.auditEntryCount(),
      entries.map { "\($0)" }.joined(separator: "\n")
    )
  }
}
