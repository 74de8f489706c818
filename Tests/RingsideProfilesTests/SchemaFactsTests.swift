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

  func testDeferralRangeOfThePolicyIsTheSchemaRange() {
    XCTAssertEqual(SoftwareUpdateSchema.updateDelay.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.combinedDeferral.range, RingPolicy.deferralRange)
    XCTAssertEqual(SoftwareUpdateSchema.minorDeferral.range, RingPolicy.deferralRange)
  }
}
