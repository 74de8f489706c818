import RingsideDomain

/// The check across one import's pages: a Graph page whose `@odata.nextLink` no page of the
/// import follows, or pages holding fewer devices than the collection's count (Graph's
/// `@odata.count`, Jamf's `totalCount`), mean the export is cut; a page holding more records
/// than the count repeats devices.
enum PageCheck {
  /// One warning per problem, naming the page and the link it points to.
  static func warnings(_ pages: [ExportPage]) -> [String] {
    var out: [String] = []
    let graph = pages.filter { $0.format == .graphJSON }
    let linked = graph.filter { $0.nextLink != nil }
    // A complete set has exactly one last page (no nextLink). When every page has a link, the
    // page after the last one given is missing.
    if !graph.isEmpty, linked.count >= graph.count, let last = linked.last,
      let link = last.nextLink
    {
      out.append(
        "\(Sanitized.text(last.file, limit: 200)): has \"@odata.nextLink\" but no page of this import comes after it: the page at \(Sanitized.text(link, limit: 300)) is missing, so its devices were not imported. Fetch every page (follow nextLink until it is absent) and import them together."
      )
    }
    for (format, counted) in [
      (ImportFormat.graphJSON, "Graph counted (@odata.count)"),
      (.jamfJSON, "Jamf counted (totalCount)"),
    ] {
      let set = pages.filter { $0.format == format }
      let counts = Set(set.compactMap(\.count))
      let total = set.reduce(0) { $0 + $1.records }
      out += surplus(set, format: format)
      // Every page states the same collection size, and the pages hold fewer devices.
      guard !set.isEmpty, set.allSatisfy({ $0.count != nil }), counts.count == 1,
        let count = counts.first, count > total,
        format == .jamfJSON || set.count > 1 || !linked.isEmpty
      else { continue }
      out.append(
        "the \(format == .graphJSON ? "Graph" : "Jamf") pages of this import hold \(total) devices but \(counted) \(count): \(count - total) devices are on pages that were not imported. Fetch every page and import them together."
      )
    }
    return out
  }

  /// A page holding more records than its collection's count lists some devices more than
  /// once: Jamf's pages do when the inventory changes while they are fetched.
  private static func surplus(_ set: [ExportPage], format: ImportFormat) -> [String] {
    let name = format == .jamfJSON ? "totalCount" : "@odata.count"
    return set.compactMap { page in
      guard let count = page.count, page.records > count else { return nil }
      return
        "\(Sanitized.text(page.file, limit: 200)): holds \(page.records) records but its \(name) is \(count): it lists some devices more than once (fetched while the inventory changed?), and may leave others out. Fetch it again."
    }
  }
}
