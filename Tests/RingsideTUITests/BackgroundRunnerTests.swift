import Foundation
import RingsideDomain
import RingsideStore
import RingsideTUI
import XCTest

/// The worker that answers the dashboard's store queries.
final class BackgroundRunnerTests: XCTestCase {
  func testNoIdleWorkRunsBeforeTheFirstQueriesAreAnswered() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-runner-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("fleet.db").path
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    try InventoryStore(path: path, create: true).writeDemo(DemoFleet(count: 200, now: now))

    let runner = BackgroundRunner(open: { try InventoryStore(path: path, readOnly: true) })
    defer { runner.stop() }
    // The store is open well before the first frame's queries come; the worker waits for them.
    Thread.sleep(forTimeInterval: 0.3)
    XCTAssertEqual(runner.idleSlicesDone, 0)
    runner.submit([.checkDataVersion])
    var answered = false
    let deadline = Date().addingTimeInterval(10)
    while !answered && Date() < deadline {
      answered = !runner.collect(timeoutMS: 100).isEmpty || !runner.isBusy
    }
    XCTAssertTrue(answered)
    // Then, with nothing else asked, the text index is built between keys.
    while runner.idleSlicesDone == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    XCTAssertGreaterThan(runner.idleSlicesDone, 0)
  }
}
