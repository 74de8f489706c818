import Foundation

/// The four MDM APIs as their documentation shapes them (Graph `managedDevices` pages with
/// `@odata.nextLink`, Jamf Pro `{"totalCount", "results"}` pages, Fleet `{"hosts"}`, Kandji
/// arrays), with OAuth client-credentials token endpoints, behind a LocalHTTPServer, and the
/// faults the sync must survive or refuse, by page number (from 1) of the device collection.
final class FakeMDM: @unchecked Sendable {
  let devices: Int
  /// Graph decides its own page size; the other APIs use what the client asks for.
  let graphPageSize: Int
  let clientID = "client-1"
  let secret = "s3cr3t+Cl/ent=Secret-\(UUID().uuidString.prefix(8))"
  let apiToken = "api-token-\(UUID().uuidString)"
  var expiresIn = 3600
  /// The app's registered certificate: token requests must carry a client assertion it
  /// verifies (and no secret) when set.
  var certificate: FakeCertificateCheck?
  private let lock = NSLock()
  private var tokens: Set<String> = []
  private var issued = 0
  private var served: [Int: Int] = [:]
  /// Page → `Retry-After` value, answered with 429 the first time the page is asked for.
  var throttle: [Int: String] = [:]
  /// Page → how many times it answers 503 without `Retry-After` before it works.
  var unavailable: [Int: Int] = [:]
  /// Page → a status it always answers.
  var failing: [Int: Int] = [:]
  /// Pages always cut short of their `Content-Length`.
  var cut: Set<Int> = []
  /// Pages always cut, with no `Content-Length` (the JSON ends mid-way).
  var cutUnannounced: Set<Int> = []
  /// After serving this page, every token issued so far stops working (it expired).
  var revokeAfterPage: Int?
  /// Graph's nextLink points to another host.
  var foreignNextLink = false
  /// Device pages answer 403 (the token lacks the permission).
  var forbidden = false
  /// A refused token request quotes the secret it was sent in its error description.
  var echoSecretOnRefusal = false
  /// A refused token request quotes the form body it got, as sent (percent-encoded).
  var echoFormOnRefusal = false
  /// A failing page's error message quotes the Authorization header it got.
  var echoTokenOnFailure = false
  /// Fleet pages always say `"meta": {"has_next_results": true}`.
  var fleetAlwaysMore = false
  /// Graph's last page links back to this page (from 1) instead of ending.
  var graphLoopTo: Int?
  /// Requests for which the server holds its answer until `release` is signalled (at most
  /// 20 s): a sync caught mid-way.
  var stallWhen: (@Sendable (LocalHTTPServer.Request) -> Bool)?
  let release = DispatchSemaphore(value: 0)
  /// The access token the token endpoint hands out instead of a fresh one.
  var issuedToken: String?
  private(set) var server: LocalHTTPServer!

  init(devices: Int, graphPageSize: Int = 2) throws {
    self.devices = devices
    self.graphPageSize = graphPageSize
    server = try LocalHTTPServer { [unowned self] request in self.answer(request) }
  }

  deinit { server.stop() }

  var base: String { server.base }
  var tokenRequests: Int { lock.withLock { issued } }

  static func serial(_ i: Int) -> String { String(format: "SYNC%06d", i) }

  private func answer(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
    if let stallWhen = lock.withLock({ self.stallWhen }), stallWhen(request) {
      _ = release.wait(timeout: .now() + 20)
    }
    return lock.withLock { reply(request) }
  }

  private func reply(_ r: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
    if r.method == "POST" && (r.path == "/token" || r.path == "/api/oauth/token") {
      if let reply = assertionReply(r) { return reply }

      let form = r.form
      guard form["grant_type"] == "client_credentials", form["client_id"] == clientID,
        form["client_secret"] == secret
      else {
        if echoFormOnRefusal {
          return .json(
            400, #"{"error":"invalid_request","error_description":"cannot parse \#(r.body)"}"#)
        }
        if echoSecretOnRefusal {
          let sent = form["client_secret"] ?? ""
          return .json(
            401, #"{"error":"invalid_client","error_description":"secret \#(sent) is not valid"}"#)
        }
        return .json(
          401,
          #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"#
        )
      }
      if r.path == "/token" && form["scope"] != base + "/.default" {
        return .json(400, #"{"error":"invalid_scope"}"#)
      }
      issued += 1
      let token = issuedToken ?? "tok-\(issued)-\(UUID().uuidString)"
      tokens.insert(token)
      return .json(
        200,
        #"{"token_type":"Bearer","access_token":"\#(token)","expires_in":\#(expiresIn),"scope":"api-role:1"}"#
      )
    }
    let bearer = r.headers["authorization"].map { String($0.dropFirst("Bearer ".count)) } ?? ""
    let isFixed = r.path.hasPrefix("/api/v1/fleet") || r.path == "/api/v1/devices"
    guard isFixed ? bearer == apiToken : tokens.contains(bearer) else {
      return .json(401, #"{"message":"Authentication required"}"#)
    }
    if echoTokenOnFailure {
      let sent = r.headers["authorization"] ?? ""
      return .json(500, #"{"message":"backend failed for \#(sent)"}"#)
    }
    if forbidden && r.path != "/api/v1/computers-inventory" {
      return .json(403, #"{"message":"Forbidden"}"#)
    }
    let q = r.query
    switch r.path {
    case "/v1.0/deviceManagement/managedDevices":
      let page = Int(q["$skiptoken"] ?? "1") ?? 1
      return paged(page) {
        let range = ((page - 1) * graphPageSize)..<min(devices, page * graphPageSize)
        let items = range.map(Self.graphDevice).joined(separator: ",")
        let host = foreignNextLink ? "https://elsewhere.example" : base
        let following = range.upperBound < devices ? page + 1 : graphLoopTo
        let next =
          following != nil
          ? #","@odata.nextLink":"\#(host)/v1.0/deviceManagement/managedDevices?$select=id&$skiptoken=\#(following ?? 0)""#
          : ""
        return
          #"{"@odata.context":"\#(base)/v1.0/$metadata#deviceManagement/managedDevices"\#(next),"value":[\#(items)]}"#
      }
    case "/api/v2/mobile-devices/detail":
      let page = Int(q["page"] ?? "0") ?? 0
      let size = Int(q["page-size"] ?? "100") ?? 100
      return paged(page + 1) {
        let range = min(devices, page * size)..<min(devices, (page + 1) * size)
        let items = range.map(Self.jamfDevice).joined(separator: ",")
        return #"{"totalCount":\#(devices),"results":[\#(items)]}"#
      }
    case "/api/v1/computers-inventory":
      return .json(200, #"{"totalCount":0,"results":[]}"#)
    case "/api/v1/fleet/hosts":
      let page = Int(q["page"] ?? "0") ?? 0
      let size = Int(q["per_page"] ?? "100") ?? 100
      return paged(page + 1) {
        let range = min(devices, page * size)..<min(devices, (page + 1) * size)
        let meta = fleetAlwaysMore ? #","meta":{"has_next_results":true}"# : ""
        return #"{"hosts":[\#(range.map(Self.fleetHost).joined(separator: ","))]\#(meta)}"#
      }
    case "/api/v1/devices":
      let offset = Int(q["offset"] ?? "0") ?? 0
      let limit = Int(q["limit"] ?? "300") ?? 300
      return paged(offset / max(1, limit) + 1) {
        let range = min(devices, offset)..<min(devices, offset + limit)
        return "[\(range.map(Self.kandjiDevice).joined(separator: ","))]"
      }
    default:
      return .json(404, #"{"message":"Not found"}"#)
    }
  }

  /// The answer to a token request under a registered certificate: a token when its client
  /// assertion holds, else 401; nil when no certificate is registered.
  private func assertionReply(_ r: LocalHTTPServer.Request) -> LocalHTTPServer.Reply? {
    guard let certificate else { return nil }
    let form = r.form
    if let refusal = certificate.refusal(form, clientID: clientID, audience: base + "/token") {
      if echoFormOnRefusal {
        return .json(
          401,
          #"{"error":"assertion \#(form["client_assertion"] ?? "") refused"}"#
        )
      }
      return .json(401, #"{"error":"invalid_client","error_description":"\#(refusal)"}"#)
    }
    guard form["grant_type"] == "client_credentials", form["scope"] == base + "/.default" else {
      return .json(400, #"{"error":"invalid_request"}"#)
    }
    issued += 1
    let token = "tok-\(issued)-\(UUID().uuidString)"
    tokens.insert(token)
    return .json(
      200, #"{"token_type":"Bearer","access_token":"\#(token)","expires_in":\#(expiresIn)}"#)
  }

  /// Applies the page's faults, else answers with `body()`.
  private func paged(_ page: Int, _ body: () -> String) -> LocalHTTPServer.Reply {
    let times = served[page, default: 0]
    served[page] = times + 1
    if let status = failing[page] { return .json(status, #"{"message":"Internal error"}"#) }
    if times == 0, let wait = throttle[page] {
      return .json(429, #"{"message":"Too many requests"}"#, headers: [("Retry-After", wait)])
    }
    if let count = unavailable[page], times < count { return .json(503, "{}") }
    let text = body()
    if cut.contains(page) { return .cut(text, sent: text.utf8.count / 2) }
    if cutUnannounced.contains(page) { return .cutUnannounced(text, sent: text.utf8.count / 2) }
    if revokeAfterPage == page {
      revokeAfterPage = nil
      tokens.removeAll()
    }
    return .json(200, text)
  }

  static func graphDevice(_ i: Int) -> String {
    #"{"id":"g-\#(i)","deviceName":"SYNC-\#(i)","operatingSystem":"iOS","osVersion":"18.1","serialNumber":"\#(serial(i))","model":"iPhone 15","lastSyncDateTime":"2026-11-01T10:00:00Z","deviceEnrollmentType":"appleBulkWithUser","udid":"","isSupervised":true,"userPrincipalName":"u\#(i)@example.com"}"#
  }

  static func jamfDevice(_ i: Int) -> String {
    #"{"mobileDeviceId":"\#(i)","deviceType":"iOS","hardware":{"serialNumber":"\#(serial(i))","model":"iPhone 15","modelIdentifier":"iPhone15,4"},"userAndLocation":{"username":"u\#(i)","emailAddress":"u\#(i)@example.com"},"general":{"udid":null,"displayName":"SYNC-\#(i)","lastInventoryUpdateDate":"2026-11-01T10:00:00.000Z","osVersion":"18.1","osBuild":"22B83","supervised":true}}"#
  }

  static func fleetHost(_ i: Int) -> String {
    #"{"id":\#(i),"detail_updated_at":"2026-11-01T10:00:00Z","hostname":"sync-\#(i)","platform":"ios","os_version":"iOS 18.1","build":"22B83","hardware_vendor":"Apple Inc.","hardware_model":"iPhone15,4","hardware_serial":"\#(serial(i))","computer_name":"SYNC-\#(i)","display_name":"SYNC-\#(i)","team_id":2,"team_name":"Pilot"}"#
  }

  static func kandjiDevice(_ i: Int) -> String {
    #"{"device_id":"k-\#(i)","device_name":"SYNC-\#(i)","model":"iPhone 15","serial_number":"\#(serial(i))","platform":"iPhone","os_version":"18.1","last_check_in":"2026-11-01T10:00:00.000Z","user":"","blueprint_name":"Production"}"#
  }
}
