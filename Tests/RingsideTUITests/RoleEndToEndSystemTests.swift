import Foundation
import RingsideDomain
import RingsideStore
import XCTest

/// One walk per role through the real binary in tmux at 80x24, reading the screen as a person
/// would: help-desk (who is not patched and why, a filter with OR, the device page, copying a
/// serial), admin (a loosening policy change confirmed, reviewed in Staged, written), on-call
/// (`ringside check` and the CLI tables at 80 columns). Skipped when tmux is not installed.
final class RoleEndToEndSystemTests: XCTestCase {
  var directory = ""
  var store: String { directory + "/fleet.db" }
  var binary = ""

  override func setUpWithError() throws {
    guard TmuxPane.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
    guard let binary = EndToEndSystemTests.binary else {
      throw XCTSkip("the ringside binary is not built next to the tests (run `swift build`)")
    }
    self.binary = binary
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-roles-\(UUID())"
      ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    addTeardownBlock { [directory] in try? FileManager.default.removeItem(atPath: directory) }
  }

  /// A tmux server of its own at 80x24 holding a 500-device demo store; killed at teardown.
  func pane() throws -> TmuxPane {
    let pane = try TmuxPane(width: 80, height: 24)
    addTeardownBlock { _ = try? pane.run(["kill-server"]) }
    try pane.type("\(binary) demo --db \(store) --devices 500 >/dev/null; echo DEMO=$?")
    try pane.keys("Enter")
    pane.wait(for: "the demo store", seconds: 8) { $0.contains("DEMO=0") }
    try pane.keys("C-l")
    return pane
  }

  func launch(_ pane: TmuxPane, _ extra: String = "") throws {
    try pane.type("\(binary) --db \(store) \(extra); echo EXIT=$?")
    try pane.keys("Enter")
    pane.wait(for: "the overview", seconds: 8) {
      $0.contains("RSR/BSI state") && $0.contains("Rollout")
    }
  }

  /// `q` ends the dashboard with 0 and the shell echoes again.
  func quit(_ pane: TmuxPane, file: StaticString = #filePath, line: UInt = #line) throws {
    try pane.keys("q")
    pane.wait(for: "EXIT=0", seconds: 5, file: file, line: line) { $0.contains("EXIT=0") }
    try pane.type("echo BACK-$((40+2))")
    try pane.keys("Enter")
    pane.wait(for: "a working shell", seconds: 5, file: file, line: line) {
      $0.contains("\nBACK-42")
    }
  }

  /// The rows of the devices table on screen (between the column header and the status line).
  func tableRows(_ screen: String) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let header = lines.firstIndex(where: { $0.contains("Name") && $0.contains("State") })
    else { return [] }
    return lines[(header + 1)...].prefix { !$0.contains("devices ·") }.filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
  }

  // MARK: help-desk

  func testHelpDeskFindsWhoIsNotPatchedAndWhyAndCopiesTheSerial() throws {
    let started = Date()
    let pane = try pane()
    try pane.run(["set-option", "-s", "set-clipboard", "on"])
    try launch(pane)
    // Who is not patched: the "OS update" number of the Overview, drilled into.
    try pane.keys("Down", "Down", "Down", "Enter")
    pane.wait(for: "the devices behind OS update") {
      $0.contains("In: state: OS update") && $0.contains(" of 500 devices")
    }
    let drilled = tableRows(pane.screen)
    XCTAssertFalse(drilled.isEmpty, pane.screen)
    for row in drilled { XCTAssertTrue(row.contains("OS update"), row) }
    // Narrowed with an OR filter: iPhones and iPads only, supervised.
    try pane.keys("/")
    try pane.type("(platform:ios OR platform:ipados) supervised:yes")
    try pane.keys("Enter")
    pane.wait(for: "the OR filter applied") {
      $0.contains("Filter: (platform:ios OR") && $0.contains(" of 500 devices")
        && !$0.contains("/ to filter")
    }
    let rows = tableRows(pane.screen)
    XCTAssertFalse(rows.isEmpty, pane.screen)
    for row in rows {
      XCTAssertTrue(row.contains(" iOS ") || row.contains(" iPadOS "), row)
      XCTAssertTrue(row.contains(" yes ") && row.contains("OS update"), row)
    }
    // Why, and what to do: the device page.
    try pane.keys("Enter")
    pane.wait(for: "the device page") { $0.contains("What to do") && $0.contains("Why") }
    // `y` copies the serial: tmux takes OSC 52 into its paste buffer.
    try pane.keys("y")
    pane.wait(for: "the copy in the status line") { $0.contains("Copied serial ") }
    let status = try XCTUnwrap(
      pane.screen.split(separator: "\n").first { $0.contains("Copied serial ") })
    let serial = String(status.split(separator: " ").last ?? "")
    XCTAssertFalse(serial.isEmpty, String(status))
    XCTAssertEqual(try pane.run(["show-buffer"]), serial)
    try pane.keys("Escape", "Escape")
    pane.wait(for: "back on the Overview") {
      $0.contains("RSR/BSI state") && !$0.contains("In: state:")
    }
    try quit(pane)
    XCTAssertLessThan(Date().timeIntervalSince(started), 20)
  }

  func testOnAVT100TheSerialIsShownNotSent() throws {
    let pane = try pane()
    try pane.run(["set-option", "-s", "set-clipboard", "on"])
    try pane.type("TERM=vt100 \(binary) --db \(store); echo EXIT=$?")
    try pane.keys("Enter")
    pane.wait(for: "the overview") { $0.contains("RSR/BSI state") }
    try pane.keys("2")
    pane.wait(for: "the devices table") { $0.contains("1/500 devices") }
    try pane.keys("y")
    pane.wait(for: "the serial shown") { $0.contains("(copy not supported here)") }
    XCTAssertTrue(pane.screen.contains("Serial: "), pane.screen)
    XCTAssertEqual(try pane.run(["list-buffers"]), "", "nothing reached the clipboard")
    try quit(pane)
  }

  // MARK: admin

  func testAdminConfirmsALooseningChangeReviewsItAndWrites() throws {
    let started = Date()
    let out = directory + "/profiles"
    let pane = try pane()
    try launch(pane, "--out \(out)")
    try pane.keys("3")
    pane.wait(for: "the rings") { $0.contains("Policies") && $0.contains("0 staged") }
    // production blocks removal; `r` would lift that: it asks first, and `n` stages nothing.
    try pane.keys("Down", "r")
    pane.wait(for: "the loosening question") {
      $0.contains("lifts a protection from") && $0.contains("y/n")
    }
    XCTAssertTrue(pane.screen.contains("ring production"), pane.screen)
    try pane.keys("n")
    pane.wait(for: "the question gone") { !$0.contains("lifts a protection") }
    XCTAssertTrue(pane.screen.contains("0 staged"), pane.screen)
    try pane.keys("r")
    pane.wait(for: "the question again") { $0.contains("lifts a protection from") }
    try pane.keys("y")
    pane.wait(for: "the staged change") { $0.contains("1 staged") }
    // Review in Staged.
    try pane.keys("4")
    pane.wait(for: "the staged view") {
      $0.contains("Policy changes (1)") && $0.contains("production")
        && $0.contains("block → unset")
    }
    try pane.keys("w")
    pane.wait(for: "the write confirmation") { $0.contains("apply 1 staged change(s)? y/n") }
    try pane.keys("y")
    pane.wait(for: "the write's result") { $0.contains("wrote") && $0.contains("0 staged") }
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    XCTAssertTrue(files.contains("production-ios.mobileconfig"), "\(files)")
    try pane.keys("5")
    pane.wait(for: "the apply in the audit log") {
      $0.contains("Audit log, newest first") && $0.contains("applied 1 policy change(s)")
    }
    try pane.keys("G")
    pane.wait(for: "the staged change in the audit log") {
      $0.contains("stage-policy") && $0.contains("ring production: RSR/BSI removal block → unset")
    }
    try quit(pane)
    XCTAssertLessThan(Date().timeIntervalSince(started), 20)
  }

  // MARK: on-call

  /// Runs a command in the pane after a clear and returns all it printed (wrapped lines
  /// joined, from the scrollback too), once `echo DONE` shows.
  func output(_ pane: TmuxPane, _ command: String) throws -> (text: String, exit: Int) {
    try pane.run(["clear-history", "-t", "e2e"])
    try pane.keys("C-l")
    let marker = "DONE-\(UInt32.random(in: 0...UInt32.max))"
    // The leading `echo` gives the output its own first line: when the typed command fills its
    // last row exactly, tmux marks that row wrapped and `capture-pane -J` joins the next line
    // to it; the empty line is what gets joined then, never the command's first line.
    try pane.type("echo; \(command); echo \(marker)=$?")
    try pane.keys("Enter")
    // The marker followed by a digit: when the typed line wraps right before `echo`'s marker,
    // the screen shows "\nMARKER=$?" before the command has even run.
    pane.wait(for: marker, seconds: 8) {
      $0.range(of: "\n\(marker)=[0-9]", options: .regularExpression) != nil
    }
    let all = try pane.run(["capture-pane", "-p", "-J", "-S", "-", "-t", "e2e"])
    var lines = all.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let end = lines.lastIndex { $0.hasPrefix("\(marker)=") } ?? lines.count
    let exit = Int(lines[end].dropFirst(marker.count + 1)) ?? -1
    lines = Array(lines[..<end])
    if let start = lines.lastIndex(where: { $0.contains("echo \(marker)") }) {
      lines = Array(lines[(start + 1)...])
      if lines.first == "" { lines.removeFirst() }
    }
    return (lines.joined(separator: "\n"), exit)
  }

  func testOnCallChecksTheFleetAndReadsEveryTableAt80Columns() throws {
    let started = Date()
    let pane = try pane()
    let check = try output(pane, "\(binary) check --db \(store)")
    XCTAssertTrue(check.text.hasPrefix("RINGSIDE "), check.text)
    XCTAssertTrue((0...2).contains(check.exit), "\(check.exit): \(check.text)")
    let status = ["OK", "WARNING", "CRITICAL"][max(0, min(2, check.exit))]
    XCTAssertTrue(check.text.hasPrefix("RINGSIDE \(status)"), check.text)
    XCTAssertTrue(check.text.contains("current") && check.text.contains("|"), check.text)

    let fleet = try InventoryStore(path: store, readOnly: true)
    let late = try XCTUnwrap(
      try fleet.devices(filter: DeviceFilter.parse("state:pending"), limit: 1).first?.device.serial)
    for command in [
      "devices --db \(store) --limit 15",
      "devices --db \(store) ring:test OR platform:macos --limit 8",
      "report --db \(store)", "why --db \(store) \(late)",
      "stage move --db \(store) --ring test \(late)", "staged --db \(store)",
      "audit --db \(store) --limit 10",
    ] {
      let result = try output(pane, "\(binary) \(command)")
      XCTAssertEqual(result.exit, 0, "\(command): \(result.text)")
      let lines = result.text.split(separator: "\n").map {
        $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
      }
      XCTAssertGreaterThan(
        lines.count, command.hasPrefix("stage ") ? 0 : 1, "\(command): \(result.text)")
      for line in lines {
        XCTAssertLessThanOrEqual(
          DisplayWidth.of(line), 80, "\(command) printed a line wider than 80:\n\(line)")
      }
    }
    XCTAssertLessThan(Date().timeIntervalSince(started), 20)
  }
}
