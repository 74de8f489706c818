import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// The written files pass the tools admins and MDMs use: `plutil -lint` and Python's
/// `plistlib` for the profiles, Python's `json` for the declarations, for every policy
/// combination and for a hostile organisation name.
final class ExternalValidatorSystemTests: XCTestCase {
  static let plutilPlaces = [
    "/opt/swift/usr/bin/plutil", "/usr/bin/plutil", "/usr/local/bin/plutil",
  ]

  func testEveryPolicyCombinationPassesPlutilLint() throws {
    let directory = try writeAllCombinations()
    let plutil = try XCTUnwrap(
      TestSupport.findTool("plutil", extra: Self.plutilPlaces),
      "plutil not found on PATH or in \(Self.plutilPlaces); install the Swift toolchain's plutil to run this test"
    )
    let profiles = try profilePaths(in: directory)
    XCTAssertGreaterThan(profiles.count, 200)
    let result = try TestSupport.run(plutil, ["-lint"] + profiles)
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(
      result.output.split(separator: "\n").filter { $0.hasSuffix(": OK") }.count, profiles.count)
  }

  func testEveryPolicyCombinationParsesWithPythonPlistlibAndJSON() throws {
    let directory = try writeAllCombinations()
    let result = try runPython(
      """
      import glob, json, plistlib, sys
      d = sys.argv[1]
      n = 0
      for path in sorted(glob.glob(d + "/*.mobileconfig")):
          with open(path, "rb") as f:
              p = plistlib.load(f)
          assert p["PayloadType"] == "Configuration" and p["PayloadVersion"] == 1, path
          for payload in p["PayloadContent"]:
              for k, v in payload.items():
                  if k.startswith("allow") or k.startswith("force") or k == "CriticalUpdateInstall":
                      assert isinstance(v, bool), (path, k)
                  if k.startswith("enforcedSoftwareUpdate"):
                      assert type(v) is int and 1 <= v <= 90, (path, k)
          n += 1
      for path in sorted(glob.glob(d + "/*.ddm.json")):
          with open(path) as f:
              j = json.load(f)
          assert j["Type"] == "com.apple.configuration.softwareupdate.settings", path
          n += 1
      print(n)
      """, arguments: [directory])
    XCTAssertEqual(result.status, 0, result.output)
    let expected = ProfileRenderer.files(for: TestSupport.allRings, organization: .default).count
    XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines), String(expected))
  }

  func testHostileOrganisationNameCannotBreakTheProfile() throws {
    let hostile =
      "Acme </string><key>x</key> & \u{1}\u{0}\u{7F}\r\n\u{FFFE} ]]> \"quoted\" 'single' é"
    let organization = try ProfileOrganization(hostile)
    let files = ProfileRenderer.files(
      for: TestSupport.ring(TestSupport.policy(install: .allow)), organization: organization)
    let file = try XCTUnwrap(files.first(where: { $0.kind == .configurationProfile }))
    let directory = try TestSupport.temporaryDirectory(self)
    let path = directory + "/" + file.name
    try Data(file.bytes).write(to: URL(fileURLWithPath: path))
    if let plutil = TestSupport.findTool("plutil", extra: Self.plutilPlaces) {
      let lint = try TestSupport.run(plutil, ["-lint", path])
      XCTAssertEqual(lint.status, 0, lint.output)
    } else {
      XCTFail("plutil not found on PATH or in \(Self.plutilPlaces)")
    }
    let result = try runPython(
      """
      import plistlib, sys
      p = plistlib.load(open(sys.argv[1], "rb"))
      sys.stdout.write(p["PayloadOrganization"])
      """, arguments: [path])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(
      result.output,
      "Acme </string><key>x</key> & \u{FFFD}\u{FFFD}\u{7F}\r\n\u{FFFD} ]]> \"quoted\" 'single' é")
    XCTAssertEqual(organization.slug, "acme-string-key-x-key-quoted-single")
  }

  // MARK: - Helpers

  private func writeAllCombinations() throws -> String {
    let directory = try TestSupport.temporaryDirectory(self)
    for file in ProfileRenderer.files(for: TestSupport.allRings, organization: .default) {
      try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + file.name))
    }
    return directory
  }

  private func profilePaths(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.hasSuffix(".mobileconfig")
    }.sorted().map { directory + "/" + $0 }
  }

  private func runPython(_ script: String, arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let python = try XCTUnwrap(
      TestSupport.findTool("python3"),
      "python3 not found on PATH; it is needed to check plistlib parsing")
    return try TestSupport.run(python, ["-c", script] + arguments)
  }
}
