import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport
import XCTest

/// The file system, not Ringside, keeps viewers from writing a shared store. These tests create
/// real unix users and groups, so they need root (CI runs as root); as another user they skip
/// with that reason.
final class SharedStorePermissionSystemTests: XCTestCase {
  static let adminGroup = TestUsers.adminGroup
  static let viewerGroup = TestUsers.viewerGroup
  static let admin = TestUsers.admin
  static let viewer = TestUsers.viewer
  static let outsider = TestUsers.outsider

  var directory: String!
  var configHome: String?
  /// A copy of the built binary the test users can run wherever the checkout lives.
  var binary = ""

  override func setUpWithError() throws {
    try TestBackend.requireSQLite(
      "file permissions, unix groups, WAL and read locks of a shared store file")
    try XCTSkipUnless(geteuid() == 0, "creating test users and groups needs root")
    try TestUsers.ensure()
    binary = try BuiltBinary.copyForOtherUsers(self)
    let top = "/tmp/ringside-shared-\(UUID().uuidString)"
    directory = top + "/store"
    configHome = top + "/config"
    try FileManager.default.createDirectory(
      atPath: configHome! + "/ringside", withIntermediateDirectories: true)
    try Data("{\"admin_group\": \"\(Self.adminGroup)\"}".utf8).write(
      to: URL(fileURLWithPath: configHome! + "/ringside/config.json"))
  }

  override func tearDown() {
    if let directory {
      BuiltBinary.clearAppendOnly(under: directory)
      try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent)
    }
  }

  @discardableResult
  private func shell(_ arguments: String...) throws -> String {
    try run(arguments).output
  }

  private func run(_ arguments: [String], as user: String? = nil) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: user == nil ? arguments[0] : "/usr/sbin/runuser")
    process.arguments =
      user == nil ? Array(arguments.dropFirst()) : ["-u", user!, "--"] + arguments
    process.standardOutput = pipe
    process.standardError = pipe
    // The config init writes to /etc/ringside as root, given here per user instead; the
    // machine's own host-wide config is never read.
    process.environment = [
      "PATH": "/usr/bin:/bin", "HOME": "/tmp", "XDG_CONFIG_HOME": configHome ?? "/nonexistent",
      BuiltBinary.hostConfigVariable: (configHome ?? "/nonexistent") + "/host-config.json",
      "XDG_STATE_HOME": BuiltBinary.noStateHome,
    ]
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    if user == nil && process.terminationStatus != 0 {
      throw NSError(
        domain: "shell", code: Int(process.terminationStatus),
        userInfo: [NSLocalizedDescriptionKey: output])
    }
    return (process.terminationStatus, output)
  }

  func testViewerReadsButCannotWriteEvenWithSQLite3AndOutsidersCannotRead() throws {
    let path = directory + "/ringside.db"
    let layout = try SharedStoreLayout(
      storePath: path, adminGroup: Self.adminGroup, viewerGroup: Self.viewerGroup)
    try layout.apply()
    // The admin writes the demo fleet through Ringside, as its own user.
    let demo = try run([binary, "demo", "--db", path, "--devices", "50"], as: Self.admin)
    XCTAssertEqual(demo.status, 0, demo.output)

    let read = try run(
      ["/usr/bin/sqlite3", "-readonly", path, "SELECT COUNT(*) FROM devices"], as: Self.viewer)
    XCTAssertEqual(read.output.trimmingCharacters(in: .whitespacesAndNewlines), "50", read.output)
    let write = try run(["/usr/bin/sqlite3", path, "DELETE FROM devices"], as: Self.viewer)
    XCTAssertNotEqual(write.status, 0)
    XCTAssertTrue(write.output.contains("readonly"), write.output)
    let report = try run([binary, "report", "--db", path, "--format", "json"], as: Self.viewer)
    XCTAssertEqual(report.status, 0, report.output)
    let outsider = try run(
      ["/usr/bin/sqlite3", "-readonly", path, "SELECT COUNT(*) FROM devices"], as: Self.outsider)
    XCTAssertNotEqual(outsider.status, 0, outsider.output)

    let adminWrite = try run(
      ["/usr/bin/sqlite3", path, "INSERT INTO meta(key, value) VALUES ('t', 'x')"], as: Self.admin)
    XCTAssertEqual(adminWrite.status, 0, adminWrite.output)
    XCTAssertEqual(try InventoryStore(path: path).countDevices(), 50)
  }

  /// A store set up with a viewer group, holding 20 demo devices an admin wrote.
  private func sharedStoreWithTwentyDevices() throws -> String {
    let path = directory + "/ringside.db"
    try SharedStoreLayout(
      storePath: path, adminGroup: Self.adminGroup, viewerGroup: Self.viewerGroup
    ).apply()
    XCTAssertEqual(
      try run([binary, "demo", "--db", path, "--devices", "20"], as: Self.admin).status, 0)
    return path
  }

  func testViewerReadsWhileAnAdminHoldsAWriteTransaction() throws {
    let path = try sharedStoreWithTwentyDevices()
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
    writer.arguments = [
      "-u", Self.admin, "--", "/usr/bin/sqlite3", path,
      "BEGIN IMMEDIATE; UPDATE devices SET name = 'x'; SELECT 1 FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 30000000) SELECT MAX(n) FROM c); COMMIT;",
    ]
    try writer.run()
    Thread.sleep(forTimeInterval: 0.3)
    let report = try run([binary, "report", "--db", path, "--format", "json"], as: Self.viewer)
    XCTAssertEqual(report.status, 0, report.output)
    XCTAssertTrue(report.output.contains("\"devices\": 20"), report.output)
    writer.waitUntilExit()
  }

  func testAViewerHoldingReadLocksOnTheStoreCannotKeepAnAdminFromWriting() throws {
    let path = try sharedStoreWithTwentyDevices()
    // The viewer holds read locks on every byte of the store, -wal and -shm (perl is part of
    // every Debian system), and cannot open the writer lock file.
    let holder = Process()
    let ready = Pipe()
    holder.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
    holder.arguments = [
      "-u", Self.viewer, "--", "/usr/bin/perl", "-MFcntl", "-e",
      """
      $| = 1; my @held;
      for my $f (@ARGV) { open(my $h, "<", $f) or die "$f: $!";
        my $lock = pack("s s x4 q q l x4", F_RDLCK, 0, 0, 0, 0);
        fcntl($h, F_SETLK, $lock) or die "lock $f: $!";
        push @held, $h; }
      print "held\n"; sleep 30;
      """,
      path, path + "-wal", path + "-shm",
    ]
    holder.standardOutput = ready
    holder.standardError = ready
    try holder.run()
    defer {
      holder.terminate()
      holder.waitUntilExit()
    }
    let line = ready.fileHandleForReading.availableData
    XCTAssertEqual(String(decoding: line, as: UTF8.self), "held\n")
    XCTAssertEqual(
      try run([binary, "init", "--db", path], as: Self.viewer).status == 0, false,
      "a viewer cannot write")
    let lockFile = try run(["/bin/cat", path + "-lock"], as: Self.viewer)
    XCTAssertNotEqual(lockFile.status, 0, "a viewer cannot open the writer lock file")

    let started = Date()
    let stage = try run(
      [binary, "stage", "policy", "test", "--rsr-removal", "block", "--db", path], as: Self.admin)
    XCTAssertEqual(stage.status, 0, stage.output)
    XCTAssertLessThan(Date().timeIntervalSince(started), 4, "the write did not wait for the viewer")
    let staged = try run([binary, "staged", "--db", path], as: Self.viewer)
    XCTAssertTrue(staged.output.contains("block"), staged.output)
  }

  private func groupAndMode(_ path: String) -> (gid: gid_t, mode: mode_t)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (info.st_gid, info.st_mode & 0o7777)
  }

  /// Root reads the store with sqlite3, whose exit removes `-wal` and `-shm`.
  private func rootReadsWithSQLite3(_ path: String) throws {
    try shell("/usr/bin/sqlite3", path, "SELECT COUNT(*) FROM devices")
    XCTAssertNil(groupAndMode(path + "-wal"), "sqlite3 as root removed -wal")
  }

  func testWithAViewerGroupEveryoneStillReadsAfterRootRemovedWalAndShmAndRootsInitRepairsIt()
    throws
  {
    let path = directory + "/ringside.db"
    try SharedStoreLayout(
      storePath: path, adminGroup: Self.adminGroup, viewerGroup: Self.viewerGroup
    ).apply()
    XCTAssertEqual(
      try run([binary, "demo", "--db", path, "--devices", "30"], as: Self.admin).status, 0)
    try rootReadsWithSQLite3(path)
    for user in [Self.viewer, Self.admin] {
      let report = try run([binary, "report", "--db", path, "--format", "json"], as: user)
      XCTAssertEqual(report.status, 0, "\(user): \(report.output)")
      XCTAssertTrue(report.output.contains("\"devices\": 30"), report.output)
    }
    let write = try run(
      [binary, "stage", "policy", "--db", path, "test", "--defer", "5"], as: Self.admin)
    XCTAssertEqual(write.status, 77, write.output)
    XCTAssertTrue(write.output.contains("lost its -wal and -shm files"), write.output)
    XCTAssertTrue(write.output.contains("root runs `ringside init --shared"), write.output)
    let repair = try run([
      binary, "init", "--shared", "--db", path, "--admin-group", Self.adminGroup,
      "--viewer-group", Self.viewerGroup,
    ])
    XCTAssertEqual(repair.status, 0, repair.output)
    let admins = getgrnam(Self.adminGroup).pointee.gr_gid
    for suffix in ["-wal", "-shm"] {
      XCTAssertEqual(groupAndMode(path + suffix)?.gid, admins, suffix)
      XCTAssertEqual(groupAndMode(path + suffix)?.mode, 0o664, suffix)
    }
    let again = try run(
      [binary, "stage", "policy", "--db", path, "test", "--defer", "5"], as: Self.admin)
    XCTAssertEqual(again.status, 0, again.output)
  }

  func testWithoutAViewerGroupAnyAdminRecreatesWalAndShmWithTheRightGroupAndMode() throws {
    let path = directory + "/ringside.db"
    try SharedStoreLayout(storePath: path, adminGroup: Self.adminGroup, viewerGroup: nil).apply()
    XCTAssertEqual(
      try run([binary, "demo", "--db", path, "--devices", "30"], as: Self.admin).status, 0)
    try rootReadsWithSQLite3(path)
    let write = try run(
      [binary, "stage", "policy", "--db", path, "test", "--defer", "5"], as: Self.admin)
    XCTAssertEqual(write.status, 0, write.output)
    let admins = getgrnam(Self.adminGroup).pointee.gr_gid
    for suffix in ["-wal", "-shm"] {
      XCTAssertEqual(groupAndMode(path + suffix)?.gid, admins, suffix)
      XCTAssertEqual(groupAndMode(path + suffix)?.mode, 0o664, suffix)
    }
    let viewer = try run([binary, "report", "--db", path], as: Self.viewer)
    XCTAssertEqual(viewer.status, 0, viewer.output)
  }
}
