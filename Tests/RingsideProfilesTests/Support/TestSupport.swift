import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// Policies, folders and external tools shared by the profile tests.
enum TestSupport {
  /// Every tri-state combination, with the deferral unset, at both ends of its range and between.
  static let allPolicies: [RingPolicy] = {
    var out: [RingPolicy] = []
    for install in PolicySetting.allCases {
      for removal in PolicySetting.allCases {
        for days in [nil, 1, 45, 90] as [Int?] {
          for critical in CriticalUpdateSetting.allCases {
            out.append(
              try! RingPolicy(
                rsrInstallation: install, rsrRemoval: removal, deferralDays: days,
                criticalUpdateInstall: critical))
          }
        }
      }
    }
    return out
  }()

  /// One ring per policy combination, named `c000`, `c001`, ...
  static let allRings: [Ring] = allPolicies.enumerated().map { index, policy in
    try! Ring(name: "c" + String(format: "%03d", index), position: index, policy: policy)
  }

  static func ring(_ policy: RingPolicy, name: String = "test") -> Ring {
    try! Ring(name: name, position: 0, policy: policy)
  }

  static func policy(
    install: PolicySetting = .unset, removal: PolicySetting = .unset, defer days: Int? = nil,
    critical: CriticalUpdateSetting = .unset
  ) -> RingPolicy {
    try! RingPolicy(
      rsrInstallation: install, rsrRemoval: removal, deferralDays: days,
      criticalUpdateInstall: critical)
  }

  /// A fresh folder under the temporary directory, removed by the test case's teardown block.
  static func temporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-profiles-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  /// The first executable called `name` on PATH or in `extra`.
  static func findTool(_ name: String, extra: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let candidates = path.split(separator: ":").map { "\($0)/\(name)" } + extra
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs a program to completion; returns its status and combined output.
  static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
