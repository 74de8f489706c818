import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// Parses every file written for every policy combination and checks each key against Apple's
/// schema YAML: known key, right type, within range, supported on the file's platform.
final class WrittenKeysMatchSchemaTests: XCTestCase {
  let files = ProfileRenderer.files(for: TestSupport.allRings, organization: .default)

  func testEveryPolicyCombinationProducesFiles() {
    XCTAssertEqual(TestSupport.allPolicies.count, 108)
    let rings = Set(files.map(\.ring))
    XCTAssertEqual(
      rings.count, TestSupport.allRings.count - 1, "only the all-unset ring writes nothing")
  }

  func testEveryProfileKeyIsInTheSchemaForItsPlatform() throws {
    let topLevel = try XCTUnwrap(SchemaFixtures.documents["TopLevel"])
    let common = try XCTUnwrap(SchemaFixtures.documents["CommonPayloadKeys"])
    for file in files where file.kind == .configurationProfile {
      let profile = try ParsedValue.plist(Data(file.bytes))
      check(profile, against: topLevel, family: file.family, file: file.name)
      let content = profile["PayloadContent"]?.items ?? []
      XCTAssertFalse(content.isEmpty, "\(file.name) has no payload")
      for payload in content {
        guard case .string(let type)? = payload["PayloadType"],
          let document = SchemaFixtures.documents[type]
        else {
          XCTFail(
            "\(file.name): payload type \(String(describing: payload["PayloadType"])) has no schema"
          )
          continue
        }
        XCTAssertNotNil(
          SchemaFixtures.introduced([document["payload"]!], family: file.family),
          "\(file.name): \(type) is not supported on \(file.family)")
        let commonKeys = Set(common["payloadkeys"]!.items.compactMap { $0["key"]?.string })
        for (key, value) in payload.entries where commonKeys.contains(key) {
          checkKey(
            [key], value: value, in: "CommonPayloadKeys", family: file.family, file: file.name)
        }
        checkRequired(payload, document: common, file: file.name)
        for (key, value) in payload.entries where !commonKeys.contains(key) {
          checkKey([key], value: value, in: type, family: file.family, file: file.name)
        }
      }
    }
  }

  func testEveryDeclarationKeyIsInTheSchemaForItsPlatform() throws {
    let container = SoftwareUpdateSchema.settingsDeclaration
    let document = try XCTUnwrap(SchemaFixtures.documents[container])
    for file in files where file.kind == .declaration {
      let declaration = try ParsedValue.json(Data(file.bytes))
      XCTAssertEqual(declaration["Type"], .string(container), file.name)
      XCTAssertEqual(
        Set(declaration.entries.keys), ["Type", "Identifier", "ServerToken", "Payload"], file.name)
      XCTAssertNotNil(
        SchemaFixtures.introduced([document["payload"]!], family: file.family),
        "\(file.name): the declaration is not supported on \(file.family)")
      let payload = try XCTUnwrap(declaration["Payload"], file.name)
      XCTAssertFalse(payload.entries.isEmpty, "\(file.name) has an empty payload")
      walk(payload, path: [], container: container, family: file.family, file: file.name)
    }
  }

  func testPayloadKeysAppearOnlyWhenThePolicySetsThem() throws {
    for ring in TestSupport.allRings {
      let policy = ring.policy
      for file in ProfileRenderer.files(for: ring, organization: .default) {
        let value =
          file.kind == .configurationProfile
          ? try ParsedValue.plist(Data(file.bytes)) : try ParsedValue.json(Data(file.bytes))
        let keys = Self.allKeys(value)
        let context = "\(file.name) for \(policy.summary)"
        XCTAssertEqual(
          keys.contains("allowRapidSecurityResponseInstallation") || keys.contains("Enable"),
          policy.rsrInstallation != .unset, context)
        XCTAssertEqual(
          keys.contains("allowRapidSecurityResponseRemoval") || keys.contains("EnableRollback"),
          policy.rsrRemoval != .unset, context)
        XCTAssertEqual(
          keys.contains("enforcedSoftwareUpdateDelay") || keys.contains("Deferrals"),
          policy.deferralDays != nil, context)
        XCTAssertEqual(
          keys.contains("forceDelayedSoftwareUpdates"), keys.contains("enforcedSoftwareUpdateDelay")
        )
        XCTAssertEqual(
          keys.contains("CriticalUpdateInstall") || keys.contains("InstallSecurityUpdate"),
          policy.criticalUpdateInstall != .unset && file.family == .macOS, context)
      }
    }
  }

  // MARK: - Checks

  private func check(
    _ profile: ParsedValue, against topLevel: YAMLNode, family: PlatformFamily, file: String
  ) {
    for (key, value) in profile.entries {
      checkKey([key], value: value, in: "TopLevel", family: family, file: file)
    }
    checkRequired(profile, document: topLevel, file: file)
  }

  private func checkRequired(_ value: ParsedValue, document: YAMLNode, file: String) {
    for key in document["payloadkeys"]!.items where key["presence"]?.string == "required" {
      let name = key["key"]!.string!
      XCTAssertNotNil(value[name], "\(file): required key \(name) is missing")
    }
  }

  private func walk(
    _ value: ParsedValue, path: [String], container: String, family: PlatformFamily, file: String
  ) {
    for (key, child) in value.entries {
      checkKey(path + [key], value: child, in: container, family: family, file: file)
      if case .dictionary = child {
        walk(child, path: path + [key], container: container, family: family, file: file)
      }
    }
  }

  private func checkKey(
    _ path: [String], value: ParsedValue, in container: String, family: PlatformFamily, file: String
  ) {
    let name = path.joined(separator: ".")
    guard let found = SchemaFixtures.key(path, in: container) else {
      XCTFail("\(file): \(name) is not a key of \(container)")
      return
    }
    XCTAssertEqual(value.schemaType, found.node["type"]?.string, "\(file): type of \(name)")
    if container != "TopLevel" && container != "CommonPayloadKeys" {
      XCTAssertNotNil(
        SchemaFixtures.introduced(found.chain, family: family),
        "\(file): \(name) is not supported on \(family)")
    }
    if let range = found.node["range"], case .int(let number) = value {
      XCTAssertGreaterThanOrEqual(
        number, Int(range["min"]!.string!)!, "\(file): \(name) below range")
      XCTAssertLessThanOrEqual(number, Int(range["max"]!.string!)!, "\(file): \(name) above range")
    }
    if let list = found.node["rangelist"]?.items.compactMap(\.string) {
      let text: String? =
        switch value {
        case .string(let s): s
        case .int(let n): String(n)
        default: nil
        }
      XCTAssertTrue(text.map(list.contains) ?? false, "\(file): \(name) = \(value) not in \(list)")
    }
  }

  static func allKeys(_ value: ParsedValue) -> Set<String> {
    switch value {
    case .dictionary(let entries):
      entries.reduce(into: Set(entries.keys)) { $0.formUnion(allKeys($1.value)) }
    case .array(let items): items.reduce(into: Set()) { $0.formUnion(allKeys($1)) }
    default: []
    }
  }
}
