import Foundation
import XCTest

/// Throwaway keys and certificates made by the `openssl` command for one test, in a private
/// folder removed afterwards; the test is skipped when `openssl` is not on PATH.
struct TestCertificate {
  /// The key and certificate in one mode 0600 file, as `client_certificate_file` wants.
  let path: String
  let keyPEM: String
  let certificatePEM: String
  /// Base64url SHA-256 of the certificate's DER, from `openssl x509 -fingerprint -sha256`.
  let thumbprint: String

  /// Runs `openssl` with `arguments`; throws XCTSkip when it is missing.
  @discardableResult
  static func openssl(_ arguments: [String], input: Data? = nil) throws -> (
    status: Int32, out: String
  ) {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":").map { $0 + "/openssl" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { throw XCTSkip("openssl is not on PATH: no test certificate") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A new self-signed certificate valid for `days` with a new key (`rsa:2048`,
  /// `rsa:1024`, `ec`), both written to `directory/name.pem`.
  static func make(
    in directory: String, name: String = "graph", days: Int = 30, key: String = "rsa:2048"
  ) throws -> TestCertificate {
    // A key takes `openssl` a good part of a second to make: one per kind for the whole test
    // run, written afresh into each test's own folder.
    let kind = "\(name)|\(days)|\(key)"
    if let made = Made.shared.certificate(kind) {
      let path = directory + "/\(name).pem"
      try write(made.keyPEM, to: directory + "/\(name).key")
      try write(made.certificatePEM, to: directory + "/\(name).crt")
      try write(made.keyPEM + made.certificatePEM, to: path)
      return TestCertificate(
        path: path, keyPEM: made.keyPEM, certificatePEM: made.certificatePEM,
        thumbprint: made.thumbprint)
    }
    let made = try makeNew(in: directory, name: name, days: days, key: key)
    Made.shared.keep(made, as: kind)
    return made
  }

  /// The certificates made so far in this test run, by name, validity and key kind.
  private final class Made: @unchecked Sendable {
    static let shared = Made()
    private let lock = NSLock()
    private var byKind: [String: TestCertificate] = [:]

    func certificate(_ kind: String) -> TestCertificate? { lock.withLock { byKind[kind] } }
    func keep(_ certificate: TestCertificate, as kind: String) {
      lock.withLock { byKind[kind] = certificate }
    }
  }

  private static func makeNew(
    in directory: String, name: String, days: Int, key: String
  ) throws -> TestCertificate {
    let keyPath = directory + "/\(name).key"
    let certificatePath = directory + "/\(name).crt"
    var arguments = [
      "req", "-x509", "-newkey", key, "-nodes", "-keyout", keyPath, "-out", certificatePath,
      "-days", String(days), "-subj", "/CN=ringside-test-\(name)",
    ]
    if key == "ec" { arguments += ["-pkeyopt", "ec_paramgen_curve:prime256v1"] }
    guard try openssl(arguments).status == 0 else {
      throw XCTSkip("openssl req could not make a test certificate")
    }
    let fingerprint = try openssl([
      "x509", "-in", certificatePath, "-noout", "-fingerprint", "-sha256",
    ]).out
    let hex = fingerprint.split(separator: "=").last.map(String.init) ?? ""
    let digest = hex.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":")
      .compactMap { UInt8($0, radix: 16) }
    XCTAssertEqual(digest.count, 32, fingerprint)
    let keyPEM = try String(contentsOfFile: keyPath, encoding: .utf8)
    let certificatePEM = try String(contentsOfFile: certificatePath, encoding: .utf8)
    let path = directory + "/\(name).pem"
    try write(keyPEM + certificatePEM, to: path)
    let thumbprint = Data(digest).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    return TestCertificate(
      path: path, keyPEM: keyPEM, certificatePEM: certificatePEM, thumbprint: thumbprint)
  }

  static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, mode)
  }

  /// The fake token endpoint's check for this certificate.
  var check: FakeCertificateCheck {
    FakeCertificateCheck(certificatePEM: certificatePEM, thumbprint: thumbprint)
  }

  /// Lines of the private key's body: none may appear in any output.
  var keyLines: [String] {
    keyPEM.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-----") }
  }
}
