import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Runs the real `ringside apply` and kills it with SIGKILL at points spread over its run.
/// After every kill each profile is byte-identical to either the old or the new version, the
/// store passes `PRAGMA integrity_check`, the staged changes are gone only if every file is
/// new, and the next apply finishes the job without calling Ringside's own files foreign.
final class StagingCrashSafetySystemTests: XCTestCase {
  static let ringCount = 20
  static let kills = 24
  let policyA = try! RingPolicy(
    rsrInstallation: .allow, rsrRemoval: .block, deferralDays: 7, criticalUpdateInstall: .on)
  let policyB = try! RingPolicy(
    rsrInstallation: .block, rsrRemoval: .allow, deferralDays: 30, criticalUpdateInstall: .off)

  func testKillingApplyAtAnyPointLeavesOldOrNewFilesAndAConsistentStore() throws {
    try TestBackend.requireSQLite(
      "apply killed while it writes a store file, checked with PRAGMA integrity_check")
    let binary = try Self.ringsideBinary()
    let temp = try StagingTestStore()
    let reference = try referenceContents(binary: binary, temp: temp)
    let db = temp.directory + "/crash.db"
    let out = temp.directory + "/profiles"
    let store = try InventoryStore(path: db, create: true)
    try addRings(store)

    try stage(policyB, in: store)
    XCTAssertEqual(try Self.run(binary, ["apply", "--db", db, "--out", out]).status, 0)
    try stage(policyA, in: store)
    let started = Date()
    XCTAssertEqual(try Self.run(binary, ["apply", "--db", db, "--out", out]).status, 0)
    let fullRun = Date().timeIntervalSince(started)
    XCTAssertEqual(try files(in: out), reference[0])

    var outcomes: [String: Int] = [:]
    for attempt in 0..<Self.kills {
      let target = attempt % 2 == 0 ? 1 : 0
      let old = try files(in: out)
      try stage(target == 1 ? policyB : policyA, in: store)
      let delay = fullRun * Double(attempt) / Double(Self.kills)
      try Self.killMidway(binary, ["apply", "--db", db, "--out", out], after: delay)

      let now = try files(in: out)
      XCTAssertEqual(
        Set(now.keys), Set(reference[target].keys), "attempt \(attempt): a file went missing")
      var fresh = 0
      for (name, bytes) in now {
        let isNew = bytes == reference[target][name]
        XCTAssertTrue(
          isNew || bytes == old[name], "attempt \(attempt): \(name) is neither old nor new")
        if isNew && bytes != old[name] { fresh += 1 }
      }
      let check = try InventoryStore(path: db)
      XCTAssertEqual(try check.integrityProblems(), [], "attempt \(attempt)")
      let stagedLeft = try check.stagedChangeCount()
      if stagedLeft == 0 {
        XCTAssertEqual(
          now, reference[target], "attempt \(attempt): staged cleared before all files were new")
        XCTAssertEqual(
          try check.rings().first { $0.name == "r00" }?.policy, target == 1 ? policyB : policyA)
      }
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter {
        $0.contains("ringside-tmp")
      }
      let outcome =
        stagedLeft == 0
        ? "completed"
        : fresh == 0
          ? (leftovers.isEmpty ? "killed before writing" : "killed inside a write")
          : fresh == now.count ? "killed after writing, before commit" : "killed between files"
      outcomes[outcome, default: 0] += 1

      let finish = try Self.run(binary, ["apply", "--db", db, "--out", out])
      XCTAssertEqual(finish.status, 0, "attempt \(attempt): \(finish.output)")
      XCTAssertEqual(
        try files(in: out), reference[target], "attempt \(attempt): the rerun did not finish")
      XCTAssertEqual(try InventoryStore(path: db).stagedChangeCount(), 0)
      XCTAssertTrue(
        try FileManager.default.contentsOfDirectory(atPath: out).filter {
          $0.contains("ringside-tmp")
        }.isEmpty)
    }
    print(
      "kill -9 outcomes over \(Self.kills) runs (full apply \(Int(fullRun * 1000)) ms, \(reference[0].count) files): \(outcomes.sorted { $0.key < $1.key })"
    )
    XCTAssertGreaterThan(outcomes.count, 1, "kills all landed at the same stage: \(outcomes)")
  }

  // MARK: - Helpers

  private func addRings(_ store: InventoryStore) throws {
    for index in 0..<Self.ringCount { try store.addRing(named: String(format: "r%02d", index)) }
  }

  private func stage(_ policy: RingPolicy, in store: InventoryStore) throws {
    let actor = AuditActor(user: "crash-test")
    for index in 0..<Self.ringCount {
      try store.stagePolicy(
        [
          .rsrInstallation(policy.rsrInstallation), .rsrRemoval(policy.rsrRemoval),
          .deferralDays(policy.deferralDays), .criticalUpdateInstall(policy.criticalUpdateInstall),
        ], ring: String(format: "r%02d", index), by: actor)
    }
  }

  /// The files an uninterrupted apply writes for policy A and for policy B.
  private func referenceContents(binary: String, temp: StagingTestStore) throws -> [[String: Data]]
  {
    let db = temp.directory + "/reference.db"
    let store = try InventoryStore(path: db, create: true)
    try addRings(store)
    var out: [[String: Data]] = []
    for (index, policy) in [policyA, policyB].enumerated() {
      try stage(policy, in: store)
      let directory = temp.directory + "/reference\(index)"
      // The store keeps its profile folder: each reference run moves it on purpose.
      let moved = try Self.run(binary, ["config", "--db", db, "--out", directory])
      XCTAssertEqual(moved.status, 0, moved.output)
      let result = try Self.run(binary, ["apply", "--db", db, "--out", directory])
      XCTAssertEqual(result.status, 0, result.output)
      out.append(try files(in: directory))
    }
    XCTAssertEqual(out[0].count, Self.ringCount * 4)
    return out
  }

  private func files(in directory: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory)
    where !name.hasPrefix(".") {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }
    return out
  }

  static func ringsideBinary() throws -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ringside").path
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let candidates = [beside, package.appendingPathComponent(".build/debug/ringside").path]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      XCTFail("no built ringside binary in \(candidates); run `swift build` before `swift test`")
      throw XCTSkip("no binary")
    }
    return found
  }

  static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.environment = Self.hermeticEnvironment
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static func killMidway(_ binary: String, _ arguments: [String], after delay: TimeInterval) throws
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.environment = Self.hermeticEnvironment
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(delay * 1_000_000))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// The test's environment, with the host-wide config pointed away from /etc/ringside and
  /// nothing written to the home folder.
  static var hermeticEnvironment: [String: String] {
    ProcessInfo.processInfo.environment.merging(
      [
        "RINGSIDE_TEST_HOST_CONFIG": "/nonexistent/ringside-host-config.json",
        // No audit witness file in the real home (writing it is best effort).
        "XDG_STATE_HOME": "/proc/ringside-no-state",
      ]
    ) { $1 }
  }
}
