/// How old the catalog's facts are on a given day, so every verdict can say what it rests on
/// and warn when Apple may have shipped releases the catalog does not know.
public struct CatalogAge: Sendable, Hashable {
  /// The catalog's day (`YYYY-MM-DD`).
  public let asOf: String
  /// Whole days from `asOf` to the day asked about; 0 when the day is not later.
  public let days: Int
  /// The age from which the catalog counts as old.
  public let limit: Int

  public static let defaultLimit = 30

  public init(asOf: String, today: String, limit: Int = CatalogAge.defaultLimit) {
    self.asOf = asOf
    self.limit = limit
    let from = CatalogAge.dayNumber(asOf)
    let to = CatalogAge.dayNumber(today)
    days = from.flatMap { f in to.map { max(0, $0 - f) } } ?? 0
  }

  public var isOld: Bool { days > limit }

  /// `catalog as of 2026-09-28 (62 days old)`.
  public var short: String {
    "catalog as of \(asOf)" + (days > 0 ? " (\(days) day\(days == 1 ? "" : "s") old)" : "")
  }

  /// A sentence for `check`, `report` and `why` when the catalog is old, else nil.
  public var warning: String? {
    guard isOld else { return nil }
    return "the release catalog is \(days) days old (as of \(asOf), limit \(limit)): Apple may "
      + "have shipped releases it does not know; run `ringside catalog import` with a current "
      + "GDMF or SOFA feed"
  }

  /// Days since 1970-01-01 of a `YYYY-MM-DD` day (proleptic Gregorian), nil if malformed.
  static func dayNumber(_ day: String) -> Int? {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var (y, m) = (parts[0], parts[1])
    let d = parts[2]
    y -= m <= 2 ? 1 : 0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    m = m > 2 ? m - 3 : m + 9
    let doy = (153 * m + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
