import RingsideDomain
import XCTest

@testable import RingsideTUI

final class KeymapTests: XCTestCase {
  func testEveryBoundCommandAppearsInHelp() {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false,
      now: TestFleet.now)
    let help = HelpText.lines(state)
    for binding in state.keymap.bindings {
      guard let command = state.command(binding.command) else {
        XCTFail(
          "\(binding.key.label) is bound to \(binding.command.rawValue), which is not in the command table"
        )
        continue
      }
      XCTAssertTrue(
        help.contains {
          $0.0.split(separator: " ").contains(Substring(binding.key.label))
            && $0.1.hasPrefix(command.title + ":")
        },
        "help lacks \(binding.key.label) for \(command.id.rawValue)")
    }
  }

  func testViewerHelpAndFooterHaveNoStagingCommands() {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now, access: TestFleet.viewer)
    XCTAssertTrue(state.readOnly)
    let help = HelpText.lines(state)
    for command in state.commands where command.dangerous {
      XCTAssertFalse(
        help.contains { $0.1.hasPrefix(command.title + ":") }, "viewer help lists \(command.id)")
      XCTAssertTrue(state.keymap.keys(for: command.id).isEmpty)
    }
    XCTAssertFalse(help.contains { $0.0 == "Rings" || $0.0 == "Staged" })
    for view in [ViewID.rings, .devices, .staged] {
      var s = state
      s.current = view
      let titles = Renderer.hints(s).map(\.1)
      XCTAssertTrue(
        Set(titles).isDisjoint(with: state.commands.filter(\.dangerous).map(\.title)), "\(titles)")
    }
  }

  func testAdminHelpListsEveryStagingKey() {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    let help = HelpText.lines(state)
    for (key, title) in [
      ("i", "install"), ("r", "removal"), ("+", "defer +"), ("-", "defer -"), ("c", "critical"),
      ("Space", "select"), ("A", "select all"), ("m", "move"), ("u", "drop"), ("w", "write"),
    ] {
      XCTAssertTrue(
        help.contains {
          $0.0.split(separator: " ").contains(Substring(key)) && $0.1.hasPrefix(title + ":")
        },
        "help lacks \(key) \(title)")
    }
  }

  func testViewBindingsWinOnlyInTheirView() {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    XCTAssertEqual(
      state.keymap.command(for: .character("r"), in: .rings), CommandTable.cycleRemoval)
    XCTAssertEqual(
      state.keymap.command(for: .character("r"), in: .devices), CommandTable.sortReverse)
    XCTAssertEqual(state.keymap.command(for: .character(" "), in: .devices), CommandTable.select)
    XCTAssertEqual(state.keymap.command(for: .character(" "), in: .overview), CommandTable.pageDown)
  }

  func testEveryCommandHasAHelpTextAndAUniqueID() {
    let commands = CommandTable.commands(views: ViewRegistry.standard)
    XCTAssertEqual(Set(commands.map(\.id)).count, commands.count)
    XCTAssertTrue(commands.allSatisfy { !$0.help.isEmpty && !$0.title.isEmpty })
  }

  func testFooterHintsComeFromTheKeymap() {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false,
      now: TestFleet.now)
    let hints = Renderer.hints(state)
    XCTAssertTrue(hints.contains { $0 == ("?", "help") })
    XCTAssertTrue(hints.contains { $0 == ("q", "quit") })
  }

  func testReadOnlySessionsDoNotBindDangerousCommands() {
    let staging = Command(
      "ring.toggle-install", "toggle install", help: "Stage a policy change.", scope: .rings,
      dangerous: true)
    let commands = CommandTable.fixed + [staging]
    let standard = Keymap.standard(
      views: ViewRegistry.standard, commands: commands, readOnly: false)
    let keymap = Keymap(
      bindings: standard.bindings + [
        Keymap.Binding(key: .character("i"), command: staging.id, hint: false)
      ])
    XCTAssertEqual(keymap.command(for: .character("i")), staging.id)
    let readOnly = keymap.withoutDangerous(commands)
    XCTAssertNil(readOnly.command(for: .character("i")))
    XCTAssertEqual(readOnly.command(for: .character("q")), CommandTable.quit)
  }

  func testViewsGetTheirNumberKeysFromTheRegistry() {
    let keymap = Keymap.standard(
      views: ViewRegistry.standard, commands: CommandTable.fixed, readOnly: false)
    XCTAssertEqual(keymap.command(for: .character("2")), "view.devices")
    XCTAssertEqual(keymap.command(for: .character("4")), "view.staged")
    XCTAssertEqual(keymap.command(for: .character("5")), "view.audit")
    XCTAssertNil(keymap.command(for: .character("6")))
  }

  func testKeyScriptsReadSpecialKeysAndResizes() throws {
    XCTAssertEqual(
      try KeyScript.parse("/ab<Enter>\n# comment\n<resize 20x5><C-l><lt>"),
      [
        .key(.character("/")), .key(.character("a")), .key(.character("b")), .key(.enter),
        .resize(width: 20, height: 5), .key(.control("l")), .key(.character("<")),
      ])
    XCTAssertThrowsError(try KeyScript.parse("<Bogus>"))
  }
}
