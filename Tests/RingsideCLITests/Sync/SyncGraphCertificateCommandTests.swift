import Foundation
import RingsideStore
import XCTest

/// `ringside sync graph` with a certificate credential, end to end through the command table
/// against the fake MDM whose token endpoint verifies the client assertion.
final class SyncGraphCertificateCommandTests: XCTestCase {
  private func environment(_ h: CLIHarness, _ mdm: FakeMDM, file: String) -> [String: String] {
    [
      "RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources",
      "RINGSIDE_GRAPH_TENANT_ID": "tenant-1", "RINGSIDE_GRAPH_CLIENT_ID": mdm.clientID,
      "RINGSIDE_GRAPH_CERTIFICATE_FILE": file,
    ]
  }

  private func graph(_ mdm: FakeMDM, _ h: CLIHarness) -> [String] {
    [
      "sync", "graph", "--url", mdm.base + "/v1.0", "--auth-url", mdm.base + "/token", "--db",
      h.dbPath,
    ]
  }

  private func assertNoKey(_ text: String, _ certificate: TestCertificate, line: UInt = #line) {
    for keyLine in certificate.keyLines {
      XCTAssertFalse(text.contains(keyLine), "key material leaked: \(text)", line: line)
    }
  }

  func testSyncGraphWithACertificateFromTheEnvironmentStoresEveryPage() throws {
    let h = try CLIHarness()
    let certificate = try TestCertificate.make(in: h.directory.path)
    let mdm = try FakeMDM(devices: 5)
    mdm.certificate = certificate.check
    let r = h.run(graph(mdm, h), environment: environment(h, mdm, file: certificate.path))
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("Read 5 records: 5 added"), r.out)
    XCTAssertEqual(mdm.certificate?.assertions.count, 1)
    let store = try InventoryStore(path: h.dbPath, readOnly: true)
    XCTAssertEqual(try store.countDevices(), 5)
    let audit = try store.auditEntries(limit: 100).map { "\($0)" }.joined(separator: "\n")
    assertNoKey(r.out + r.err + audit, certificate)
    XCTAssertFalse((r.out + r.err + audit).contains("tok-"))
  }

  func testACertificateFileInGraphConfWorksAndItsModeIsChecked() throws {
    let h = try CLIHarness()
    let certificate = try TestCertificate.make(in: h.directory.path)
    let mdm = try FakeMDM(devices: 2)
    mdm.certificate = certificate.check
    let folder = h.directory.path + "/.config/ringside/sources"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try TestCertificate.write(
      "tenant_id = tenant-1\nclient_id = \(mdm.clientID)\nclient_certificate_file = \(certificate.path)\n",
      to: folder + "/graph.conf")
    let env = ["RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources"]
    chmod(certificate.path, 0o640)
    let refused = h.run(graph(mdm, h), environment: env)
    XCTAssertEqual(refused.status, 77, refused.err)
    XCTAssertTrue(
      refused.err.contains(certificate.path) && refused.err.contains("mode 640"), refused.err)
    XCTAssertTrue(mdm.server.requests.isEmpty)
    chmod(certificate.path, 0o600)
    let r = h.run(graph(mdm, h), environment: env)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("Read 2 records: 2 added"), r.out)
    assertNoKey(refused.err + r.out + r.err, certificate)
  }

  func testASecretAndACertificateTogetherExit77NamingBoth() throws {
    let h = try CLIHarness()
    let certificate = try TestCertificate.make(in: h.directory.path)
    let mdm = try FakeMDM(devices: 2)
    var env = environment(h, mdm, file: certificate.path)
    env["RINGSIDE_GRAPH_CLIENT_SECRET"] = mdm.secret
    let r = h.run(graph(mdm, h), environment: env)
    XCTAssertEqual(r.status, 77, r.err)
    XCTAssertTrue(
      r.err.contains("RINGSIDE_GRAPH_CLIENT_SECRET")
        && r.err.contains("RINGSIDE_GRAPH_CERTIFICATE_FILE"), r.err)
    XCTAssertFalse(r.err.contains(mdm.secret), r.err)
    XCTAssertTrue(mdm.server.requests.isEmpty)
  }

  func testAnEncryptedKeyExits77NamingTheFileWithoutShowingTheKey() throws {
    let h = try CLIHarness()
    let certificate = try TestCertificate.make(in: h.directory.path)
    let encrypted = try TestCertificate.openssl([
      "pkey", "-in", h.directory.path + "/graph.key", "-aes128", "-passout", "pass:test-only",
    ]).out
    let path = h.directory.path + "/encrypted.pem"
    try TestCertificate.write(encrypted + certificate.certificatePEM, to: path)
    let mdm = try FakeMDM(devices: 2)
    let r = h.run(graph(mdm, h), environment: environment(h, mdm, file: path))
    XCTAssertEqual(r.status, 77, r.err)
    XCTAssertTrue(r.err.contains(path + ": the private key is encrypted"), r.err)
    for line in encrypted.split(separator: "\n") where !line.hasPrefix("-----") {
      XCTAssertFalse(r.err.contains(line), r.err)
    }
    assertNoKey(r.out + r.err, certificate)
  }

  func testARegisteredCertificateThatIsNotThisOneExits77() throws {
    let h = try CLIHarness()
    let registered = try TestCertificate.make(in: h.directory.path, name: "registered")
    let other = try TestCertificate.make(in: h.directory.path, name: "other")
    let mdm = try FakeMDM(devices: 2)
    mdm.certificate = registered.check
    let r = h.run(graph(mdm, h), environment: environment(h, mdm, file: other.path))
    XCTAssertEqual(r.status, 77, r.err)
    XCTAssertTrue(r.err.contains("the client id or certificate is wrong"), r.err)
    assertNoKey(r.out + r.err, other)
  }
}
