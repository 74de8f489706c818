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
      "ring.toggle-install", "toggle install", help: "Stage a policy change.", scope: "rings",
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
    XCTAssertNil(keymap.command(for: .character("4")))
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
