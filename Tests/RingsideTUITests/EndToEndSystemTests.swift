import Foundation
import XCTest

/// Starts the real `ringside` binary in tmux at 80x24, types keys as a person would, reads
/// the pane, and checks that the terminal is given back in working order.
final class EndToEndSystemTests: XCTestCase {
  static var binary: String? {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ringside").path,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/ringside").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  var store = ""

  override func setUpWithError() throws {
    guard let binary = EndToEndSystemTests.binary else {
      XCTFail("the ringside binary is not built next to the tests (run `swift build` first)")
      throw XCTSkip("no binary")
    }
    let dir = try TestFolders.make("ringside-e2e")
    store = dir.appendingPathComponent("fleet.db").path
    let pane = try TmuxPane(width: 80, height: 24)
    try pane.type("\(binary) demo --db \(store) --devices 500 >/dev/null; echo DEMO=$?")
    try pane.keys("Enter")
    pane.wait(for: "the demo store") { $0.contains("DEMO=0") }
  }

  func start(_ pane: TmuxPane, extra: String = "") throws {
    try pane.type("\(EndToEndSystemTests.binary!) --db \(store) \(extra); echo EXIT=$?")
    try pane.keys("Enter")
    pane.wait(for: "the overview") { $0.contains("RSR/BSI state") && $0.contains("Rollout") }
  }

  /// The shell is back, echoing what is typed and running it: the terminal is restored.
  func assertRestored(
    _ pane: TmuxPane, exit: Int, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    pane.wait(for: "EXIT=\(exit)", file: file, line: line) { $0.contains("EXIT=\(exit)") }
    try pane.type("echo RESTORED-$((40+2))")
    try pane.keys("Enter")
    pane.wait(for: "an echoing, cooked shell", file: file, line: line) {
      $0.contains("e2e$ echo RESTORED-$((40+2))") && $0.contains("\nRESTORED-42")
    }
    XCTAssertFalse(
      pane.screen.contains("RSR/BSI state"), "the dashboard is still on screen", file: file,
      line: line)
  }

  func testFilterSortDrillInResizeAndQuitAt80x24() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    try start(pane)
    try pane.keys("2")
    pane.wait(for: "the devices table") {
      $0.contains("Filter: none") && $0.contains("1/500 devices")
    }
    try pane.keys("/")
    try pane.type("platform:macos")
    pane.wait(for: "the filtered count") {
      $0.contains("Filter: platform:macos") && $0.contains(" of 500 devices")
    }
    try pane.keys("Enter", ">")
    pane.wait(for: "the sort by platform") { $0.contains("Plat.▲") }
    try pane.keys("r")
    pane.wait(for: "the reversed sort") { $0.contains("Plat.▼") }
    XCTAssertFalse(pane.screen.contains(" iOS "), "the filter let through an iOS device")
    try pane.keys("j", "Enter")
    pane.wait(for: "the device page") {
      $0.contains("SupplementalOSVersionExtra") && $0.contains("Why")
        && $0.contains("What to do")
    }
    try pane.keys("Escape")
    pane.wait(for: "the table again") { $0.contains("2/") && $0.contains("Filter: platform:macos") }
    try pane.resize(20, 5)
    pane.wait(for: "the too-small notice") { $0.contains("terminal too small") }
    try pane.resize(80, 24)
    pane.wait(for: "the table after the resize") {
      $0.contains("Filter: platform:macos") && $0.contains("Plat.▼")
    }
    try pane.keys("q")
    try assertRestored(pane, exit: 0)
  }

  func testATerminalWithoutAnAlternateScreenIsClearedOnQuit() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    try pane.type("TERM=vt100 \(EndToEndSystemTests.binary!) --db \(store); echo EXIT=$?")
    try pane.keys("Enter")
    pane.wait(for: "the overview") { $0.contains("RSR/BSI state") && $0.contains("Rollout") }
    try pane.keys("q")
    try assertRestored(pane, exit: 0)
  }

  func testCtrlCSIGTERMAndSIGHUPRestoreTheTerminal() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    try start(pane)
    try pane.keys("C-c")
    try assertRestored(pane, exit: 130)
    for (signal, exit) in [(SIGTERM, 143), (SIGHUP, 129)] {
      try pane.keys("C-l")
      try start(pane)
      let child = try childPID(of: pane.shellPID)
      guard child > 1 else { return }
      XCTAssertEqual(kill(child, signal), 0)
      try assertRestored(pane, exit: Int(exit))
    }
  }

  func testEveryOtherSignalThatEndsTheProgramRestoresTheTerminal() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    for signal in [SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU] {
      try pane.keys("C-l")
      try start(pane)
      let child = try childPID(of: pane.shellPID)
      guard child > 1 else { return }
      XCTAssertEqual(kill(child, signal), 0)
      try assertRestored(pane, exit: 128 + Int(signal))
      let alternate = try pane.run(["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
      XCTAssertEqual(
        alternate.trimmingCharacters(in: .whitespacesAndNewlines), "0",
        "signal \(signal) left the pane in the alternate screen")
    }
  }

  func testDumbTerminalGetsOneLineAndExit69() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    try pane.type("TERM=dumb \(EndToEndSystemTests.binary!) --db \(store); echo EXIT=$?")
    try pane.keys("Enter")
    pane.wait(for: "exit 69") { $0.contains("EXIT=69") && $0.contains("ringside report") }
    let lines = pane.screen.split(separator: "\n").filter { $0.contains("ringside:") }
    XCTAssertEqual(lines.count, 1, pane.screen)
  }

  func childPID(of parent: Int32) throws -> Int32 {
    guard parent > 1 else {
      XCTFail("cannot find the pane's shell")
      return 0
    }
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      let list =
        (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8))
        ?? ""
      if let pid = list.split(separator: " ").first.flatMap({ Int32($0) }) { return pid }
      usleep(50_000)
    }
    XCTFail("no child process of the shell \(parent)")
    return 0
  }
}
