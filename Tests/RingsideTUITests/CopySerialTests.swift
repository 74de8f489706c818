import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// `y` copies the serial number of the device under the cursor or on its page: an OSC 52
/// effect where the terminal allows it, and the serial in the status line either way.
final class CopySerialTests: XCTestCase {
  func reducer(clipboard: Bool) throws -> Reducer {
    var r = Reducer(store: try TestFleet.store())
    r.state.canSetClipboard = clipboard
    r.press(.character("2"))
    return r
  }

  func testYCopiesTheSerialUnderTheCursorAndSaysSo() throws {
    var r = try reducer(clipboard: true)
    r.press(.down, .down)
    let serial = try XCTUnwrap(r.state.devices.selected?.device.serial)
    XCTAssertEqual(r.key(.character("y")), [.setClipboard(serial)])
    XCTAssertEqual(r.state.message, StatusMessage(text: "Copied serial \(serial)", isError: false))
    XCTAssertTrue(r.screen.contains("Copied serial \(serial)"), r.screen)
  }

  func testWithoutClipboardTheSerialIsShownAndNothingIsSent() throws {
    var r = try reducer(clipboard: false)
    let serial = try XCTUnwrap(r.state.devices.selected?.device.serial)
    XCTAssertEqual(r.key(.character("y")), [])
    XCTAssertEqual(
      r.state.message,
      StatusMessage(text: "Serial: \(serial) (copy not supported here)", isError: false))
  }

  func testOnADevicePageYCopiesThatDevicesSerial() throws {
    var r = try reducer(clipboard: true)
    r.press(.down, .down, .down, .enter)
    let serial = try XCTUnwrap(r.state.devices.detail?.record.device.serial)
    // The hidden list cursor may move under the page; the page's own device is copied.
    r.state.devices.cursor = 0
    XCTAssertEqual(r.key(.character("y")), [.setClipboard(serial)])
  }

  func testTheCommandLineCopyAndAViewerHaveIt() throws {
    var r = Reducer(store: try TestFleet.store(), access: TestFleet.viewer)
    r.state.canSetClipboard = true
    r.press(.character("2"))
    let serial = try XCTUnwrap(r.state.devices.selected?.device.serial)
    XCTAssertEqual(r.key(.character("y")), [.setClipboard(serial)])
    XCTAssertEqual(Dashboard.runCommandLine(&r.state, "copy"), [.setClipboard(serial)])
  }

  func testASerialFromOutsideIsCleanedBeforeClipboardAndScreen() throws {
    let hostile = "C02\u{1B}]52;c;ZXZpbA==\u{07}X\u{202E}Y\r\n"
    var s = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    s.canSetClipboard = true
    (s, _) = Dashboard.update(s, .key(.character("2")))
    let device = Device(
      serial: hostile, name: "evil", platform: .macOS,
      version: AppleOSVersion(platform: .macOS, base: OSVersionNumber("26.4")), ring: "test",
      source: "test")
    let record = DeviceRecord(id: 1, device: device, state: .current, removal: .allowed)
    (s, _) = Dashboard.update(
      s,
      .pageLoaded(DevicePage(query: s.devices.query, offset: 0, rows: [record], reachedEnd: true)))
    let (next, effects) = Dashboard.update(s, .key(.character("y")))
    XCTAssertEqual(effects, [.setClipboard("C02]52;c;ZXZpbA==XY")])
    XCTAssertEqual(next.message?.text, "Copied serial C02]52;c;ZXZpbA==XY")
    let screen = Renderer.render(next).text
    XCTAssertFalse(screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, screen)
  }

  func testNoSerialOrTooLongIsSaidNotCopied() {
    XCTAssertNil(TerminalClipboard.cleaned(" \u{1B}\u{07} "))
    XCTAssertNil(TerminalClipboard.cleaned(String(repeating: "A", count: 257)))
    XCTAssertEqual(TerminalClipboard.cleaned(" C02XK1ABCD "), "C02XK1ABCD")
  }

  func testYIsInHelpFromTheCommandTable() throws {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: true, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    let line = try XCTUnwrap(HelpText.lines(state).first { $0.1.hasPrefix("copy serial:") })
    XCTAssertEqual(line.0, "y :copy")
  }

  /// The whole session: the headless terminal receives exactly the serial to copy.
  func testTheSessionHandsTheSerialToTheTerminal() throws {
    let store = try TestFleet.store()
    let terminal = HeadlessTerminal(
      width: 80, height: 24, input: try KeyScript.parse("2<Down>y"), canSetClipboard: true)
    let session = DashboardSession(
      state: DashboardState(
        width: 80, height: 24, storeLabel: "demo.db", readOnly: false, themeName: "default",
        asciiOnly: false, now: TestFleet.now),
      terminal: terminal,
      runner: SynchronousRunner(service: StoreService(store: store, clock: { TestFleet.now })),
      themes: ThemeLocator(environment: [:], executablePath: nil), clock: { TestFleet.now })
    let screen = session.run().text
    XCTAssertEqual(terminal.clipboard.count, 1)
    let serial = try XCTUnwrap(terminal.clipboard.first)
    XCTAssertEqual(session.state.devices.selected?.device.serial, serial)
    XCTAssertTrue(screen.contains("Copied serial \(serial)"), screen)
  }
}

/// The OSC 52 bytes the terminal backend writes, and when it may write them.
final class TerminalClipboardTests: XCTestCase {
  func testTheSequenceIsEscBracket52SemicolonCBase64AndST() {
    XCTAssertEqual(
      TerminalClipboard.sequence("C02XK1ABCD"),
      [0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B] + Array("QzAyWEsxQUJDRA==".utf8) + [0x1B, 0x5C])
    XCTAssertEqual(
      String(decoding: TerminalClipboard.sequence("DMPÉ-1"), as: UTF8.self),
      "\u{1B}]52;c;RE1Qw4ktMQ==\u{1B}\\")
  }

  func testTheBackendWritesExactlyTheSequenceToItsDescriptor() throws {
    var fds: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&fds), 0)
    defer { close(fds[0]) }
    XCTAssertTrue(TerminalClipboard.write("C02XK1ABCD", to: fds[1]))
    close(fds[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
      let n = read(fds[0], &buffer, buffer.count)
      if n <= 0 { break }
      bytes += buffer[..<n]
    }
    XCTAssertEqual(bytes, Array("\u{1B}]52;c;QzAyWEsxQUJDRA==\u{1B}\\".utf8))
    XCTAssertFalse(TerminalClipboard.write("x", to: -1))
  }

  func testOnlyTerminalsThatTakeItAndNotWhenTurnedOff() {
    for term in ["xterm-256color", "tmux-256color", "screen", "alacritty", "xterm-kitty"] {
      XCTAssertTrue(TerminalClipboard.isAllowed(term: term, environment: [:]), term)
    }
    for term in ["vt100", "vt220", "VT52", "dumb", "linux", "", nil] as [String?] {
      XCTAssertFalse(TerminalClipboard.isAllowed(term: term, environment: [:]), "\(term ?? "nil")")
    }
    for setting in ["off", "OFF", "0", "no", "false"] {
      XCTAssertFalse(
        TerminalClipboard.isAllowed(
          term: "xterm-256color", environment: ["RINGSIDE_CLIPBOARD": setting]), setting)
    }
    XCTAssertTrue(
      TerminalClipboard.isAllowed(term: "xterm", environment: ["RINGSIDE_CLIPBOARD": "on"]))
  }
}
