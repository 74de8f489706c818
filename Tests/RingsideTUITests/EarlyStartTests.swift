import Foundation
import XCTest

@testable import RingsideTUI

/// The first frame's queries may be sent before the terminal exists (the dashboard does, so
/// the store answers while curses starts): the session then does not send them again, and a
/// terminal of another size than the one guessed is taken as a resize.
final class EarlyStartTests: XCTestCase {
  final class CountingRunner: EffectRunner {
    let inner: SynchronousRunner
    var submitted: [Effect] = []
    init(_ inner: SynchronousRunner) { self.inner = inner }
    func submit(_ effects: [Effect]) {
      submitted += effects
      inner.submit(effects)
    }
    func collect(timeoutMS: Int) -> [Event] { inner.collect(timeoutMS: timeoutMS) }
    var isBusy: Bool { inner.isBusy }
    var hasUrgentWork: Bool { inner.hasUrgentWork }
  }

  func testWorkSentBeforeTheTerminalIsNotSentTwiceAndTheTerminalsSizeWins() throws {
    let store = try TestFleet.store()
    let runner = CountingRunner(
      SynchronousRunner(service: StoreService(store: store, clock: { TestFleet.now })))
    var state = DashboardState(
      width: 80, height: 24, storeLabel: "demo.db", readOnly: true, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    DashboardSession.start(&state, runner: runner)
    let early = runner.submitted
    XCTAssertFalse(early.isEmpty)

    let terminal = HeadlessTerminal(width: 120, height: 40, input: [])
    let session = DashboardSession(
      state: state, terminal: terminal, runner: runner,
      themes: ThemeLocator(environment: [:], executablePath: nil), clock: { TestFleet.now })
    session.startSubmitted = true
    let screen = session.run()

    XCTAssertEqual(session.state.width, 120)
    XCTAssertEqual(session.state.height, 40)
    XCTAssertEqual(screen.width, 120)
    XCTAssertTrue(screen.text.contains("2,000"), screen.text)
    for effect in early {
      XCTAssertEqual(
        runner.submitted.filter { $0 == effect }.count, 1, "sent twice: \(effect)")
    }
  }
}
