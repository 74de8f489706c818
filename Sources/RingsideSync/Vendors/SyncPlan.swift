import Foundation

/// What one sync of a source asks for: the API base, the token source and the page
/// collections, built from the credentials and the command line.
struct SyncPlan {
  let source: SyncSource
  let base: String
  let tokens: TokenSource
  let collections: [PageCollection]

  /// `probe` asks for one device per page (`--check`).
  static func make(
    _ options: SyncOptions, credentials: SourceCredentials, sender: PoliteSender, probe: Bool
  ) throws(SyncFailure) -> SyncPlan {
    let source = options.source
    guard
      let rawBase = options.baseURL ?? credentials["url"] ?? source.defaultBase
    else {
      throw .usage(
        "\(source.rawValue) needs the server's URL: --url \(source.baseExample), or url= in \(credentials.origin)"
      )
    }
    let base = try checkedURL(rawBase, what: "--url")
    let authOverride = try (options.authURL ?? credentials["auth_url"]).map {
      (url: String) throws(SyncFailure) in try checkedURL(url, what: "--auth-url")
    }
    let size = probe ? 1 : options.pageSize
    switch source {
    case .graph:
      let tenant = try credentials.required("tenant_id", source: source)
      guard tenant.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
        throw .usage("tenant_id must be the tenant's id or domain (letters, digits, - and .)")
      }
      let endpoint =
        authOverride ?? "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token"
      let scope = (PageCollection.origin(of: base) ?? base) + "/.default"
      let clientID = try credentials.required("client_id", source: source)
      let credential = try GraphClientCredential.from(
        credentials, clientID: clientID, audience: endpoint, now: sender.clock.now())
      let tokens = ClientCredentialsToken(
        endpoint: endpoint,
        fields: [("client_id", clientID)] + credential.fields + [
          ("scope", scope), ("grant_type", "client_credentials"),
        ], sender: sender, assertion: credential.assertion)
      return SyncPlan(
        source: source, base: base, tokens: tokens,
        collections: [.graph(base: base, pageSize: size)])
    case .jamf:
      let tokens = ClientCredentialsToken(
        endpoint: authOverride ?? base + "/api/oauth/token",
        fields: [
          ("grant_type", "client_credentials"),
          ("client_id", try credentials.required("client_id", source: source)),
          ("client_secret", try credentials.required("client_secret", source: source)),
        ], sender: sender)
      let pageSize = size ?? 500
      return SyncPlan(
        source: source, base: base, tokens: tokens,
        collections: [
          .jamf(
            path: "/api/v2/mobile-devices/detail", label: "jamf mobile-devices",
            sections: ["GENERAL", "HARDWARE", "USER_AND_LOCATION"], base: base,
            pageSize: pageSize),
          .jamf(
            path: "/api/v1/computers-inventory", label: "jamf computers-inventory",
            sections: ["GENERAL", "HARDWARE", "OPERATING_SYSTEM", "USER_AND_LOCATION"],
            base: base, pageSize: pageSize),
        ])
    case .fleet, .kandji:
      let tokens = FixedToken(try credentials.required("token", source: source))
      let collection: PageCollection =
        source == .fleet
        ? .fleet(base: base, pageSize: size ?? 500) : .kandji(base: base, pageSize: size ?? 300)
      return SyncPlan(source: source, base: base, tokens: tokens, collections: [collection])
    }
  }

  /// `url` without a trailing slash, when it is an absolute http(s) URL without credentials,
  /// query or fragment.
  static func checkedURL(_ url: String, what: String) throws(SyncFailure) -> String {
    var text = url.trimmingCharacters(in: .whitespaces)
    while text.hasSuffix("/") { text.removeLast() }
    guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
      ["http", "https"].contains(scheme), parts.host?.isEmpty == false
    else {
      throw .usage("\(what) \(url): not an http(s) URL")
    }
    guard parts.user == nil, parts.password == nil else {
      throw .usage("\(what): a URL may not carry a user or password; use the credentials file")
    }
    // The paths and queries are appended to it, and URLs are quoted in messages: a query
    // (where a key might hide) or a fragment has no place in it.
    guard parts.percentEncodedQuery == nil, parts.fragment == nil else {
      throw .usage(
        "\(what): a URL may not carry a query (?...) or fragment (#...); give the base only")
    }
    do {
      try CurlTransport.checkScheme(text)
    } catch {
      throw .usage("\(what) \(error.reason)")
    }
    return text
  }
}
