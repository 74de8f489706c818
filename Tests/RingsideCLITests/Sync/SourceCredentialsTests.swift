import Foundation
import RingsideSync
import XCTest

/// Where `ringside sync` finds credentials, and the files it refuses.
final class SourceCredentialsTests: XCTestCase {
  private var user = ""
  private var shared = ""

  override func setUpWithError() throws {
    let root = NSTemporaryDirectory() + "ringside-credentials-\(UUID().uuidString)"
    user = root + "/user"
    shared = root + "/shared"
    for folder in [user, shared] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
  }

  private func write(_ text: String, to path: String, mode: mode_t = 0o600) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, mode)
  }

  private func load(_ source: SyncSource, environment: [String: String] = [:]) -> Result<
    SourceCredentials, SyncFailure
  > {
    Result { () throws(SyncFailure) in
      try SourceCredentials.load(
        source, environment: environment, userDirectory: user, sharedDirectory: shared)
    }
  }

  private func refusal(_ result: Result<SourceCredentials, SyncFailure>) -> String {
    if case .failure(.refused(let text)) = result { return text }
    XCTFail("expected a refusal, got \(result)")
    return ""
  }

  func testTheUserFileWinsOverTheSharedOneAndQuotesAreTrimmed() throws {
    try write("token = \"user-token\"\nurl=https://a.example\n", to: user + "/fleet.conf")
    try write("token = shared-token\n", to: shared + "/fleet.conf")
    let found = try load(.fleet).get()
    XCTAssertEqual(found["token"], "user-token")
    XCTAssertEqual(found["url"], "https://a.example")
    XCTAssertEqual(found.origin, user + "/fleet.conf")
  }

  func testTheSharedFileIsReadWhenTheUserHasNone() throws {
    try write("# shared\ntoken = shared-token\n", to: shared + "/kandji.conf")
    XCTAssertEqual(try load(.kandji).get()["token"], "shared-token")
  }

  func testTheEnvironmentWinsOverFiles() throws {
    try write("token = file-token\n", to: user + "/fleet.conf")
    let found = try load(.fleet, environment: ["RINGSIDE_FLEET_TOKEN": "env-token"]).get()
    XCTAssertEqual(found["token"], "env-token")
    XCTAssertEqual(found.origin, "the environment")
  }

  func testAURLVariableAloneKeepsTheFilesTokenAndReplacesItsURL() throws {
    try write("token = file-token\nurl = https://old.example\n", to: user + "/fleet.conf")
    let found = try load(.fleet, environment: ["RINGSIDE_FLEET_URL": "https://new.example"]).get()
    XCTAssertEqual(found["token"], "file-token")
    XCTAssertEqual(found["url"], "https://new.example")
    XCTAssertEqual(found.origin, user + "/fleet.conf")
  }

  func testAFileOthersMayReadIsRefusedWithTheModeAndTheFix() throws {
    try write("token = secret-value\n", to: user + "/fleet.conf", mode: 0o640)
    let text = refusal(load(.fleet))
    XCTAssertTrue(text.contains("mode 640") && text.contains("chmod 600"), text)
    XCTAssertFalse(text.contains("secret-value"), text)
  }

  func testASymbolicLinkIsRefused() throws {
    try write("token = t0ken\n", to: user + "/real.conf")
    try FileManager.default.createSymbolicLink(
      atPath: user + "/fleet.conf", withDestinationPath: user + "/real.conf")
    XCTAssertTrue(refusal(load(.fleet)).contains("not a regular file"))
  }

  func testAFileOfAnotherUserIsRefused() throws {
    let path = user + "/fleet.conf"
    try write("token = t0ken\n", to: path)
    guard chown(path, 54321, 54321) == 0 else { throw XCTSkip("only root can give a file away") }
    XCTAssertTrue(refusal(load(.fleet)).contains("belongs to uid 54321"))
  }

  func testAnUnknownKeyNamesTheLineWithoutQuotingIt() throws {
    try write("token = t0ken\npassword = hunter22\n", to: user + "/fleet.conf")
    let text = refusal(load(.fleet))
    XCTAssertTrue(text.contains("line 2") && text.contains("unknown key"), text)
    XCTAssertFalse(text.contains("hunter22"), text)
  }

  func testNoCredentialsNameBothFilesAndTheVariables() {
    let text = refusal(load(.graph))
    XCTAssertTrue(
      text.contains(user + "/graph.conf") && text.contains(shared + "/graph.conf"), text)
    XCTAssertTrue(text.contains("$RINGSIDE_GRAPH_CLIENT_SECRET"), text)
  }

  func testACRLFFileIsReadLineByLine() throws {
    try write("token = crlf-token\r\nurl = https://a.example\r\n", to: user + "/fleet.conf")
    let found = try load(.fleet).get()
    XCTAssertEqual(found["token"], "crlf-token")
    XCTAssertEqual(found["url"], "https://a.example")
  }

  func testAValueWithAControlCharacterIsRefusedWithoutQuotingIt() throws {
    let text = refusal(load(.fleet, environment: ["RINGSIDE_FLEET_TOKEN": "t0ken\rX-Injected: 1"]))
    XCTAssertTrue(text.contains("RINGSIDE_FLEET_TOKEN") && text.contains("control"), text)
    XCTAssertFalse(text.contains("t0ken"), text)
    try write("token = a\u{1B}b\n", to: user + "/kandji.conf")
    XCTAssertTrue(refusal(load(.kandji)).contains("line 1"))
  }

  func testAFIFOIsRefusedWithoutBlocking() throws {
    XCTAssertEqual(mkfifo(user + "/fleet.conf", 0o600), 0)
    XCTAssertTrue(refusal(load(.fleet)).contains("not a regular file"))
  }

  func testAFolderIsRefused() throws {
    try FileManager.default.createDirectory(
      atPath: user + "/fleet.conf", withIntermediateDirectories: false,
      attributes: [.posixPermissions: 0o700])
    XCTAssertTrue(refusal(load(.fleet)).contains("not a regular file"))
  }

  /// The file is swapped between a safe one and a link to a world-readable one while it is
  /// loaded: what was checked must be what is read, so the linked token never comes back.
  func testAFileSwappedForALinkWhileLoadingIsNeverReadThroughTheLink() throws {
    let target = user + "/fleet.conf"
    try write("token = linked-token\n", to: user + "/open.conf", mode: 0o644)
    try write("token = safe-token\n", to: target)
    let running = RunningFlag()
    let swapper = Thread { [user] in
      var link = true
      while running.value {
        let staging = user + "/staging"
        unlink(staging)
        if link {
          symlink(user + "/open.conf", staging)
        } else {
          let fd = open(staging, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
          _ = "token = safe-token\n".withCString { Glibc.write(fd, $0, strlen($0)) }
          close(fd)
        }
        rename(staging, target)
        link.toggle()
      }
    }
    swapper.start()
    defer { running.value = false }
    let started = Date()
    var loads = 0
    while loads < 5000 && Date().timeIntervalSince(started) < 3 {
      if case .success(let found) = load(.fleet) {
        XCTAssertNotEqual(
          found["token"], "linked-token", "read through a link after \(loads) loads")
        if found["token"] == "linked-token" { break }
      }
      loads += 1
    }
  }
}

/// A flag one thread sets and another reads.
private final class RunningFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var running = true
  var value: Bool {
    get { lock.withLock { running } }
    set { lock.withLock { running = newValue } }
  }
}
