import Foundation

/// A client assertion as the Microsoft identity platform documents it for certificate
/// credentials (learn.microsoft.com/entra/identity-platform/certificate-credentials): a JWT
/// with the header `alg` PS256, `typ` JWT and `x5t#S256` (the certificate's base64url SHA-256
/// thumbprint), the claims `aud` (the token endpoint), `iss` = `sub` = the client id, a random
/// `jti`, `nbf` = `iat` = now and `exp` ten minutes on, signed with the certificate's key.
/// It is sent as `client_assertion` in place of `client_secret`; a new one for every token.
struct ClientAssertion {
  let certificate: ClientCertificate
  let clientID: String
  let audience: String

  static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
  static let lifetime = 600

  /// The signed JWT for a token request at `now`.
  func make(now: Date, id: UUID = UUID()) throws(SyncFailure) -> String {
    try certificate.checkValid(at: now)
    let issued = Int(now.timeIntervalSince1970)
    let header: [String: Any] = [
      "alg": "PS256", "typ": "JWT", "x5t#S256": Self.base64URL(certificate.thumbprint),
    ]
    let claims: [String: Any] = [
      "aud": audience, "iss": clientID, "sub": clientID, "jti": id.uuidString.lowercased(),
      "nbf": issued, "iat": issued, "exp": issued + Self.lifetime,
    ]
    let signed = try Self.json(header) + "." + Self.json(claims)
    let signature = try certificate.sign(Array(signed.utf8))
    return signed + "." + Self.base64URL(signature)
  }

  /// The form fields that carry the assertion.
  func fields(now: Date) throws(SyncFailure) -> [(String, String)] {
    [("client_assertion_type", Self.type), ("client_assertion", try make(now: now))]
  }

  static func base64URL<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  private static func json(_ object: [String: Any]) throws(SyncFailure) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { throw .usage("the client assertion cannot be encoded") }
    return base64URL(data)
  }
}
