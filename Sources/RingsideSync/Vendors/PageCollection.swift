import Foundation
import RingsideImport

/// One paged collection of an API: where its first page is, which importer format its pages
/// are, and how a page leads to the next one.
struct PageCollection {
  /// How pages are named in messages and the audit: `graph managedDevices`.
  let label: String
  let format: ImportFormat
  let firstURL: String
  /// The devices on a page, or a reason when the page is not the documented shape.
  let records: (PageOutline) -> Result<Int, PageShapeError>
  /// The next page's URL after page `index` (0-based) at `url` holding `count` devices, `seen`
  /// with the pages before it; nil when it was the last.
  let next:
    (_ page: PageOutline, _ url: String, _ index: Int, _ count: Int, _ seen: Int)
      throws(SyncFailure) ->
      String?
}

/// Why a page is not what the API documents.
struct PageShapeError: Error {
  let reason: String
}

extension PageCollection {
  /// Graph: `{"value": [...], "@odata.nextLink": URL}`; the link is followed as given, but only
  /// to the same scheme, host and port (the bearer token goes nowhere else).
  static func graph(base: String, pageSize: Int?) -> PageCollection {
    let select = GraphSelect.members.joined(separator: ",")
    let top = pageSize.map { "&$top=\($0)" } ?? ""
    return PageCollection(
      label: "graph managedDevices", format: .graphJSON,
      firstURL: "\(base)/deviceManagement/managedDevices?$select=\(select)\(top)",
      records: { page in array(page, key: "value") },
      next: { page, url, _, _, _ throws(SyncFailure) in
        guard let link = page.strings["@odata.nextLink"] else {
          return nil
        }
        guard origin(of: link) == origin(of: url) else {
          throw .badData(
            "its @odata.nextLink points to another host (\(Self.shown(link))); the token is not sent there"
          )
        }
        return link
      })
  }

  /// Jamf Pro API: `{"totalCount": N, "results": [...]}` with `page` (from 0) and `page-size`.
  static func jamf(path: String, label: String, sections: [String], base: String, pageSize: Int)
    -> PageCollection
  {
    let query = sections.map { "section=\($0)" }.joined(separator: "&")
    let url = { (page: Int) in "\(base)\(path)?\(query)&page=\(page)&page-size=\(pageSize)" }
    return PageCollection(
      label: label, format: .jamfJSON, firstURL: url(0),
      records: { page in array(page, key: "results") },
      next: { page, _, index, count, seen in
        let total = page.numbers["totalCount"]
        guard count > 0, seen < (total ?? .max), total != nil || count == pageSize else {
          return nil
        }
        return url(index + 1)
      })
  }

  /// Fleet: `{"hosts": [...]}` with `page` (from 0) and `per_page`; the last page holds fewer
  /// than `per_page` hosts (or `meta.has_next_results` is false).
  static func fleet(base: String, pageSize: Int) -> PageCollection {
    let url = { (page: Int) in "\(base)/api/v1/fleet/hosts?page=\(page)&per_page=\(pageSize)" }
    return PageCollection(
      label: "fleet hosts", format: .fleetJSON, firstURL: url(0),
      records: { page in array(page, key: "hosts") },
      next: { page, _, index, count, _ in
        // An empty page ends it, whatever `meta` says: a server answering empty pages that
        // claim more would otherwise be asked until the page limit.
        guard count > 0 else { return nil }
        if let more = page.hasNextResults { return more ? url(index + 1) : nil }
        return count == pageSize ? url(index + 1) : nil
      })
  }

  /// Kandji: a JSON array with `limit` and `offset`; the last page holds fewer than `limit`.
  static func kandji(base: String, pageSize: Int) -> PageCollection {
    let url = { (offset: Int) in "\(base)/api/v1/devices?limit=\(pageSize)&offset=\(offset)" }
    return PageCollection(
      label: "kandji devices", format: .kandjiJSON, firstURL: url(0),
      records: { page in
        guard page.isArray else {
          return .failure(PageShapeError(reason: "is not a JSON array of devices"))
        }
        return .success(page.count)
      },
      next: { _, _, index, count, _ in count == pageSize ? url((index + 1) * pageSize) : nil })
  }

  private static func array(_ page: PageOutline, key: String) -> Result<Int, PageShapeError> {
    guard !page.isArray else {
      return .failure(PageShapeError(reason: "is not a JSON object"))
    }
    guard let count = page.arrays[key] else {
      return .failure(PageShapeError(reason: "has no \"\(key)\" array"))
    }
    return .success(count)
  }

  /// `scheme://host:port` of a URL, lowercased; nil when it has none.
  static func origin(of url: String) -> String? {
    guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host
    else { return nil }
    return "\(scheme.lowercased())://\(host.lowercased())" + (parts.port.map { ":\($0)" } ?? "")
  }

  /// A URL for messages: at most 200 characters.
  static func shown(_ url: String) -> String {
    url.count > 200 ? String(url.prefix(199)) + "…" : url
  }
}
