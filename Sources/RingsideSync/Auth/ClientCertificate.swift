import CCrypto
import Foundation

/// An app registration's certificate credential: an unencrypted RSA private key (2048 bits or
/// more) and its X.509 certificate, read from one PEM file that must be a regular file owned by
/// the user running the sync and mode 0600, like a credentials file. The key stays inside
/// libcrypto; messages name the file and the problem, never its contents.
final class ClientCertificate: @unchecked Sendable {
  let path: String
  /// SHA-256 of the certificate's DER encoding (the `x5t#S256` header of an assertion).
  let thumbprint: [UInt8]
  let notBefore: Date
  let notAfter: Date
  private let handle: OpaquePointer

  private init(path: String, handle: OpaquePointer) throws(SyncFailure) {
    self.path = path
    self.handle = handle
    var digest = [UInt8](repeating: 0, count: 32)
    var from: Int64 = 0
    var until: Int64 = 0
    guard ringside_credential_thumbprint(handle, 0, &digest) == 32,
      ringside_credential_validity(handle, &from, &until) == 0
    else {
      ringside_credential_free(handle)
      throw .refused("\(path): the certificate's fingerprint or validity cannot be read")
    }
    thumbprint = digest
    notBefore = Date(timeIntervalSince1970: Double(from))
    notAfter = Date(timeIntervalSince1970: Double(until))
  }

  deinit { ringside_credential_free(handle) }

  /// The certificate credential in `path`, refused with the reason when the file is unsafe or
  /// the key or certificate unusable, or when the certificate is not valid at `now`.
  static func load(_ path: String, now: Date) throws(SyncFailure) -> ClientCertificate {
    guard path.hasPrefix("/") else {
      throw .refused(
        "client_certificate_file \(path): give the PEM file's absolute path")
    }
    var bytes = try readPrivateFile(path)
    defer { for i in bytes.indices { bytes[i] = 0 } }
    var handle: OpaquePointer?
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        ringside_credential_load($0, buffer.count, &handle)
      }
    }
    guard status == RINGSIDE_CREDENTIAL_OK, let handle else {
      throw .refused("\(path): \(reason(status))")
    }
    let certificate = try ClientCertificate(path: path, handle: handle)
    try certificate.checkValid(at: now)
    return certificate
  }

  /// Refuses a certificate Microsoft Entra ID would refuse: expired or not yet valid.
  func checkValid(at now: Date) throws(SyncFailure) {
    if now >= notAfter {
      throw .refused(
        "\(path): the certificate expired on \(Self.day(notAfter)); upload a new one to the app registration and use its key"
      )
    }
    if now < notBefore {
      throw .refused("\(path): the certificate is not valid before \(Self.day(notBefore))")
    }
  }

  /// The PS256 signature (RSASSA-PSS, SHA-256) of `data`.
  func sign(_ data: [UInt8]) throws(SyncFailure) -> [UInt8] {
    var signature = [UInt8](repeating: 0, count: 1024)
    let length = ringside_credential_sign_ps256(
      handle, data, data.count, &signature, signature.count)
    guard length > 0 else { throw .refused("\(path): the private key could not sign") }
    return Array(signature.prefix(length))
  }

  private static func day(_ date: Date) -> String {
    let format = DateFormatter()
    format.locale = Locale(identifier: "en_US_POSIX")
    format.timeZone = TimeZone(identifier: "UTC")
    format.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return format.string(from: date)
  }

  private static func reason(_ status: ringside_credential_status) -> String {
    switch status {
    case RINGSIDE_CREDENTIAL_NO_KEY:
      return
        "no private key (a BEGIN PRIVATE KEY block); put the key and the certificate in this file"
    case RINGSIDE_CREDENTIAL_ENCRYPTED_KEY:
      return
        "the private key is encrypted and a sync cannot ask for its passphrase; store it unencrypted (openssl pkey -in KEY -out FILE) in this mode 0600 file"
    case RINGSIDE_CREDENTIAL_NOT_RSA:
      return "the private key is not an RSA key; certificate credentials need RSA"
    case RINGSIDE_CREDENTIAL_SHORT_KEY:
      return "the RSA key is shorter than 2048 bits; Microsoft Entra ID refuses it"
    case RINGSIDE_CREDENTIAL_NO_CERTIFICATE:
      return
        "no certificate (a BEGIN CERTIFICATE block); append the certificate uploaded to the app registration"
    case RINGSIDE_CREDENTIAL_MISMATCH:
      return "the certificate does not belong to the private key"
    case RINGSIDE_CREDENTIAL_BAD_KEY:
      return "the private key block does not decode"
    case RINGSIDE_CREDENTIAL_BAD_CERTIFICATE:
      return "the certificate block does not decode"
    default:
      return "not a PEM file (no BEGIN/END blocks that decode)"
    }
  }

  /// The bytes of `path` after the checks a secret's file gets (`PrivateFile`).
  static func readPrivateFile(_ path: String) throws(SyncFailure) -> [UInt8] {
    guard
      let bytes = try PrivateFile.read(
        path, holding: "the private key", kind: "a key and certificate")
    else {
      throw .refused("\(path): cannot read: \(String(cString: strerror(ENOENT)))")
    }
    return bytes
  }
}
