import Foundation

/// Hands out the bearer token for API requests, fetching a new one when needed.
protocol TokenSource: AnyObject {
  /// The current token; a fresh one when `renew` is set (the server refused the last one).
  func token(renew: Bool) throws(SyncFailure) -> String
  /// What the token may read, from the token endpoint's answer (Jamf's `scope`, Graph's
  /// `roles` claim), when known.
  var grants: [String] { get }
  /// How many tokens were fetched.
  var fetched: Int { get }
  /// False for a fixed API token: a 401 cannot be helped by asking again.
  var renewable: Bool { get }
}

/// A fixed API token (Fleet, Kandji): it cannot be renewed.
final class FixedToken: TokenSource {
  private let value: String
  private(set) var fetched = 0
  var grants: [String] { [] }
  var renewable: Bool { false }

  init(_ value: String) { self.value = value }

  func token(renew: Bool) throws(SyncFailure) -> String {
    if renew {
      throw .refused("the API token was refused (HTTP 401): it is wrong, expired or revoked")
    }
    return value
  }
}

/// OAuth 2.0 client credentials (RFC 6749 §4.4) as Microsoft Entra ID and Jamf Pro API clients
/// use them: a form POST of `grant_type=client_credentials`, the client id and secret (and for
/// Graph the `scope`), answered by `access_token` and `expires_in`. The token is renewed
/// before it expires (a quarter of its life, at most a minute, ahead) and when refused. With an
/// `assertion` (Graph certificate credentials) each request carries a freshly signed one.
final class ClientCredentialsToken: TokenSource {
  let endpoint: String
  private let fields: [(String, String)]
  private let sender: PoliteSender
  private let assertion: ClientAssertion?
  private var current: (value: String, expires: Date)?
  private(set) var grants: [String] = []
  private(set) var fetched = 0
  var renewable: Bool { true }

  init(
    endpoint: String, fields: [(String, String)], sender: PoliteSender,
    assertion: ClientAssertion? = nil
  ) {
    self.endpoint = endpoint
    self.fields = fields
    self.sender = sender
    self.assertion = assertion
  }

  func token(renew: Bool) throws(SyncFailure) -> String {
    if !renew, let current, sender.clock.now() < current.expires { return current.value }
    let signed = try assertion?.fields(now: sender.clock.now()) ?? []
    // A signed assertion is a credential for its lifetime: no message may quote it.
    for (name, value) in signed where name == "client_assertion" { sender.redactor.add(value) }
    let form = fields + signed
    let request = HTTPRequest(
      method: "POST", url: endpoint,
      headers: [
        ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json"),
      ],
      body: Data(FormEncoding.encode(form).utf8), maxBytes: 1 << 20)
    let what = "the token endpoint \(endpoint)"
    let response = try sender.send(Self.answerBounded(request), for: what)
    fetched += 1
    let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    guard response.status == 200 else {
      let error = (object?["error"] as? String).map { ": \($0)" } ?? ""
      let description =
        (object?["error_description"] as? String).map {
          " (\(String($0.split(separator: "\n").first ?? "").prefix(200)))"
        } ?? ""
      let text = "\(what) answered HTTP \(response.status)\(error)\(description)"
      if [400, 401, 403].contains(response.status) {
        let credential = assertion == nil ? "secret" : "certificate"
        throw .refused("\(text): the client id or \(credential) is wrong, expired or not allowed")
      }
      throw .unreachable(text)
    }
    guard let object, let value = object["access_token"] as? String, !value.isEmpty else {
      throw .badData("\(what): the answer has no access_token")
    }
    // RFC 6750 §2.1 b64token: anything else (a CR or LF above all) would end the header line
    // the token is sent in and start another.
    guard Self.isBearerToken(value) else {
      throw .badData("\(what): the access_token holds characters a bearer token may not")
    }
    sender.redactor.add(value)
    let lifetime =
      (object["expires_in"] as? NSNumber)?.doubleValue
      ?? (object["expires_in"] as? String).flatMap(Double.init) ?? 300
    let margin = min(60, lifetime / 4)
    current = (value, sender.clock.now().addingTimeInterval(lifetime - margin))
    grants = Self.grants(answer: object, token: value)
    return value
  }

  /// `request` accepting an answer of at most 64 KB: a token answer is a few KB, and parsed
  /// into objects a 1 MB answer of small objects took hundreds of MB.
  static func answerBounded(_ request: HTTPRequest) -> HTTPRequest {
    var bounded = request
    bounded.maxBytes = min(request.maxBytes, 64 << 10)
    return bounded
  }

  /// True for an RFC 6750 `b64token`: letters, digits, `-._~+/`, then `=` padding only.
  static func isBearerToken(_ value: String) -> Bool {
    let body = value.utf8.reversed().drop { $0 == UInt8(ascii: "=") }
    return !body.isEmpty
      && body.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
          UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
          return true
        default: return false
        }
      }
  }

  /// The scopes of a Jamf answer (`scope`, space-separated), else the `roles` claim of a JWT
  /// access token (Microsoft Graph application permissions).
  static func grants(answer: [String: Any], token: String) -> [String] {
    if let scope = answer["scope"] as? String, !scope.isEmpty {
      return scope.split(separator: " ").map(String.init)
    }
    let parts = token.split(separator: ".")
    guard parts.count == 3 else { return [] }
    var payload = parts[1].replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    while payload.count % 4 != 0 { payload += "=" }
    guard let data = Data(base64Encoded: payload),
      let claims = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [] }
    if let roles = claims["roles"] as? [String] { return roles }
    if let scope = claims["scope"] as? [String] { return scope }
    return []
  }
}
