import Foundation
import XCTest

/// `ringside install` puts the program, man page, completions and themes under a prefix, the
/// installed program finds its themes there, and `uninstall` takes exactly those away.
final class InstallCommandTests: XCTestCase {
  private var root = ""

  override func setUpWithError() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-install-\(UUID().uuidString)"
      ).path
  }

  override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

  /// The status and everything printed, stdout then stderr.
  private func run(_ binary: String, _ arguments: String...) throws -> (Int32, String) {
    let result = try BuiltBinary.run(binary, arguments, home: root)
    return (result.status, result.out + result.err)
  }

  private func mode(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
  }

  func testInstallUnderADestdirWritesEveryFileAndUninstallRemovesThem() throws {
    let binary = try BuiltBinary.path()
    let (status, output) = try run(
      binary, "install", "--prefix", "/opt/rs", "--destdir", root + "/stage")
    XCTAssertEqual(status, 0, output)
    let prefix = root + "/stage/opt/rs"
    let expected = [
      "bin/ringside", "share/man/man1/ringside.1", "share/bash-completion/completions/ringside",
      "share/zsh/site-functions/_ringside", "share/fish/vendor_completions.d/ringside.fish",
      "share/ringside/themes/default.theme", "share/ringside/themes/mono.theme",
      "lib/systemd/system/ringside-sync@.service", "lib/systemd/system/ringside-sync@.timer",
    ]
    for file in expected {
      XCTAssertTrue(output.contains("installed \(prefix)/\(file)"), output)
    }
    XCTAssertEqual(mode(prefix + "/bin/ringside"), 0o755)
    XCTAssertEqual(mode(prefix + "/share/man/man1/ringside.1"), 0o644)
    let man = try String(contentsOfFile: prefix + "/share/man/man1/ringside.1", encoding: .utf8)
    XCTAssertTrue(man.hasPrefix(".TH RINGSIDE 1"), String(man.prefix(80)))
    XCTAssertTrue(man.contains("\\fB\\-\\-theme\\fR"), "the dashboard's options are in it")
    // The sync unit starts the program where it will live, not in the staging folder.
    let unit = try String(
      contentsOfFile: prefix + "/lib/systemd/system/ringside-sync@.service", encoding: .utf8)
    XCTAssertTrue(unit.contains("ExecStart=\"/opt/rs/bin/ringside\" sync %i --quiet"), unit)

    // The installed copy runs and finds the themes under its own prefix.
    let installed = prefix + "/bin/ringside"
    XCTAssertEqual(try run(installed, "--version").1, try run(binary, "--version").1)
    try "[colors]\n".write(
      toFile: prefix + "/share/ringside/themes/site.theme", atomically: true, encoding: .utf8)
    XCTAssertTrue(try run(installed, "__complete", "themes").1.contains("site\n"))

    let removed = try run(binary, "uninstall", "--prefix", "/opt/rs", "--destdir", root + "/stage")
    XCTAssertEqual(removed.0, 0, removed.1)
    for file in expected {
      XCTAssertNil(mode(prefix + "/" + file), file)
    }
    XCTAssertNotNil(mode(prefix + "/share/ringside/themes/site.theme"), "not ours: kept")
  }

  func testInstallRefusesARelativePrefix() throws {
    let (status, output) = try run(try BuiltBinary.path(), "install", "--prefix", "usr/local")
    XCTAssertEqual(status, 64, output)
    XCTAssertTrue(output.contains("--prefix must be an absolute path"), output)
  }
}
