import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// What the files hold: only the keys the policy sets, metadata an MDM accepts, the same bytes
/// for the same policy, and identifiers that survive a policy change.
final class ProfileContentTests: XCTestCase {
  static let metadata: Set<String> = [
    "PayloadType", "PayloadVersion", "PayloadIdentifier", "PayloadUUID", "PayloadDisplayName",
  ]

  private func files(
    _ policy: RingPolicy, ring: String = "test", org: ProfileOrganization = .default
  )
    -> [String: ProfileFile]
  {
    let rendered = ProfileRenderer.files(
      for: TestSupport.ring(policy, name: ring), organization: org)
    return Dictionary(uniqueKeysWithValues: rendered.map { ($0.name, $0) })
  }

  func testIOSProfileAllowingInstallAndBlockingRemovalHoldsExactlyTheTwoKeys() throws {
    let file = try XCTUnwrap(
      files(TestSupport.policy(install: .allow, removal: .block))["test-ios.mobileconfig"])
    XCTAssertTrue(
      file.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist"))
    let profile = try ParsedValue.plist(Data(file.bytes))
    XCTAssertEqual(
      Set(profile.entries.keys),
      Self.metadata.union(["PayloadContent", "PayloadDescription", "PayloadOrganization"]))
    XCTAssertEqual(profile["PayloadType"], .string("Configuration"))
    XCTAssertEqual(profile["PayloadVersion"], .int(1))
    XCTAssertEqual(profile["PayloadOrganization"], .string("Ringside"))
    let content = profile["PayloadContent"]?.items ?? []
    XCTAssertEqual(content.count, 1)
    let payload = try XCTUnwrap(content.first)
    XCTAssertEqual(payload["PayloadType"], .string("com.apple.applicationaccess"))
    XCTAssertEqual(payload["PayloadVersion"], .int(1))
    var settings = payload.entries
    for key in Self.metadata { settings[key] = nil }
    XCTAssertEqual(
      settings,
      [
        "allowRapidSecurityResponseInstallation": .bool(true),
        "allowRapidSecurityResponseRemoval": .bool(false),
      ])
    XCTAssertFalse(file.text.contains("Signature"), "a plain unsigned profile")
  }

  func testDisplayNameAndDescriptionSayWhichRingAndWhatItSets() throws {
    let policy = TestSupport.policy(install: .block, defer: 14, critical: .off)
    let profile = try ParsedValue.plist(
      Data(try XCTUnwrap(files(policy, ring: "pilot")["pilot-macos.mobileconfig"]).bytes))
    guard case .string(let name)? = profile["PayloadDisplayName"],
      case .string(let description)? = profile["PayloadDescription"]
    else { return XCTFail("no display name or description") }
    XCTAssertTrue(name.contains("pilot"), name)
    for phrase in [
      "pilot ring", "Mac", "RSR/BSI installation blocked",
      "minor and major OS updates deferred 14 days",
      "critical updates turned off",
    ] {
      XCTAssertTrue(description.contains(phrase), "\(phrase) missing from: \(description)")
    }
  }

  func testUnsetValuesAreLeftOutNotWrittenAsDefaults() throws {
    let rendered = files(TestSupport.policy(removal: .block))
    let profile = try ParsedValue.plist(
      Data(try XCTUnwrap(rendered["test-macos.mobileconfig"]).bytes))
    let content = profile["PayloadContent"]?.items ?? []
    XCTAssertEqual(content.count, 1, "no Software Update payload without a critical-update value")
    XCTAssertEqual(content.first?["allowRapidSecurityResponseRemoval"], .bool(false))
    XCTAssertNil(content.first?["allowRapidSecurityResponseInstallation"])
    XCTAssertNil(content.first?["forceDelayedSoftwareUpdates"])
    let declaration = try ParsedValue.json(
      Data(try XCTUnwrap(rendered["test-macos.ddm.json"]).bytes))
    XCTAssertEqual(
      declaration["Payload"],
      .dictionary(["RapidSecurityResponse": .dictionary(["EnableRollback": .bool(false)])]))
  }

  func testCriticalUpdatesGoOnlyToTheMac() throws {
    let rendered = files(TestSupport.policy(critical: .on))
    XCTAssertEqual(Set(rendered.keys), ["test-macos.mobileconfig", "test-macos.ddm.json"])
    let profile = try ParsedValue.plist(Data(rendered["test-macos.mobileconfig"]!.bytes))
    let content = profile["PayloadContent"]?.items ?? []
    XCTAssertEqual(content.count, 1)
    XCTAssertEqual(content.first?["PayloadType"], .string("com.apple.SoftwareUpdate"))
    XCTAssertEqual(content.first?["CriticalUpdateInstall"], .bool(true))
    let declaration = try ParsedValue.json(Data(rendered["test-macos.ddm.json"]!.bytes))
    XCTAssertEqual(
      declaration["Payload"]?["AutomaticActions"],
      .dictionary(["InstallSecurityUpdate": .string("AlwaysOn")]))
  }

  func testDeferralUsesEachPlatformsDeclarationKey() throws {
    let rendered = files(TestSupport.policy(defer: 30))
    let ios = try ParsedValue.json(Data(rendered["test-ios.ddm.json"]!.bytes))
    let mac = try ParsedValue.json(Data(rendered["test-macos.ddm.json"]!.bytes))
    XCTAssertEqual(ios["Payload"]?["Deferrals"], .dictionary(["CombinedPeriodInDays": .int(30)]))
    XCTAssertEqual(
      mac["Payload"]?["Deferrals"],
      .dictionary(["MinorPeriodInDays": .int(30), "MajorPeriodInDays": .int(30)]))
  }

  /// iOS delays every OS update with `enforcedSoftwareUpdateDelay`; macOS 11.3 and later read
  /// the minor delay from `enforcedSoftwareUpdateMinorOSDeferredInstallDelay` and delay majors
  /// only with their own pair, so `--defer` means the same on both.
  func testDeferralWritesAppleKeysForMinorAndMajorUpdatesOnEachPlatform() throws {
    let rendered = files(TestSupport.policy(defer: 30))
    func restrictions(_ name: String) throws -> [String: ParsedValue] {
      let profile = try ParsedValue.plist(Data(try XCTUnwrap(rendered[name]).bytes))
      var entries = try XCTUnwrap(profile["PayloadContent"]?.items.first).entries
      for key in Self.metadata { entries[key] = nil }
      return entries
    }
    XCTAssertEqual(
      try restrictions("test-ios.mobileconfig"),
      ["forceDelayedSoftwareUpdates": .bool(true), "enforcedSoftwareUpdateDelay": .int(30)])
    XCTAssertEqual(
      try restrictions("test-macos.mobileconfig"),
      [
        "forceDelayedSoftwareUpdates": .bool(true), "enforcedSoftwareUpdateDelay": .int(30),
        "enforcedSoftwareUpdateMinorOSDeferredInstallDelay": .int(30),
        "forceDelayedMajorSoftwareUpdates": .bool(true),
        "enforcedSoftwareUpdateMajorOSDeferredInstallDelay": .int(30),
      ])
  }

  func testEveryProfileDescriptionSaysItsKeysAreDeprecatedAndNamesTheDeclaration() throws {
    var checked = 0
    for file in ProfileRenderer.files(for: TestSupport.allRings, organization: .default)
    where file.kind == .configurationProfile {
      let profile = try ParsedValue.plist(Data(file.bytes))
      guard case .string(let description)? = profile["PayloadDescription"] else {
        return XCTFail("\(file.name) has no description")
      }
      let declaration = ProfileFile.name(ring: file.ring, family: file.family!, kind: .declaration)
      let expected =
        file.family == .macOS
        ? "Apple deprecates these profile keys in macOS 26 and removes them in 27: from then on "
          + "only the com.apple.configuration.softwareupdate.settings declaration "
          + "(\(declaration)) applies, and only on supervised devices."
        : "Apple deprecates these profile keys in iOS and iPadOS 26 and removes them in 27: from "
          + "then on only the com.apple.configuration.softwareupdate.settings declaration "
          + "(\(declaration)) applies."
      XCTAssertTrue(description.contains(expected), "\(file.name): \(description)")
      checked += 1
    }
    XCTAssertGreaterThan(checked, 200)
  }

  func testUnsetPolicyWritesNothing() {
    XCTAssertTrue(files(.unset).isEmpty)
  }

  func testSamePolicyGivesTheSameBytesEveryTime() throws {
    for policy in TestSupport.allPolicies {
      let first = files(policy, org: try ProfileOrganization("Acme Corp"))
      let second = files(policy, org: try ProfileOrganization("Acme Corp"))
      XCTAssertEqual(first, second, policy.summary)
    }
  }

  func testPolicyChangeKeepsIdentifiersAndUUIDsAndChangesTheServerToken() throws {
    let before = files(TestSupport.policy(install: .allow, removal: .block))
    let after = files(TestSupport.policy(install: .block, removal: .block, defer: 7))
    for name in ["test-ios.mobileconfig", "test-macos.mobileconfig"] {
      let old = try ParsedValue.plist(Data(before[name]!.bytes))
      let new = try ParsedValue.plist(Data(after[name]!.bytes))
      XCTAssertNotEqual(old, new)
      XCTAssertEqual(old["PayloadIdentifier"], new["PayloadIdentifier"], name)
      XCTAssertEqual(old["PayloadUUID"], new["PayloadUUID"], name)
      let oldPayload = old["PayloadContent"]?.items.first
      let newPayload = new["PayloadContent"]?.items.first
      XCTAssertEqual(oldPayload?["PayloadIdentifier"], newPayload?["PayloadIdentifier"], name)
      XCTAssertEqual(oldPayload?["PayloadUUID"], newPayload?["PayloadUUID"], name)
    }
    for name in ["test-ios.ddm.json", "test-macos.ddm.json"] {
      let old = try ParsedValue.json(Data(before[name]!.bytes))
      let new = try ParsedValue.json(Data(after[name]!.bytes))
      XCTAssertEqual(old["Identifier"], new["Identifier"], name)
      XCTAssertNotEqual(old["ServerToken"], new["ServerToken"], name)
    }
  }

  func testIdentifiersDependOnOrganisationRingAndPlatform() throws {
    let policy = TestSupport.policy(install: .allow)
    var seen: Set<String> = []
    var uuids: Set<String> = []
    for org in ["Ringside", "Acme"] {
      for ring in ["test", "production"] {
        for file in files(policy, ring: ring, org: try ProfileOrganization(org)).values
        where file.kind == .configurationProfile {
          let profile = try ParsedValue.plist(Data(file.bytes))
          if case .string(let identifier)? = profile["PayloadIdentifier"] {
            seen.insert(identifier)
          }
          if case .string(let uuid)? = profile["PayloadUUID"] { uuids.insert(uuid) }
        }
      }
    }
    XCTAssertEqual(seen.count, 8)
    XCTAssertEqual(uuids.count, 8)
  }

  func testDerivedUUIDsAreVersion8WithTheRFCVariant() {
    let uuid = DerivedUUID.make(name: "ringside.acme.test.ios")
    XCTAssertEqual(uuid, DerivedUUID.make(name: "ringside.acme.test.ios"))
    XCTAssertNotEqual(uuid, DerivedUUID.make(name: "ringside.acme.test.macos"))
    XCTAssertNotNil(UUID(uuidString: uuid))
    let characters = Array(uuid)
    XCTAssertEqual(characters[14], "8")
    XCTAssertTrue("89AB".contains(characters[19]))
    XCTAssertEqual(uuid, uuid.uppercased())
  }

  func testOrganisationNamesAreValidated() {
    XCTAssertThrowsError(try ProfileOrganization("   "))
    XCTAssertThrowsError(try ProfileOrganization(String(repeating: "x", count: 129)))
    XCTAssertEqual(try ProfileOrganization("株式会社").slug.count, 16)
  }
}
