import Foundation
import RingsideDomain
import RingsideStore

/// For one ring and platform family: the RSR/BSI build to require in Intune, and how many of
/// the ring's devices it would flag.
struct ComplianceRow {
  let ring: String
  let family: PlatformFamily
  let release: CatalogRelease
  let count: RequirementCount

  var platformTitle: String { family.displayName }

  static func load(store: InventoryStore, catalog: ReleaseCatalog, rings: [String], now: Date)
    throws(StoreError)
    -> [ComplianceRow]
  {
    var rows: [ComplianceRow] = []
    for ring in rings {
      for family in PlatformFamily.allCases {
        let platform = family.platforms[0]
        guard let baseline = catalog.complianceBaseline(for: platform, on: store.today) else {
          continue
        }
        let required = AppleOSVersion(
          platform: platform, base: baseline.version, rsr: baseline.mark,
          supplementalBuild: baseline.build)
        let count = try store.requirementCount(
          required: required, platforms: family.platforms,
          filter: DeviceFilter(terms: [.ring(ring)]), now: now)
        if count.considered > 0 {
          rows.append(ComplianceRow(ring: ring, family: family, release: baseline, count: count))
        }
      }
    }
    return rows
  }

  var json: JSONValue {
    .object([
      ("ring", .string(ring)), ("platform", .string(family.rawValue)),
      ("rsr", .string(release.displayVersion)),
      ("minimum_os_version", .string(release.version.description)),
      ("minimum_os_build_version", release.build.map { .string($0.text) } ?? .null),
      ("devices", .int(count.considered)), ("flagged", .int(count.below)),
      ("unknown", .int(count.unknown)),
    ])
  }
}
