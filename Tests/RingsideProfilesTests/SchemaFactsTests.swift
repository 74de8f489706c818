import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// Every fact Ringside's code states about Apple's keys is checked against the schema YAML.
final class SchemaFactsTests: XCTestCase {
  func testFixturesAreReadable() {
    XCTAssertEqual(SchemaFixtures.documents.count, SchemaFixtures.files.count)
    let delay = SchemaFixtures.key(
      ["enforcedSoftwareUpdateDelay"], in: "com.apple.applicationaccess")
    XCTAssertEqual(delay?.node["type"]?.string, "<integer>")
    XCTAssertEqual(delay?.node["range"]?["max"]?.string, "90")
  }

  func testEveryKeyRingsideWritesIsDescribedByAppleSchema() throws {
    for key in SoftwareUpdateSchema.allKeys {
      let name = key.path.joined(separator: ".")
      let found = try XCTUnwrap(
        SchemaFixtures.key(key.path, in: key.container),
        "\(name) is not in the \(key.container) schema")
      XCTAssertEqual(found.node["type"]?.string, key.type.rawValue, "type of \(name)")
      if let range = key.range {
        XCTAssertEqual(
          found.node["range"]?["min"]?.string, String(range.lowerBound), "min of \(name)")
        XCTAssertEqual(
          found.node["range"]?["max"]?.string, String(range.upperBound), "max of \(name)")
      } else {
        XCTAssertNil(found.node["range"], "\(name) has a range in the schema")
      }
      XCTAssertEqual(
        found.node["rangelist"]?.items.compactMap(\.string) ?? [], key.allowedValues,
        "values of \(name)")
      for family in PlatformFamily.allCases {
        XCTAssertEqual(
          SchemaFixtures.introduced(found.chain, family: family), key.introduced[family],
          "\(name) introduced on \(family)")
        guard key.supports(family) else {
          XCTAssertFalse(key.supervisedOnly.contains(family), "\(name) is not on \(family)")
          continue
        }
        XCTAssertEqual(
          SchemaFixtures.supervisedOnly(found.chain, family: family),
          key.supervisedOnly.contains(family), "\(name) supervision on \(family)")
      }
    }
  }

  func testPayloadAndDeclarationVersionsMatchTheSchema() throws {
    for (container, versions) in SoftwareUpdateSchema.containerIntroduced {
      let payload = try XCTUnwrap(SchemaFixtures.documents[container]?["payload"], container)
      for family in PlatformFamily.allCases {
        XCTAssertEqual(
          SchemaFixtures.introduced([payload], family: family), versions[family],
          "\(container) on \(family)")
      }
    }
    XCTAssertEqual(SoftwareUpdateSchema.declarationMinimum(.iOS), OSVersionNumber(18, 0))
    XCTAssertEqual(SoftwareUpdateSchema.declarationMinimum(.macOS), OSVersionNumber(15, 0))
  }

  /// The YAML copied here (iOS 18.1 / macOS 15.1) predates Apple's deprecation of these keys;
  /// the newer schema's facts are recorded in `Fixtures/SOURCE.txt`. Ringside's numbers must
  /// match that record, and any `deprecated` / `removed` field a newer copy of the YAML brings.
  func testDeprecationFactsMatchTheSchemaRecord() throws {
    let deprecated = SoftwareUpdateSchema.profileKeysDeprecatedMajor
    let removed = SoftwareUpdateSchema.profileKeysRemovedMajor
    let record = try String(
      contentsOf: SchemaFixtures.directory.appendingPathComponent("SOURCE.txt"), encoding: .utf8
    ).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(
      record.contains("marked deprecated in \(deprecated).0 and removed in \(removed).0"), record)
    XCTAssertTrue(
      record.contains(
        "use the declarative management \(SoftwareUpdateSchema.settingsDeclaration) configuration"))
    for key in SoftwareUpdateSchema.allKeys
    where key.container != SoftwareUpdateSchema.settingsDeclaration {
      XCTAssertTrue(
        record.contains(key.name) || record.contains(key.container)
          || (Set(key.introduced.keys) == [.macOS] && record.contains("macOS deferral keys")),
        "\(key.name) is not in the record")
      let found = try XCTUnwrap(SchemaFixtures.key(key.path, in: key.container))
      for family in PlatformFamily.allCases where key.supports(family) {
        let support = SchemaFixtures.support(found.chain, family: family) ?? [:]
        for (field, major) in [("deprecated", deprecated), ("removed", removed)] {
          if let version = support[field]?.string {
            XCTAssertEqual(
              OSVersionNumber(version)?.major, major, "\(key.name) \(field) on \(family)")
          }
        }
      }
    }
  }

  func testSingleCopyPayloadsAreThoseTheSchemaMarksMultipleFalse() throws {
    for container in [
      SoftwareUpdateSchema.restrictionsPayload, SoftwareUpdateSchema.softwareUpdatePayload,
    ] {
      let payload = try XCTUnwrap(SchemaFixtures.documents[container]?["payload"])
      for family in PlatformFamily.allCases
      where SchemaFixtures.introduced([payload], family: family) != nil {
        let multiple = SchemaFixtures.support([payload], family: family)?["multiple"]?.string
        XCTAssertEqual(
          SoftwareUpdateSchema.singleCopyPayloads[family]?.contains(container) ?? false,
          multiple == "false", "\(container) on \(family): multiple \(multiple ?? "unset")")
      }
    }
    XCTAssertEqual(
      SoftwareUpdateSchema.singleCopyPayloads[.macOS], [SoftwareUpdateSchema.softwareUpdatePayload])
  }

  func testDeclarationSupervisionMatchesItsAllowedEnrollments() throws {
    let payload = try XCTUnwrap(
      SchemaFixtures.documents[SoftwareUpdateSchema.settingsDeclaration]?["payload"])
    for family in PlatformFamily.allCases {
      XCTAssertEqual(
        SoftwareUpdateSchema.declarationSupervisedOnly.contains(family),
        SchemaFixtures.supervisedOnly([payload], family: family), "\(family)")
    }
  }

  func testDeferralRangeOfThePolicyIsTheSchemaRange() {
    XCTAssertEqual(SoftwareUpdateSchema.updateDelay.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.combinedDeferral.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.minorDeferral.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.majorDeferral.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.minorUpdateDelay.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.majorUpdateDelay.range, RingPolicy.deferralRange)
  }

  /// `PolicyChange.loosens` reads an unset key as the value Apple's schema gives as default:
  /// from or to unset, a change loosens exactly when it would from or to the value that writes
  /// the default.
  func testLooseningReadsAnUnsetKeyAsTheSchemaDefault() throws {
    func schemaDefault(_ key: SchemaKey) throws -> Bool {
      let found = try XCTUnwrap(SchemaFixtures.key(key.path, in: key.container), key.name)
      return try XCTUnwrap(found.node["default"]?.string.flatMap(Bool.init), key.name)
    }
    let restrictions: [(SchemaKey, (PolicySetting) -> PolicyChange)] = [
      (SoftwareUpdateSchema.allowInstallation, PolicyChange.rsrInstallation),
      (SoftwareUpdateSchema.allowRemoval, PolicyChange.rsrRemoval),
    ]
    for (key, change) in restrictions {
      let written = try XCTUnwrap(
        PolicySetting.allCases.first { $0.profileValue == (try? schemaDefault(key)) })
      for other in PolicySetting.allCases {
        XCTAssertEqual(
          change(other).loosens(from: change(.unset)),
          change(other).loosens(from: change(written)), "\(key.name) unset → \(other)")
        XCTAssertEqual(
          change(.unset).loosens(from: change(other)),
          change(written).loosens(from: change(other)), "\(key.name) \(other) → unset")
      }
    }
    let critical: CriticalUpdateSetting =
      try schemaDefault(SoftwareUpdateSchema.criticalUpdateInstall) ? .on : .off
    for other in CriticalUpdateSetting.allCases {
      let unset = PolicyChange.criticalUpdateInstall(.unset)
      let written = PolicyChange.criticalUpdateInstall(critical)
      let value = PolicyChange.criticalUpdateInstall(other)
      XCTAssertEqual(value.loosens(from: unset), value.loosens(from: written), "unset → \(other)")
      XCTAssertEqual(unset.loosens(from: value), written.loosens(from: value), "\(other) → unset")
    }
  }
}
