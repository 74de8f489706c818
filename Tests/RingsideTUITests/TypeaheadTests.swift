import Foundation
import XCTest

@testable import RingsideTUI

/// A paste into the filter is taken in one frame: the keyboard never waits for the store.
final class TypeaheadTests: XCTestCase {
  /// A terminal of a person: keys already typed are there at once.
  final class PastingTerminal: TerminalIO {
    var input: [InputEvent]
    var draws = 0
    let width = 80
    let height = 24
    let asciiOnly = false
    var batchesTypeahead: Bool { true }

    init(_ input: [InputEvent]) { self.input = input }

    func read(timeoutMS: Int) -> InputEvent {
      input.isEmpty ? .end : input.removeFirst()
    }
    func draw(_ grid: CellGrid) { draws += 1 }
    func apply(_ theme: Theme) {}
  }

  /// A store that never answers in time: every frame waits its full 40 ms for it.
  final class SlowRunner: EffectRunner {
    var finished = false
    /// The milliseconds the session asked to wait for the store, in all.
    var waitedMS = 0
    func submit(_ effects: [Effect]) {}
    func collect(timeoutMS: Int) -> [Event] {
      if timeoutMS < 0 {
        finished = true
      } else if timeoutMS > 0 {
        waitedMS += timeoutMS
        usleep(useconds_t(timeoutMS) * 1000)
      }
      return []
    }
    var isBusy: Bool { !finished }
    var hasUrgentWork: Bool { !finished }
  }

  func testAPasteOfManyKeysIsTakenInOneFrameWithoutWaitingForTheStore() {
    let serials = (0..<200).map { String(format: "C02X%05dQ", $0) }.joined(separator: " ")
    let keys: [InputEvent] =
      [.key(.character("2")), .key(.character("/"))] + serials.map { .key(.character($0)) }
    let terminal = PastingTerminal(keys)
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "slow.db", readOnly: true, themeName: "default",
      asciiOnly: false, now: Date(timeIntervalSince1970: 1_795_000_000), access: nil)
    let runner = SlowRunner()
    let session = DashboardSession(
      state: state, terminal: terminal, runner: runner,
      themes: ThemeLocator(environment: [:], executablePath: nil))
    session.run()
    // Counted, not timed: a wait per key would be 2,201 waits of 40 ms (88 s); the keys are
    // taken in batches, so the waits are a few per frame, whatever the machine's load.
    XCTAssertLessThan(runner.waitedMS, 40 * keys.count / 10, "\(keys.count) keys")
    XCTAssertLessThan(terminal.draws, 10)
    XCTAssertEqual(session.state.devices.filterText, serials)
  }
}
