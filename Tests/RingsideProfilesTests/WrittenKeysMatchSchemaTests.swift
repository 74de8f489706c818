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
      check(profile, against: topLevel, family: file.family!, file: file.name)
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
          SchemaFixtures.introduced([document["payload"]!], family: file.family!),
          "\(file.name): \(type) is not supported on \(file.family!)")
        let commonKeys = Set(common["payloadkeys"]!.items.compactMap { $0["key"]?.string })
        for (key, value) in payload.entries where commonKeys.contains(key) {
          checkKey(
            [key], value: value, in: "CommonPayloadKeys", family: file.family!, file: file.name)
        }
        checkRequired(payload, document: common, file: file.name)
        for (key, value) in payload.entries where !commonKeys.contains(key) {
          checkKey([key], value: value, in: type, family: file.family!, file: file.name)
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
        SchemaFixtures.introduced([document["payload"]!], family: file.family!),
        "\(file.name): the declaration is not supported on \(file.family!)")
      let payload = try XCTUnwrap(declaration["Payload"], file.name)
      XCTAssertFalse(payload.entries.isEmpty, "\(file.name) has an empty payload")
      walk(payload, path: [], container: container, family: file.family!, file: file.name)
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
          keys.contains("forceDelayedMajorSoftwareUpdates"),
          keys.contains("enforcedSoftwareUpdateMajorOSDeferredInstallDelay"), context)
        XCTAssertEqual(
          keys.contains("enforcedSoftwareUpdateMinorOSDeferredInstallDelay"),
          keys.contains("forceDelayedSoftwareUpdates") && file.family == .macOS, context)
        XCTAssertEqual(
          keys.contains("CriticalUpdateInstall") || keys.contains("InstallSecurityUpdate"),
          policy.criticalUpdateInstall != .unset && file.family == .macOS, context)
      }
    }
  }

  /// Apple's schema names, in each delay key's description, the flag whose delay it sets
  /// ("This value controls the delay for 'forceDelayedSoftwareUpdates'"). Every flag Ringside
  /// turns on must come with every delay key the schema gives for it on that platform, set to
  /// the ring's days; a delay key without its flag does nothing.
  func testEveryDeferralFlagComesWithEveryDelayTheSchemaGivesForItOnThatPlatform() throws {
    let container = SoftwareUpdateSchema.restrictionsPayload
    let document = try XCTUnwrap(SchemaFixtures.documents[container])
    let payload = try XCTUnwrap(document["payload"])
    // delay key -> the flags its description names, for integer keys about update delays.
    var delays: [(key: YAMLNode, flags: [String])] = []
    for key in document["payloadkeys"]!.items where key["type"]?.string == "<integer>" {
      guard let name = key["key"]?.string, name.hasPrefix("enforcedSoftwareUpdate") else {
        continue
      }
      let content = key["content"]?.string ?? ""
      delays.append((key, content.matches(of: /'(force[A-Za-z]+)'/).map { String($0.output.1) }))
    }
    XCTAssertEqual(delays.count, 4, "the schema's four enforcedSoftwareUpdate*Delay keys")
    XCTAssertTrue(delays.allSatisfy { !$0.flags.isEmpty }, "\(delays.map(\.flags))")
    var checked = 0
    for ring in TestSupport.allRings {
      for file in ProfileRenderer.files(for: ring, organization: .default)
      where file.kind == .configurationProfile {
        let profile = try ParsedValue.plist(Data(file.bytes))
        for content in profile["PayloadContent"]?.items ?? []
        where content["PayloadType"] == .string(container) {
          for (key, flags) in delays {
            let name = key["key"]!.string!
            let supported =
              SchemaFixtures.introduced([payload, key], family: file.family!) != nil
            let flagOn = flags.contains { content[$0] == .bool(true) }
            if supported && flagOn {
              XCTAssertEqual(
                content[name], ring.policy.deferralDays.map { .int($0) },
                "\(file.name): \(name) sets the delay of \(flags)")
              checked += 1
            } else {
              XCTAssertNil(content[name], "\(file.name): \(name) without \(flags) or platform")
            }
          }
        }
      }
    }
    XCTAssertGreaterThan(checked, 0)
  }

  /// Automatic RSR/BSI installation (`CriticalUpdateInstall`, `InstallSecurityUpdate`) is
  /// written for exactly the platforms whose `supportedOS` in the schema files includes it: a
  /// policy asking for it must not reach a platform that ignores it, nor miss one that has it.
  func testAutomaticSecurityInstallIsWrittenExactlyWhereTheSchemaSupportsIt() throws {
    let declaration = try XCTUnwrap(
      SchemaFixtures.key(
        ["AutomaticActions", "InstallSecurityUpdate"], in: SoftwareUpdateSchema.settingsDeclaration
      ))
    let critical = try XCTUnwrap(
      SchemaFixtures.key(["CriticalUpdateInstall"], in: SoftwareUpdateSchema.softwareUpdatePayload)
    )
    let rendered = ProfileRenderer.files(
      for: TestSupport.ring(TestSupport.policy(critical: .on)), organization: .default)
    for family in PlatformFamily.allCases {
      let byKind = Dictionary(
        uniqueKeysWithValues: rendered.filter { $0.family == family }.map { ($0.kind, $0) })
      let inDeclaration =
        try byKind[.declaration].map {
          try ParsedValue.json(Data($0.bytes))["Payload"]?["AutomaticActions"]?[
            "InstallSecurityUpdate"]
        } ?? nil
      XCTAssertEqual(
        inDeclaration,
        SchemaFixtures.introduced(declaration.chain, family: family) != nil
          ? .string("AlwaysOn") : nil, "InstallSecurityUpdate on \(family)")
      let inProfile =
        try byKind[.configurationProfile].map {
          try ParsedValue.plist(Data($0.bytes))["PayloadContent"]?.items.compactMap {
            $0["CriticalUpdateInstall"]
          }.first
        } ?? nil
      XCTAssertEqual(
        inProfile,
        SchemaFixtures.introduced(critical.chain, family: family) != nil
          ? .bool(true) : nil, "CriticalUpdateInstall on \(family)")
    }
    // What the schema says today: Macs only. iPhone and iPad get no file for this policy.
    XCTAssertNil(SchemaFixtures.introduced(declaration.chain, family: .iOS))
    XCTAssertNotNil(SchemaFixtures.introduced(declaration.chain, family: .macOS))
    XCTAssertEqual(Set(rendered.map(\.family)), [.macOS])
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
