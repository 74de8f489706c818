import Foundation
import RingsideDomain

/// The rule for check-ins in the future: a clock or export error, never a real time. More than
/// `tolerance` ahead of the import, the time is dropped (the record still imports, with no
/// check-in) and a warning names the record, so one bad date cannot win every later merge.
enum FutureCheckIn {
  static let tolerance: TimeInterval = 86_400

  /// `date`, or nil with `warning` called when it lies too far ahead of `now`.
  static func checked(
    _ date: Date?, now: Date, at location: SourceLocation, warning: (String) -> Void
  ) -> Date? {
    guard let date, date > now + tolerance else { return date }
    let shown = ISO8601DateFormatter().string(from: date)
    warning(
      "\(location.description): the check-in \(shown) is more than a day in the future (a wrong clock or export?); the time is ignored for this record"
    )
    return nil
  }
}

/// The check across one import's Graph pages: a page whose `@odata.nextLink` no page of the
/// import follows, or pages holding fewer devices than Graph counted, mean the export is cut.
enum GraphPageCheck {
  /// One warning per problem, naming the page and the link it points to.
  static func warnings(_ pages: [GraphPage]) -> [String] {
    guard !pages.isEmpty else { return [] }
    var out: [String] = []
    let linked = pages.filter { $0.nextLink != nil }
    // A complete set has exactly one last page (no nextLink). When every page has a link, the
    // page after the last one given is missing.
    if linked.count >= pages.count, let last = linked.last, let link = last.nextLink {
      out.append(
        "\(Sanitized.text(last.file, limit: 200)): has \"@odata.nextLink\" but no page of this import comes after it: the page at \(Sanitized.text(link, limit: 300)) is missing, so its devices were not imported. Fetch every page (follow nextLink until it is absent) and import them together."
      )
    }
    // With `$count=true` every page states the collection's size.
    let counts = Set(pages.compactMap(\.count))
    let total = pages.reduce(0) { $0 + $1.records }
    if counts.count == 1, let count = counts.first, pages.allSatisfy({ $0.count != nil }),
      count > total, pages.count > 1 || linked.count > 0
    {
      out.append(
        "the Graph pages of this import hold \(total) devices but Graph counted \(count) (@odata.count): \(count - total) devices are on pages that were not imported"
      )
    }
    return out
  }
}
