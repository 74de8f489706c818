import Foundation
import RingsideSync
import XCTest

/// Graph certificate credentials against the fake token endpoint, which verifies each client
/// assertion; and the key files that are refused, with the file named and no key shown.
final class SyncGraphCertificateTests: XCTestCase {
  private var fixture: SyncFixture!

  override func setUpWithError() throws {
    fixture = try SyncFixture()
  }

  /// A new certificate, with the sync's clock moved to the real time it starts at (the fake
  /// endpoint judges `exp` by the real time too).
  private func make(
    _ name: String = "graph", days: Int = 30, key: String = "rsa:2048"
  ) throws -> TestCertificate {
    let certificate = try TestCertificate.make(
      in: fixture.directory, name: name, days: days, key: key)
    fixture.clock.advance(Date().timeIntervalSince(fixture.clock.now()))
    return certificate
  }

  override func tearDown() { fixture = nil }

  private func credentials(_ mdm: FakeMDM, file: String, secret: Bool = false)
    -> SourceCredentials
  {
    var values = [
      "tenant_id": "tenant-1", "client_id": mdm.clientID, "client_certificate_file": file,
    ]
    if secret { values["client_secret"] = mdm.secret }
    return SourceCredentials(values: values, origin: fixture.directory + "/graph.conf")
  }

  private func refusal(_ result: Result<SyncReport, SyncFailure>) -> String {
    if case .failure(.refused(let text)) = result { return text }
    XCTFail("expected a refusal (exit 77), got \(result)")
    return ""
  }

  private func assertNoKey(_ text: String, _ certificate: TestCertificate, line: UInt = #line) {
    for keyLine in certificate.keyLines {
      XCTAssertFalse(text.contains(keyLine), "key material leaked: \(text)", line: line)
    }
  }

  func testACertificateCredentialGetsATokenWithAVerifiedAssertionAndStoresEveryPage() throws {
    let certificate = try make()
    let mdm = try FakeMDM(devices: 5)
    mdm.certificate = certificate.check
    let result = fixture.sync(.graph, mdm, credentials: credentials(mdm, file: certificate.path))
    XCTAssertNoThrow(try result.get(), fixture.log.text)
    XCTAssertEqual(try fixture.state().devices, 5)
    XCTAssertEqual(mdm.certificate?.assertions.count, 1)
    let jwt = try XCTUnwrap(mdm.certificate?.assertions.first)
    let claims = try XCTUnwrap(FakeCertificateCheck.object(String(jwt.split(separator: ".")[1])))
    let exp = try XCTUnwrap(claims["exp"] as? Int)
    let iat = try XCTUnwrap(claims["iat"] as? Int)
    XCTAssertEqual(exp - iat, 600)
    XCTAssertEqual(claims["nbf"] as? Int, iat)
    assertNoKey(fixture.log.text, certificate)
  }

  func testARenewedTokenIsAskedForWithAFreshAssertion() throws {
    let certificate = try make()
    let mdm = try FakeMDM(devices: 6)
    mdm.certificate = certificate.check
    mdm.revokeAfterPage = 1
    let result = fixture.sync(.graph, mdm, credentials: credentials(mdm, file: certificate.path))
    XCTAssertNoThrow(try result.get(), fixture.log.text)
    XCTAssertEqual(mdm.tokenRequests, 2)
    // The endpoint refuses a replayed jti, so both were distinct; so are the assertions.
    XCTAssertEqual(Set(mdm.certificate!.assertions).count, 2)
  }

  func testAnAssertionSignedByAnotherKeyIsRefusedAndNothingIsStored() throws {
    let registered = try make("registered")
    let other = try make("other")
    let mdm = try FakeMDM(devices: 3)
    mdm.certificate = FakeCertificateCheck(
      certificatePEM: registered.certificatePEM, thumbprint: other.thumbprint)
    let text = refusal(
      fixture.sync(.graph, mdm, credentials: credentials(mdm, file: other.path)))
    XCTAssertTrue(text.contains("signature does not verify"), text)
    XCTAssertTrue(text.contains("the client id or certificate is wrong"), text)
    XCTAssertEqual(try fixture.state().devices, 0)
    XCTAssertEqual(mdm.tokenRequests, 0)
  }

  func testAnAssertionTheServerEchoesIsShownAsSecret() throws {
    let registered = try make("registered")
    let other = try make("other")
    let mdm = try FakeMDM(devices: 3)
    mdm.certificate = registered.check
    mdm.echoFormOnRefusal = true
    let text = refusal(
      fixture.sync(.graph, mdm, credentials: credentials(mdm, file: other.path)))
    XCTAssertTrue(text.contains("assertion [secret] refused"), text)
    // A JWT's header starts with base64url of `{"` (eyJ): no signed assertion in the message.
    XCTAssertFalse(text.contains("eyJ"), text)
    XCTAssertFalse(fixture.log.text.contains("eyJ"), fixture.log.text)
  }

  func testAnAssertionForAnotherCertificateIsRefusedByItsThumbprint() throws {
    let registered = try make("registered")
    let other = try make("other")
    let mdm = try FakeMDM(devices: 3)
    mdm.certificate = registered.check
    let text = refusal(
      fixture.sync(.graph, mdm, credentials: credentials(mdm, file: other.path)))
    XCTAssertTrue(text.contains("unknown x5t#S256"), text)
  }

  func testTheAssertionSignatureVerifiesWithTheOpenSSLCommand() throws {
    let certificate = try make()
    let mdm = try FakeMDM(devices: 1)
    mdm.certificate = certificate.check
    _ = try fixture.sync(.graph, mdm, credentials: credentials(mdm, file: certificate.path)).get()
    let jwt = try XCTUnwrap(mdm.certificate?.assertions.first)
    let parts = jwt.split(separator: ".").map(String.init)
    let folder = fixture.directory
    try Data((parts[0] + "." + parts[1]).utf8).write(to: URL(fileURLWithPath: folder + "/signed"))
    try Data(try XCTUnwrap(FakeCertificateCheck.bytes(parts[2])))
      .write(to: URL(fileURLWithPath: folder + "/signature"))
    try certificate.certificatePEM.write(
      toFile: folder + "/certificate.crt", atomically: true, encoding: .utf8)
    let publicKey = try TestCertificate.openssl([
      "x509", "-in", folder + "/certificate.crt", "-noout", "-pubkey",
    ]).out
    try publicKey.write(toFile: folder + "/public.pem", atomically: true, encoding: .utf8)
    let verify = [
      "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32",
      "-sigopt", "rsa_mgf1_md:sha256", "-verify", folder + "/public.pem", "-signature",
      folder + "/signature", folder + "/signed",
    ]
    XCTAssertEqual(try TestCertificate.openssl(verify).status, 0)
    // The same check fails for a changed message, so it can fail.
    try Data((parts[0] + "." + parts[1] + "x").utf8)
      .write(to: URL(fileURLWithPath: folder + "/signed"))
    XCTAssertNotEqual(try TestCertificate.openssl(verify).status, 0)
  }

  func testAnExpiredCertificateIsRefusedNamingTheFileBeforeAnyRequest() throws {
    let certificate = try make(days: 1)
    let mdm = try FakeMDM(devices: 2)
    mdm.certificate = certificate.check
    fixture.clock.advance(2 * 86_400)
    let text = refusal(
      fixture.sync(.graph, mdm, credentials: credentials(mdm, file: certificate.path)))
    XCTAssertTrue(text.contains(certificate.path) && text.contains("expired on"), text)
    XCTAssertEqual(mdm.tokenRequests, 0)
  }

  func testASecretAndACertificateTogetherAreRefusedNamingBoth() throws {
    let certificate = try make()
    let mdm = try FakeMDM(devices: 2)
    let text = refusal(
      fixture.sync(
        .graph, mdm, credentials: credentials(mdm, file: certificate.path, secret: true)))
    XCTAssertTrue(
      text.contains("client_secret") && text.contains("client_certificate_file"), text)
    XCTAssertFalse(text.contains(mdm.secret), text)
  }

  func testNeitherSecretNorCertificateNamesBothWays() throws {
    let mdm = try FakeMDM(devices: 2)
    let credentials = SourceCredentials(
      values: ["tenant_id": "tenant-1", "client_id": mdm.clientID], origin: "the environment")
    let text = refusal(fixture.sync(.graph, mdm, credentials: credentials))
    XCTAssertTrue(
      text.contains("$RINGSIDE_GRAPH_CLIENT_SECRET")
        && text.contains("$RINGSIDE_GRAPH_CERTIFICATE_FILE"), text)
  }

  /// Loads `file` as the certificate and returns the refusal.
  private func refusal(file: String) throws -> String {
    let mdm = try FakeMDM(devices: 1)
    return refusal(fixture.sync(.graph, mdm, credentials: credentials(mdm, file: file)))
  }

  func testAnEncryptedKeyIsRefusedNamingTheFile() throws {
    let certificate = try make()
    let encrypted = try TestCertificate.openssl([
      "pkey", "-in", fixture.directory + "/graph.key", "-aes256", "-passout", "pass:test-only",
    ]).out
    XCTAssertTrue(encrypted.contains("ENCRYPTED PRIVATE KEY"))
    let path = fixture.directory + "/encrypted.pem"
    try TestCertificate.write(encrypted + certificate.certificatePEM, to: path)
    let text = try refusal(file: path)
    XCTAssertTrue(text.hasPrefix(path + ": the private key is encrypted"), text)
    assertNoKey(text, certificate)
  }

  func testANonRSAKeyIsRefusedNamingTheFile() throws {
    let certificate = try make(key: "ec")
    let text = try refusal(file: certificate.path)
    XCTAssertTrue(text.hasPrefix(certificate.path + ": the private key is not an RSA key"), text)
    assertNoKey(text, certificate)
  }

  func testAShortRSAKeyIsRefused() throws {
    let certificate = try make(key: "rsa:1024")
    XCTAssertTrue(try refusal(file: certificate.path).contains("shorter than 2048 bits"))
  }

  func testTextThatIsNotPEMIsRefusedNamingTheFile() throws {
    let path = fixture.directory + "/graph.pem"
    try TestCertificate.write("client_secret = not a key\n", to: path)
    XCTAssertEqual(
      try refusal(file: path), path + ": not a PEM file (no BEGIN/END blocks that decode)")
  }

  func testAKeyWithoutItsCertificateOrWithAnotherIsRefused() throws {
    let certificate = try make()
    let other = try make("other")
    let keyOnly = fixture.directory + "/key-only.pem"
    try TestCertificate.write(certificate.keyPEM, to: keyOnly)
    XCTAssertTrue(try refusal(file: keyOnly).contains("no certificate (a BEGIN CERTIFICATE block)"))
    let certificateOnly = fixture.directory + "/certificate-only.pem"
    try TestCertificate.write(certificate.certificatePEM, to: certificateOnly)
    XCTAssertTrue(try refusal(file: certificateOnly).contains("no private key"))
    let mixed = fixture.directory + "/mixed.pem"
    try TestCertificate.write(certificate.keyPEM + other.certificatePEM, to: mixed)
    XCTAssertTrue(
      try refusal(file: mixed).contains("the certificate does not belong to the private key"))
  }

  func testAKeyFileOthersMayReadOrALinkOrARelativePathIsRefused() throws {
    let certificate = try make()
    chmod(certificate.path, 0o644)
    let loose = try refusal(file: certificate.path)
    XCTAssertTrue(loose.contains("mode 644") && loose.contains("chmod 600"), loose)
    chmod(certificate.path, 0o600)
    let link = fixture.directory + "/link.pem"
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: certificate.path)
    XCTAssertTrue(try refusal(file: link).contains("not a regular file"))
    XCTAssertTrue(try refusal(file: "graph.pem").contains("absolute path"))
    XCTAssertTrue(try refusal(file: fixture.directory).contains("not a regular file"))
  }
}
