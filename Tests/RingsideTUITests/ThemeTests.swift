import Foundation
import XCTest

@testable import RingsideTUI

final class ThemeTests: XCTestCase {
  func testShippedThemeFilesMatchTheCompiledInCopies() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")
    for (name, text) in ShippedThemes.all {
      let file = try String(
        contentsOf: folder.appendingPathComponent(name + ".theme"), encoding: .utf8)
      XCTAssertEqual(file.trimmingCharacters(in: .newlines), text, "Themes/\(name).theme")
    }
  }

  func testEveryShippedThemeLoadsAndNamesOnlyKnownRoles() throws {
    let locator = ThemeLocator(environment: ["HOME": "/nonexistent"], executablePath: nil)
    for (name, _) in ShippedThemes.all {
      let theme = try locator.load(name)
      XCTAssertEqual(theme.name, name)
    }
    XCTAssertFalse(try locator.load("mono").usesColor)
    XCTAssertTrue(try locator.load("default").usesColor)
  }

  func testUnknownRoleIsAnErrorNamingFileAndLine() {
    XCTAssertThrowsError(
      try Theme.parse("palette.accent = red\n\nheader.barr = bold\n", name: "x", file: "my.theme")
    ) { error in
      let text = "\(error)"
      XCTAssertTrue(text.hasPrefix("my.theme:3: unknown role \"header.barr\""), text)
    }
    XCTAssertThrowsError(try Theme.parse("table.row = fg:chartreuse", name: "x", file: "t.theme")) {
      XCTAssertTrue("\($0)".hasPrefix("t.theme:1: unknown colour"), "\($0)")
    }
  }

  func testAThemeErrorShowsTheFilesBytesWithoutControlSequences() {
    XCTAssertThrowsError(
      try Theme.parse(
        "\u{1B}]2;pwned\u{07}\u{1B}[2J = bold\n", name: "x", file: "evil\u{1B}[H.theme")
    ) { error in
      let text = "\(error)"
      XCTAssertFalse(text.contains("\u{1B}"), text)
      XCTAssertFalse(text.contains("\u{07}"), text)
      XCTAssertTrue(text.hasPrefix("evil^[[H.theme:1: "), text)
    }
  }

  func testAThemeOverridesOnlyWhatItNames() throws {
    let base = ThemeLocator.builtinDefault
    let theme = try Theme.parse(
      "palette.accent = magenta\nwarning = underline\n", name: "t", file: "t", over: base)
    XCTAssertEqual(theme.styles[.sectionTitle]?.foreground, .index(5))
    XCTAssertEqual(
      theme.styles[.warning],
      {
        var s = ResolvedStyle()
        s.underline = true
        return s
      }())
    XCTAssertEqual(theme.styles[.stateCurrent], base.styles[.stateCurrent])
  }

  func testLookupPrefersTheUserFolderThenRingsideThemes() throws {
    let dir = try TestFolders.make("ringside-themes")
    let user = dir.appendingPathComponent("ringside/themes")
    try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
    try "header.bar = underline\n".write(
      to: user.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
    let locator = ThemeLocator(environment: ["XDG_CONFIG_HOME": dir.path], executablePath: nil)
    XCTAssertEqual(try locator.load("mine").origin, user.appendingPathComponent("mine.theme").path)
    XCTAssertEqual(try locator.load("light").origin, "built-in light.theme")
    XCTAssertThrowsError(try locator.load("nope"))
    let shipped = ThemeLocator(environment: ["RINGSIDE_THEMES": user.path], executablePath: nil)
    XCTAssertTrue(shipped.searchDirectories.contains(user.path))
  }

  func testShippedThemesAreFoundNextToTheBinaryAndInThePackage() {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let fromBuild = ThemeLocator(
      environment: ["HOME": "/nonexistent"], executablePath: root.path + "/.build/debug/ringside")
    XCTAssertTrue(fromBuild.searchDirectories.contains(root.appendingPathComponent("Themes").path))
    let installed = ThemeLocator(
      environment: ["HOME": "/nonexistent"], executablePath: "/opt/ringside/bin/ringside")
    XCTAssertEqual(
      Array(installed.searchDirectories.suffix(2)),
      ["/opt/ringside/bin/Themes", "/opt/ringside/share/ringside/themes"])
  }

  func testColoursFoldForTerminalsWithFewColours() {
    XCTAssertEqual(ThemeColor.index(9).number(forTerminalColors: 8), 1)
    XCTAssertEqual(ThemeColor.index(196).number(forTerminalColors: 8), 1)
    XCTAssertEqual(ThemeColor.index(25).number(forTerminalColors: 256), 25)
    XCTAssertEqual(ThemeColor.terminalDefault.number(forTerminalColors: 256), -1)
  }
}
