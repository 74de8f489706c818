import Foundation
import RingsideStore
import RingsideTestSupport
import XCTest

/// A profile folder shared by the admin group: the apply lock is on the folder itself, so every
/// admin waits for every other (root included) and nothing but profiles lands in the folder.
/// Creates real unix users, so it needs root; as another user it skips.
final class SharedProfileFolderSystemTests: XCTestCase {
  private var top = ""
  private var binary = ""

  override func setUpWithError() throws {
    try TestBackend.requireSQLite(
      "a shared store file laid out for a unix admin group (SharedStoreLayout)")
    try XCTSkipUnless(geteuid() == 0, "creating test users and groups needs root")
    try TestUsers.ensure()
    binary = try BuiltBinary.copyForOtherUsers(self)
    top = "/tmp/ringside-shared-profiles-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: top + "/config/ringside", withIntermediateDirectories: true)
    chmod(top, 0o755)
    try Data("{\"admin_group\": \"\(TestUsers.adminGroup)\"}".utf8).write(
      to: URL(fileURLWithPath: top + "/config/ringside/config.json"))
    addTeardownBlock { [top] in
      BuiltBinary.clearAppendOnly(under: top + "/store")
      try? FileManager.default.removeItem(atPath: top)
    }
  }

  private func process(_ arguments: [String]) -> (Process, Pipe) {
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
    process.arguments = ["-u", TestUsers.admin, "--", binary] + arguments
    process.standardOutput = pipe
    process.standardError = pipe
    process.environment = [
      "PATH": "/usr/bin:/bin", "HOME": "/tmp", "XDG_CONFIG_HOME": top + "/config",
      BuiltBinary.hostConfigVariable: top + "/config/host-config.json",
      "XDG_STATE_HOME": BuiltBinary.noStateHome,
    ]
    return (process, pipe)
  }

  private func runAsAdmin(_ arguments: String...) throws -> (status: Int32, output: String) {
    let (process, pipe) = process(arguments)
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  func testAnAdminsApplyWaitsForTheFolderLockAndLeavesOnlyProfiles() throws {
    let db = top + "/store/ringside.db"
    try SharedStoreLayout(storePath: db, adminGroup: TestUsers.adminGroup, viewerGroup: nil)
      .apply()
    XCTAssertEqual(try runAsAdmin("demo", "--db", db, "--devices", "20").status, 0)
    let folder = top + "/profiles"
    XCTAssertEqual(mkdir(folder, 0o770), 0)
    XCTAssertEqual(chown(folder, 0, getgrnam(TestUsers.adminGroup).pointee.gr_gid), 0)
    XCTAssertEqual(chmod(folder, 0o2770), 0)
    XCTAssertEqual(
      try runAsAdmin("stage", "policy", "test", "--defer", "5", "--db", db).status, 0)

    // Root holds the folder's lock as another session's apply would.
    let held = open(folder, O_RDONLY | O_DIRECTORY)
    XCTAssertEqual(flock(held, LOCK_EX), 0)
    let (apply, pipe) = process(["apply", "--db", db, "--out", folder])
    try apply.run()
    Thread.sleep(forTimeInterval: 0.7)
    XCTAssertTrue(apply.isRunning, "the admin's apply waits for the lock")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    flock(held, LOCK_UN)
    close(held)
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    apply.waitUntilExit()
    XCTAssertEqual(apply.terminationStatus, 0, output)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    XCTAssertTrue(names.contains("test-ios.mobileconfig"), "\(names)")
    XCTAssertEqual(names.filter { $0.hasPrefix(".") }, [], "no lock or temporary file")
  }
}
