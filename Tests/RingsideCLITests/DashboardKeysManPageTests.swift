import XCTest

@testable import RingsideCLI

/// The man page lists the dashboard's keys from the same command table and keymap as `?`.
final class DashboardKeysManPageTests: XCTestCase {
  func testTheManPageListsEveryDashboardKeyIncludingCopySerial() {
    let keys = DashboardCommand.keyReference()
    let man = ManPage.render(
      commands: CommandTable.commands, dashboard: DashboardCommand.spec, version: "test",
      keys: keys)
    XCTAssertTrue(man.contains(".SS Dashboard keys"), man)
    XCTAssertTrue(man.contains(".TP\n\\fBy :copy\\fR\ncopy serial: Copy the serial number"), man)
    XCTAssertTrue(man.contains("\\fB/ :filter TEXT\\fR"), man)
    XCTAssertTrue(man.contains(".B RINGSIDE_CLIPBOARD"), man)
    // Every key line of the help is in the man page.
    for (key, _) in keys where !key.isEmpty {
      XCTAssertTrue(man.contains(ManPageEscape.escape(key)), key)
    }
  }

  /// `ringside manpage` as a user runs it has the dashboard, its options and its keys, and
  /// the completions know the dashboard's options.
  func testTheManpageCommandIncludesTheDashboardAndItsKeys() throws {
    let cli = try CLIHarness()
    let man = cli.run("manpage").out
    XCTAssertTrue(man.contains(".SS ringside\n"), man)
    XCTAssertTrue(man.contains("\\fB\\-\\-read\\-only\\fR"), man)
    XCTAssertTrue(man.contains("\\fBy :copy\\fR"), man)
    XCTAssertTrue(cli.run("completions", "bash").out.contains("--read-only"))
  }
}
