import Foundation
import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// A lost store connection in the dashboard: the back-off between attempts, and what the
/// reducer shows and refuses meanwhile (the worker against a real server is in
/// `PostgresReconnectTests`).
final class ReconnectTests: XCTestCase {
  func testTheBackoffDoublesFromAQuarterSecondAndStopsGrowingAtFiveSeconds() {
    var backoff = ReconnectBackoff()
    let waits = (0..<40).map { _ in backoff.next() }
    XCTAssertEqual(Array(waits.prefix(8)), [0.25, 0.5, 1, 2, 4, 5, 5, 5])
    XCTAssertEqual(waits.last, 5)
    XCTAssertTrue(waits.allSatisfy { $0 > 0 }, "never a busy loop")
  }

  func testReconnectingWaitsTheBackoffBeforeEachAttemptUntilOneSucceeds() {
    var waits: [TimeInterval] = []
    var attempts = 0
    var failures = 0
    let opened = Reconnection.run(
      open: { () throws -> Int in
        attempts += 1
        if attempts < 5 { throw StoreError(.unavailable, "server down") }
        return 7
      },
      wait: {
        waits.append($0)
        return true
      },
      failed: { _ in failures += 1 })
    XCTAssertEqual(opened, 7)
    XCTAssertEqual(waits, [0.25, 0.5, 1, 2, 4])
    XCTAssertEqual(failures, 4)
  }

  func testReconnectingGivesUpWhenTheSessionEnds() {
    var attempts = 0
    var waits = 0
    let opened = Reconnection.run(
      open: { () throws -> Int in
        attempts += 1
        throw StoreError(.unavailable, "server down")
      },
      wait: { _ in
        waits += 1
        return waits < 3
      })
    XCTAssertNil(opened)
    XCTAssertEqual(attempts, 2)
  }

  private func freshReducer() throws -> (Reducer, InventoryStore) {
    let store = try TestFleet.freshStore()
    let folder = (store.path as NSString).deletingLastPathComponent
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    return (Reducer(store: store), store)
  }

  private static let lost =
    "lost the connection; reconnecting… (to the PostgreSQL server at postgresql://db/ringside)"

  func testALostConnectionKeepsTheScreenAndTheFooterSaysSoUntilReconnected() throws {
    var (r, _) = try freshReducer()
    r.press(.character("2"))
    let rows = r.screen.split(separator: "\n").dropLast().joined(separator: "\n")
    let (lost, effects) = Dashboard.update(r.state, .connectionLost(Self.lost))
    r.state = lost
    XCTAssertEqual(effects, [])
    XCTAssertEqual(r.screen.split(separator: "\n").dropLast().joined(separator: "\n"), rows)
    XCTAssertTrue(r.screen.contains("lost the connection"), r.screen)
    // Keys work on what is on screen; the footer keeps saying the connection is lost.
    r.press(.down, .down)
    XCTAssertEqual(r.state.devices.cursor, 2)
    XCTAssertNil(r.state.message)
    XCTAssertTrue(r.screen.contains("reconnecting"), r.screen)
  }

  /// A filter typed while the connection is lost cannot be answered: the line says the rows
  /// shown are the filter before's and the new one waits, instead of "counting…" forever.
  func testAFilterTypedWhileDisconnectedSaysItWaitsForTheConnection() throws {
    var (r, _) = try freshReducer()
    r.press(.character("2"))
    r.state = Dashboard.update(r.state, .connectionLost(Self.lost)).0
    // The worker cannot answer: the keys' effects are never performed.
    for key in [Key.character("/")] + "ipad".map { Key.character($0) } + [.enter] {
      _ = r.key(key)
    }
    XCTAssertEqual(r.state.devices.query.filter.text, "ipad")
    XCTAssertTrue(r.screen.contains("this one waits for the connection"), r.screen)
    XCTAssertFalse(r.screen.contains("counting…"), r.screen)
  }

  func testAStagingKeyWhileDisconnectedIsRefusedAsNotSavedAndNothingIsStaged() throws {
    var (r, store) = try freshReducer()
    r.press(.character("3"))
    r.state = Dashboard.update(r.state, .connectionLost(Self.lost)).0
    let effects = r.key(.character("+"))
    XCTAssertFalse(
      effects.contains { if case .write = $0 { true } else { false } }, "\(effects)")
    XCTAssertTrue(r.state.message?.text.contains("not saved") ?? false, "\(r.state.message as Any)")
    XCTAssertTrue(r.state.message?.isError ?? false)
    r.perform(effects)
    XCTAssertEqual(try store.stagedChanges().count, 0)
  }

  func testReconnectingReadsEverythingAgainAndSaysSo() throws {
    var (r, _) = try freshReducer()
    r.press(.character("2"))
    r.state = Dashboard.update(r.state, .connectionLost(Self.lost)).0
    let generation = r.state.dataGeneration
    let (back, effects) = Dashboard.update(r.state, .reconnected("reconnected to the server"))
    XCTAssertNil(back.connectionLost)
    XCTAssertEqual(back.message?.text, "reconnected to the server")
    XCTAssertEqual(back.dataGeneration, generation + 1)
    XCTAssertNil(back.dataVersion)
    XCTAssertTrue(effects.contains(.loadSnapshot), "\(effects)")
    XCTAssertTrue(effects.contains(.checkDataVersion))
    XCTAssertTrue(effects.contains { if case .loadPage = $0 { true } else { false } }, "\(effects)")
  }
}
