import CCrypto
import Foundation

/// What the fake token endpoint checks of a client assertion, as Microsoft Entra ID
/// documents it: a three-part JWT, header `alg` PS256, `typ` JWT and `x5t#S256` equal to the
/// registered certificate's thumbprint, a PS256 signature that the certificate's public key
/// verifies, `aud` the token endpoint, `iss` = `sub` = the client id, `exp` in the future and
/// at most ten minutes after `nbf`, and a `jti` never seen before.
final class FakeCertificateCheck: @unchecked Sendable {
  /// The registered certificate (PEM) and its base64url SHA-256 thumbprint, as computed by
  /// the `openssl` command (not by the code under test).
  let certificatePEM: String
  let thumbprint: String
  private let lock = NSLock()
  private var seen: Set<String> = []
  private var accepted: [String] = []

  init(certificatePEM: String, thumbprint: String) {
    self.certificatePEM = certificatePEM
    self.thumbprint = thumbprint
  }

  /// Every assertion accepted so far, in order.
  var assertions: [String] { lock.withLock { accepted } }

  /// Why `form` is refused, or nil when its assertion holds.
  func refusal(_ form: [String: String], clientID: String, audience: String) -> String? {
    lock.withLock {
      guard form["client_secret"] == nil else { return "both a secret and an assertion" }
      guard
        form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
      else { return "wrong client_assertion_type" }
      guard let jwt = form["client_assertion"] else { return "no client_assertion" }
      let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 3, let header = Self.object(parts[0]),
        let claims = Self.object(parts[1]), let signature = Self.bytes(parts[2])
      else { return "not a JWT" }
      guard header["alg"] as? String == "PS256", header["typ"] as? String == "JWT" else {
        return "header alg/typ"
      }
      guard header["x5t#S256"] as? String == thumbprint else { return "unknown x5t#S256" }
      let signed = Array((parts[0] + "." + parts[1]).utf8)
      let verified = certificatePEM.withCString { pem in
        ringside_verify_ps256(
          pem, strlen(pem), signed, signed.count, signature, signature.count)
      }
      guard verified == 1 else { return "AADSTS700027: the signature does not verify" }
      guard claims["aud"] as? String == audience else { return "wrong aud" }
      guard claims["iss"] as? String == clientID, claims["sub"] as? String == clientID else {
        return "wrong iss or sub"
      }
      let now = Date().timeIntervalSince1970
      guard let exp = (claims["exp"] as? NSNumber)?.doubleValue,
        let nbf = (claims["nbf"] as? NSNumber)?.doubleValue,
        (claims["iat"] as? NSNumber) != nil, exp > now, nbf <= now + 60, exp - nbf <= 600
      else { return "expired or too long-lived" }
      guard let jti = claims["jti"] as? String, UUID(uuidString: jti) != nil,
        seen.insert(jti).inserted
      else { return "missing or replayed jti" }
      accepted.append(jwt)
      return nil
    }
  }

  static func bytes(_ part: String) -> [UInt8]? {
    var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    while text.count % 4 != 0 { text += "=" }
    return Data(base64Encoded: text).map { [UInt8]($0) }
  }

  static func object(_ part: String) -> [String: Any]? {
    bytes(part).flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
  }
}
