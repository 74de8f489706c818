import Foundation

/// A page saved for the import: its file and its name in messages and the audit.
struct FetchedPage {
  let path: String
  let name: String
  let records: Int
}

/// Walks every page of a plan's collections with the bearer token, checks each is the shape
/// the API documents, and saves it under `directory` for the import. The token is renewed
/// once when a page is refused with 401 (it expired mid-sync).
final class PageFetcher {
  let plan: SyncPlan
  let sender: PoliteSender
  let options: SyncOptions
  let events: SyncEvents
  private(set) var progress = SyncProgress()

  init(plan: SyncPlan, sender: PoliteSender, options: SyncOptions, events: SyncEvents) {
    self.plan = plan
    self.sender = sender
    self.options = options
    self.events = events
  }

  /// Every page of every collection; `limit` stops after that many pages per collection
  /// (`--check` reads one).
  func fetchAll(into directory: String?, limit: Int? = nil) throws(SyncFailure) -> [FetchedPage] {
    var pages: [FetchedPage] = []
    for collection in plan.collections {
      var url: String? = collection.firstURL
      var index = 0
      var seen: Set<String> = []
      var collectionRecords = 0
      while let current = url {
        if index >= min(options.maxPages, limit ?? .max) {
          if limit != nil { break }
          throw .badData(
            "\(collection.label): more than \(options.maxPages) pages; the server keeps linking on")
        }
        guard seen.insert(current).inserted else {
          throw .badData(
            "\(collection.label) page \(index + 1): links back to an earlier page (\(PageCollection.shown(current)))"
          )
        }
        let name =
          "\(collection.label) page \(index + 1) from \(PageCollection.origin(of: plan.base) ?? plan.base)"
        let what = "\(name) (\(PageCollection.shown(current)))"
        let body = try fetch(current, what: what)
        guard progress.bytes + body.count <= options.maxTotalBytes else {
          throw .badData(
            "\(what): the pages add up to more than \(Self.size(options.maxTotalBytes)), the most one sync takes; the server keeps sending"
          )
        }
        let parsed: PageOutline
        do {
          parsed = try PageOutline.read(body)
        } catch {
          throw .badData(
            "\(what): the response is not complete JSON (\(body.count) bytes); the server cut it or sent something else"
          )
        }
        let count: Int
        switch collection.records(parsed) {
        case .success(let n): count = n
        case .failure(let shape): throw .badData("\(what): the response \(shape.reason)")
        }
        do {
          url = try collection.next(parsed, current, index, count, collectionRecords + count)
        } catch {
          throw .badData("\(what): \(Self.text(error))")
        }
        if let directory {
          let path = directory + String(format: "/page-%05d.json", pages.count + 1)
          if let problem = Self.save(body, to: path) {
            throw .unreachable("\(what): cannot save the page under \(directory): \(problem)")
          }
          pages.append(FetchedPage(path: path, name: name, records: count))
        } else {
          pages.append(FetchedPage(path: "", name: name, records: count))
        }
        progress.pages += 1
        progress.records += count
        collectionRecords += count
        progress.bytes += body.count
        events.page(progress)
        index += 1
      }
    }
    return pages
  }

  /// The body of one page: 401 renews the token once, 403 means the token may not read it,
  /// anything but 200 fails naming the status.
  private func fetch(_ url: String, what: String) throws(SyncFailure) -> Data {
    var renewed = false
    while true {
      let token = try plan.tokens.token(renew: renewed)
      let request = HTTPRequest(
        url: url, headers: [("Authorization", "Bearer \(token)"), ("Accept", "application/json")],
        maxBytes: options.maxPageBytes)
      let response = try sender.send(request, for: what)
      switch response.status {
      case 200: return response.body
      case 401 where !renewed && plan.tokens.renewable:
        renewed = true
        continue
      case 401:
        let why = renewed ? "even with a new token" : "the API token is wrong, expired or revoked"
        throw .refused("\(what): HTTP 401, \(why)")
      case 403:
        throw .refused(
          "\(what): HTTP 403: the credentials may not read this; grant \(Self.permission(plan.source))"
        )
      default:
        throw .unreachable("\(what): HTTP \(response.status)\(Self.reasonText(response))")
      }
    }
  }

  /// Writes `body` to a new file only this user may read (created 0600 with `O_EXCL`, never
  /// through a link); nil when it worked, else why not.
  static func save(_ body: Data, to path: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    defer { close(fd) }
    var written = 0
    while written < body.count {
      let n = body.withUnsafeBytes {
        Glibc.write(fd, $0.baseAddress! + written, body.count - written)
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return String(cString: strerror(errno)) }
      written += n
    }
    return nil
  }

  /// `64 MB`, or bytes below a megabyte.
  static func size(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }

  /// The permission each source needs, for a 403.
  static func permission(_ source: SyncSource) -> String {
    switch source {
    case .graph: return "the application permission DeviceManagementManagedDevices.Read.All"
    case .jamf: return "the API role privileges Read Mobile Devices and Read Computers"
    case .fleet: return "an API-only user with at least the Observer role"
    case .kandji: return "the API token the Device list (/devices) permission"
    }
  }

  /// The longest error body whose message is quoted.
  static let maxErrorBodyBytes = 64 << 10

  /// ` (message)` from a JSON error body, short; nothing when there is none.
  private static func reasonText(_ response: HTTPResponse) -> String {
    // An error body worth quoting is short; a long one is not parsed into objects at all.
    guard response.body.count <= maxErrorBodyBytes,
      let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    else { return "" }
    let message =
      (object["message"] as? String) ?? ((object["error"] as? [String: Any])?["message"] as? String)
      ?? (object["error"] as? String)
    return message.map { " (\(String($0.prefix(200))))" } ?? ""
  }

  private static func text(_ failure: SyncFailure) -> String {
    switch failure {
    case .usage(let t), .unreachable(let t), .refused(let t), .badData(let t): return t
    case .importFailed(let f): return "\(f)"
    }
  }
}
