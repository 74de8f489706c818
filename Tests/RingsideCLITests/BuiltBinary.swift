import Foundation
import RingsideStore
import XCTest

/// The built `ringside` binary, and copies of it that other unix users can run.
enum BuiltBinary {
  /// The binary beside the test bundle (where `swift test` builds it), else `.build/debug`.
  static func path() throws -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ringside").path
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [beside, package.appendingPathComponent(".build/debug/ringside").path]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      XCTFail("no built ringside binary in \(candidates); run `swift build` before `swift test`")
      throw XCTSkip("no binary")
    }
    return found
  }

  /// Runs `binary` as a user would, with `home` as its home and config folder (so no host
  /// config and no user settings are read); returns its status, stdout and stderr.
  static func run(_ binary: String, _ arguments: [String], home: String) throws -> (
    status: Int32, out: String, err: String
  ) {
    let process = Process()
    let out = Pipe()
    // stderr goes to a file, so a full stderr pipe can never stall the read of stdout.
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let errPath = home + "/stderr-\(UUID().uuidString)"
    FileManager.default.createFile(atPath: errPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errPath) }
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = [
      "HOME": home, "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/bin:/bin",
      hostConfigVariable: home + "/host.json",
    ]
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    let errText = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), errText)
  }

  /// A copy of the binary in a fresh folder under /tmp that every user may enter, removed when
  /// `test` ends: the checkout may sit in a folder only its owner can enter (a clone under
  /// /root, a `mktemp -d` folder), where a test user could not run the built binary.
  static func copyForOtherUsers(_ test: XCTestCase) throws -> String {
    var template = Array("/tmp/ringside-bin-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw NSError(domain: "BuiltBinary", code: Int(errno))
    }
    let folder = String(cString: made)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    chmod(folder, 0o755)
    let copy = folder + "/ringside"
    try FileManager.default.copyItem(atPath: try path(), toPath: copy)
    chmod(copy, 0o755)
    return copy
  }

  /// Where a test's host-wide config lives instead of /etc/ringside/config.json (debug builds
  /// read `$RINGSIDE_TEST_HOST_CONFIG`); nothing is there unless the test writes it.
  static let hostConfigVariable = "RINGSIDE_TEST_HOST_CONFIG"

  /// A state folder no one can create, so the binary run with `HOME=/tmp` leaves no audit
  /// witness file behind (writing it is best effort).
  static let noStateHome = "/proc/ringside-no-state"

  /// Clears the append-only flag of every audit anchor under `folder` (root's `init --shared`
  /// sets it), so the folder can be removed.
  static func clearAppendOnly(under folder: String) {
    guard let names = FileManager.default.enumerator(atPath: folder) else { return }
    for case let name as String in names where name.hasSuffix(".anchor") {
      let fd = open(folder + "/" + name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { continue }
      AuditAnchor.setAppendOnly(fd, false)
      close(fd)
    }
  }
}
