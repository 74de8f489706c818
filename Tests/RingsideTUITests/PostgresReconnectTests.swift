import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// The dashboard's worker against a PostgreSQL server that drops its connection: the screen
/// stays, the worker reconnects and reads again, and writes are reported saved or not saved
/// by what the server holds (skipped without a server).
final class PostgresReconnectTests: XCTestCase {
  /// The reducer driven by a real `BackgroundRunner`, as the dashboard's loop drives it.
  struct Driver {
    var state: DashboardState
    let runner: BackgroundRunner
    var events: [Event] = []

    init(runner: BackgroundRunner) {
      self.runner = runner
      state = DashboardState(
        width: 80, height: 24, storeLabel: "postgres", readOnly: false, themeName: "default",
        asciiOnly: false, now: TestFleet.now)
      var s = state
      let effects = Dashboard.start(&s)
      state = s
      submit(effects)
    }

    func submit(_ effects: [Effect]) {
      runner.submit(effects.filter { BackgroundRunner.slot($0) != nil })
    }

    mutating func press(_ keys: Key...) {
      for key in keys {
        let (next, effects) = Dashboard.update(state, .key(key))
        state = next
        submit(effects)
      }
    }

    /// Feeds the worker's answers into the state until `done` holds and nothing the worker
    /// can answer now is pending (at most 20 s).
    mutating func run(until done: (Driver) -> Bool = { _ in true }) {
      let deadline = Date().addingTimeInterval(20)
      while Date() < deadline {
        for event in runner.collect(timeoutMS: 100) {
          events.append(event)
          let (next, effects) = Dashboard.update(state, event)
          state = next
          submit(effects)
        }
        if done(self) && !runner.isBusy { return }
      }
      XCTFail("the dashboard did not get there in 20 s: \(events)")
    }

    var screen: String { Renderer.render(state).text }
    /// The screen without its footer line (the message).
    var body: String { screen.split(separator: "\n").dropLast().joined(separator: "\n") }

    /// The text of the events that answered `write`.
    func answers(_ write: StoreWrite) -> [String] {
      events.compactMap {
        switch $0 {
        case .written(let w, let text) where w == write: "written: " + text
        case .failed(let text): "failed: " + text
        default: nil
        }
      }
    }
  }

  private static let stage = StoreWrite.policy(
    .deferral(by: 1), ring: "test", replacingOthers: false)

  private func demo(_ pg: TestPostgres) throws {
    try InventoryStore(path: pg.url, create: true).writeDemo(
      DemoFleet(count: 60, now: TestFleet.now))
  }

  private func runner(
    _ pg: TestPostgres,
    prepare: @escaping @Sendable (PostgresConnection) throws -> Void = { _ in }
  ) -> BackgroundRunner {
    let url = pg.url
    let runner = BackgroundRunner(
      open: {
        let store = try InventoryStore(path: url)
        try prepare(store.database as! PostgresConnection)
        return store
      },
      clock: { TestFleet.now },
      staging: StagingContext(actor: TestFleet.alice, directory: TestFleet.noDirectory))
    addTeardownBlock {
      runner.stop()
      runner.waitUntilStopped(seconds: 10)
    }
    return runner
  }

  private func stagedCount(_ pg: TestPostgres) throws -> Int {
    try InventoryStore(path: pg.url).stagedChanges().count
  }

  func testTheDashboardKeepsItsRowsSaysSoReconnectsAndShowsWhatChangedMeanwhile() throws {
    let pg = try TestPostgres(prefix: "ringside_tui_")
    try demo(pg)
    var d = Driver(runner: runner(pg))
    d.press(.character("2"))
    d.run { $0.state.devices.page != nil }
    let rows = d.body
    XCTAssertTrue(rows.contains("RS-"), rows)

    // The server ends the session, and refuses new ones for a while.
    try pg.allowConnections(false)
    try pg.terminateSessions()
    d.submit([.checkDataVersion])  // what the quarter-second tick asks
    d.run { $0.state.connectionLost != nil }
    XCTAssertEqual(d.body, rows, "the screen keeps what it showed")
    XCTAssertTrue(d.screen.contains("lost the connection; reconnecting"), d.screen)
    // Keys still work on what is on screen.
    d.press(.down)
    XCTAssertEqual(d.state.devices.cursor, 1)

    // A write asked while disconnected: refused by the dashboard, and by the worker for one
    // that was already on its way.
    d.press(.character("3"), .character("+"))
    XCTAssertTrue(
      d.state.message?.text.hasPrefix("not saved") ?? false, "\(d.state.message as Any)")
    d.runner.submit([.write(Self.stage)])
    d.run { $0.answers(Self.stage).contains { $0.hasPrefix("failed: not saved") } }

    // Another session changes a device meanwhile; then the server lets the worker back in.
    try pg.allowConnections(true)
    let other = try InventoryStore(path: pg.url)
    try other.write {
      try other.database.execute(
        "UPDATE devices SET name = '0 renamed meanwhile' WHERE id = (SELECT min(id) FROM devices)")
    }
    d.press(.character("2"))
    d.run { $0.state.connectionLost == nil && $0.screen.contains("0 renamed meanwhile") }
    XCTAssertTrue(
      d.events.contains { if case .reconnected = $0 { true } else { false } }, "\(d.events)")
    XCTAssertEqual(try stagedCount(pg), 0, "nothing was saved while disconnected")
  }

  func testAWriteWhoseCommitAnswerIsLostIsReportedSavedWhenTheServerCommittedIt() throws {
    let pg = try TestPostgres(prefix: "ringside_tui_")
    try demo(pg)
    var d = Driver(
      runner: runner(pg) { connection in
        // COMMIT reaches the server and is done there; its answer is never read.
        let pid = try XCTUnwrap(connection.scalar("SELECT pg_backend_pid()")?.int)
        connection.afterSendingCommit = { [unowned connection] in
          connection.afterSendingCommit = nil
          pg.loseCommitAnswer(socket: connection.socket, pid: pid)
        }
      })
    d.run()
    d.runner.submit([.write(Self.stage)])
    d.run { $0.events.contains { if case .reconnected = $0 { true } else { false } } }
    XCTAssertEqual(
      d.answers(Self.stage),
      ["written: saved (the connection dropped as it committed): the change to ring test"])
    XCTAssertEqual(try stagedCount(pg), 1)
  }

  func testAWriteWhoseSessionEndsAsItCommitsIsReportedNotSaved() throws {
    let pg = try TestPostgres(prefix: "ringside_tui_")
    try demo(pg)
    var d = Driver(
      runner: runner(pg) { connection in
        let pid = try connection.scalar("SELECT pg_backend_pid()")?.int
        connection.beforeSendingCommit = { [unowned connection] in
          connection.beforeSendingCommit = nil
          try? pg.terminateSessions(pid: pid)
        }
      })
    d.run()
    d.runner.submit([.write(Self.stage)])
    d.run { $0.events.contains { if case .reconnected = $0 { true } else { false } } }
    XCTAssertEqual(d.answers(Self.stage).count, 1, "\(d.events)")
    XCTAssertTrue(
      d.answers(Self.stage).first?.hasPrefix("failed: not saved") ?? false, "\(d.events)")
    XCTAssertEqual(try stagedCount(pg), 0)
  }

  func testAWriteTheServerCannotBeAskedAboutAtOnceIsSettledOnceReconnected() throws {
    let pg = try TestPostgres(prefix: "ringside_tui_")
    try demo(pg)
    var d = Driver(
      runner: runner(pg) { connection in
        // New sessions are refused before COMMIT is sent (this one stays); its answer is lost.
        let pid = try XCTUnwrap(connection.scalar("SELECT pg_backend_pid()")?.int)
        connection.beforeSendingCommit = { [unowned connection] in
          connection.beforeSendingCommit = nil
          try? pg.allowConnections(false)
        }
        connection.afterSendingCommit = { [unowned connection] in
          connection.afterSendingCommit = nil
          pg.loseCommitAnswer(socket: connection.socket, pid: pid)
        }
      })
    d.run()
    d.runner.submit([.write(Self.stage)])
    d.run { $0.answers(Self.stage).count == 1 }
    XCTAssertTrue(
      d.answers(Self.stage).first?.contains("whether it was saved is checked once reconnected")
        ?? false, "\(d.events)")
    XCTAssertNotNil(d.state.connectionLost)
    try pg.allowConnections(true)
    d.run { $0.events.contains { if case .reconnected = $0 { true } else { false } } }
    XCTAssertEqual(
      d.answers(Self.stage).last,
      "written: saved (the connection dropped as it committed): the change to ring test")
    XCTAssertEqual(try stagedCount(pg), 1)
  }
}
