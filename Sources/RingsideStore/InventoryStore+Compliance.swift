import Foundation
import RingsideDomain

/// How many devices meet a required version under the RSR-aware order.
public struct RequirementCount: Sendable, Hashable {
  /// Devices on the platforms the requirement concerns.
  public let considered: Int
  /// On an older version, or on the required base without the required letter.
  public let below: Int
  /// On the required base with the letter not reported, or no version at all: cannot tell.
  public let unknown: Int

  public var meeting: Int { considered - below - unknown }
}

extension InventoryStore {
  /// Counts filtered devices on `platforms` against `required`, in SQL on the version sort key.
  public func requirementCount(
    required: AppleOSVersion, platforms: [Platform], filter: DeviceFilter = .all, now: Date = Date()
  ) throws(StoreError) -> RequirementCount {
    guard let base = required.base, !platforms.isEmpty else {
      return RequirementCount(considered: 0, below: 0, unknown: 0)
    }
    let condition = deviceCondition(filter, now: now)
    var bindings = condition.bindings
    func bind(_ v: SQLiteValue) -> String {
      bindings.append(v)
      return "?\(bindings.count)"
    }
    let platformList = platforms.map { bind(.text($0.rawValue)) }.joined(separator: ", ")
    let unknown =
      required.rsr.letter == nil
      ? "d.os_base IS NULL"
      : "(d.os_base IS NULL OR (d.rsr = 'unknown' AND d.os_sort >= \(bind(.text(base.sortKey))) AND d.os_sort < \(bind(.text(base.sortKey + "~")))))"
    let key = bind(.text(required.sortKey))
    let sql = """
      SELECT COUNT(*),
             COALESCE(SUM(CASE WHEN \(unknown) THEN 0 WHEN d.os_sort < \(key) THEN 1 ELSE 0 END), 0),
             COALESCE(SUM(CASE WHEN \(unknown) THEN 1 ELSE 0 END), 0)
      FROM devices d
      WHERE d.platform IN (\(platformList)) AND \(condition.sql)
      """
    let row = try database.prepare(sql).query(bindings) {
      ($0.int(at: 0) ?? 0, $0.int(at: 1) ?? 0, $0.int(at: 2) ?? 0)
    }
    let (considered, below, unknownCount) = row.first ?? (0, 0, 0)
    return RequirementCount(
      considered: Int(considered), below: Int(below), unknown: Int(unknownCount))
  }

  /// Devices per model, most common first.
  public func modelCounts(filter: DeviceFilter = .all, now: Date = Date()) throws(StoreError) -> [(
    platform: Platform, model: String, count: Int
  )] {
    let condition = deviceCondition(filter, now: now)
    let stmt = try database.prepare(
      """
      SELECT d.platform, COALESCE(d.model, ''), COUNT(*) FROM devices d
      WHERE \(condition.sql) GROUP BY d.platform, d.model ORDER BY COUNT(*) DESC, d.platform, d.model
      """)
    return try stmt.query(condition.bindings) {
      (
        Platform(rawValue: $0.string(at: 0) ?? "") ?? .iOS, $0.string(at: 1) ?? "",
        Int($0.int(at: 2) ?? 0)
      )
    }
  }
}
