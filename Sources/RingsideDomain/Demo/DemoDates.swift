import Foundation

/// Keeps the demo fleet's dates possible against the builtin catalog: a version is seen only
/// after Apple released it, a pulled or replaced RSR only before its replacement shipped (none
/// could install it after), and each version of a history before the next.
struct DemoDates {
  let platform: Platform
  private let catalog = ReleaseCatalog.builtin
  private static let day: TimeInterval = 86400

  /// The earliest moment a device can report `version`: two days after its release (so a
  /// version before it fits in between), or the distant past when the catalog does not know it.
  func earliest(_ version: AppleOSVersion) -> Date {
    guard let released = released(version) else { return .distantPast }
    return released.addingTimeInterval(2 * Self.day)
  }

  /// `history` (oldest first) with each date moved where it can have happened: no later than
  /// a day before the next version's, no later than the withdrawal of a pulled or replaced
  /// RSR, no earlier than a day after the version's release.
  func possible(_ history: [(AppleOSVersion, Date)]) -> [(version: AppleOSVersion, seenAt: Date)] {
    var result: [(version: AppleOSVersion, seenAt: Date)] = []
    var latest = Date.distantFuture
    for (version, drawn) in history.reversed() {
      var at = min(drawn, latest)
      if let withdrawn = withdrawn(version) { at = min(at, withdrawn) }
      if let released = released(version) { at = max(at, released.addingTimeInterval(Self.day)) }
      result.append((version, at))
      latest = at.addingTimeInterval(-Self.day)
    }
    return result.reversed()
  }

  /// Midnight UTC of the day the catalog says `version` (by its supplemental build, else its
  /// build) was released.
  private func released(_ version: AppleOSVersion) -> Date? {
    guard let build = version.supplementalBuild ?? version.build,
      let day = catalog.release(for: platform, build: build)?.released
    else { return nil }
    return date(day)
  }

  /// When a pulled or replaced RSR stopped being installable: its replacement's release.
  private func withdrawn(_ version: AppleOSVersion) -> Date? {
    guard let rsr = catalog.installedRSR(of: version, on: platform), rsr.isWithdrawn,
      let day = catalog.replacement(of: rsr)?.released
    else { return nil }
    return date(day)
  }

  private func date(_ day: String) -> Date? {
    CatalogAge.dayNumber(day).map { Date(timeIntervalSince1970: Double($0) * Self.day) }
  }
}
