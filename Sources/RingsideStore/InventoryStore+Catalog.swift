import Foundation
import RingsideDomain

extension InventoryStore {
  func catalogOverrides() throws(StoreError) -> [CatalogRelease] {
    let stmt = try database.prepare(
      """
      SELECT family, version, letter, build, prerequisite_build, released, status, replaced_by,
             superseded_by, source
      FROM catalog_overrides ORDER BY id
      """)
    let rows = try stmt.query { row in
      (0..<10).map { row.string(at: Int32($0)) ?? "" }.joined(separator: ",")
    }
    do {
      return try CatalogCSV.parse(
        ([CatalogCSV.header] + rows).joined(separator: "\n"), file: "\(path) (catalog_overrides)")
    } catch {
      throw StoreError(.corrupt, error.description)
    }
  }

  /// Stores releases read from a feed, then recomputes every device's state against the
  /// updated catalog, all in one transaction. Returns how many releases were new or changed.
  @discardableResult
  public func importCatalog(_ releases: [CatalogRelease]) throws(StoreError) -> Int {
    let before = try catalog()
    let known = Set(before.releases)
    let fresh = releases.filter { !known.contains($0) }
    try write {
      let insert = try database.prepare(
        """
        INSERT INTO catalog_overrides(family, version, letter, build, prerequisite_build, released,
          status, replaced_by, superseded_by, source, imported_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        """)
      let now = Int64(Date().timeIntervalSince1970)
      for r in fresh {
        func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
        try insert.run([
          .text(r.family.rawValue), .text(r.version.description), text(r.letter.map(String.init)),
          text(r.build?.text), text(r.prerequisiteBuild?.text), text(r.released),
          .text(r.status.rawValue), text(r.replacedBy.map(String.init)),
          text(r.supersededBy?.description),
          .text(r.source.replacingOccurrences(of: ",", with: ";")),
          .integer(now),
        ])
      }
      invalidateCatalog()
      try refreshAllStates()
    }
    return fresh.count
  }
}
