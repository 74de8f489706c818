import Foundation

/// How a Graph app proves who it is at the token endpoint: its client secret, or a client
/// assertion signed with its certificate (`client_certificate_file`, or
/// `$RINGSIDE_GRAPH_CERTIFICATE_FILE`). Exactly one of the two may be given.
enum GraphClientCredential {
  case secret(String)
  case certificate(ClientAssertion)

  /// The credential `credentials` name, refused when both or neither are given or the
  /// certificate file is unusable at `now`.
  static func from(
    _ credentials: SourceCredentials, clientID: String, audience: String, now: Date
  ) throws(SyncFailure) -> GraphClientCredential {
    let secret = credentials["client_secret"]
    let file = credentials["client_certificate_file"]
    let names = SyncSource.graph.environmentNames
    switch (secret, file) {
    case (.some, .some):
      throw .refused(
        "\(credentials.origin) gives both client_secret and client_certificate_file for graph (\(names["client_secret"]!), \(names["client_certificate_file"]!)); keep only one"
      )
    case (.some(let secret), nil):
      return .secret(secret)
    case (nil, .some(let path)):
      let certificate = try ClientCertificate.load(path, now: now)
      return .certificate(
        ClientAssertion(certificate: certificate, clientID: clientID, audience: audience))
    case (nil, nil):
      throw .refused(
        "\(credentials.origin) has no client_secret or client_certificate_file for graph: set one of them, or $\(names["client_secret"]!) or $\(names["client_certificate_file"]!)"
      )
    }
  }

  /// The form fields a secret adds (an assertion adds its own per request).
  var fields: [(String, String)] {
    if case .secret(let secret) = self { return [("client_secret", secret)] }
    return []
  }

  var assertion: ClientAssertion? {
    if case .certificate(let assertion) = self { return assertion }
    return nil
  }
}
