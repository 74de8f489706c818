import Foundation
import XCTest

/// The built binary never writes TLS session keys where `SSLKEYLOGFILE` points.
final class SyncKeyLogTests: XCTestCase {
  private func run(_ tool: String, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// A port nothing listens on right now.
  private func freePort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  func testSSLKEYLOGFILEInTheEnvironmentGetsNoKeys() throws {
    let openssl = "/usr/bin/openssl"
    guard FileManager.default.isExecutableFile(atPath: openssl) else {
      throw XCTSkip("no openssl to serve TLS")
    }
    let binary = try BuiltBinary.path()
    let f = try SyncFixture()
    let key = f.directory + "/key.pem"
    let certificate = f.directory + "/cert.pem"
    let made = try run(
      openssl,
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
        "-days", "1", "-subj", "/CN=127.0.0.1",
      ])
    made.waitUntilExit()
    XCTAssertEqual(made.terminationStatus, 0)
    let port = freePort()
    let server = try run(
      openssl,
      ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www"])
    defer {
      server.terminate()
      server.waitUntilExit()
    }
    usleep(500_000)
    let keylog = f.directory + "/keylog"
    let sync = Process()
    sync.executableURL = URL(fileURLWithPath: binary)
    sync.arguments = [
      "sync", "fleet", "--url", "https://127.0.0.1:\(port)", "--quiet", "--db",
      f.storePath,
    ]
    sync.environment = [
      "HOME": f.directory, "XDG_CONFIG_HOME": f.directory + "/config", "PATH": "/usr/bin:/bin",
      "SSLKEYLOGFILE": keylog, "RINGSIDE_FLEET_TOKEN": "keylog-test-token",
      BuiltBinary.hostConfigVariable: f.directory + "/host.json",
      "RINGSIDE_TEST_SHARED_SOURCES": f.directory + "/shared-sources",
    ]
    sync.standardOutput = FileHandle.nullDevice
    sync.standardError = FileHandle.nullDevice
    try sync.run()
    sync.waitUntilExit()
    // The self-signed certificate does not verify: the handshake fails after its keys exist.
    XCTAssertEqual(sync.terminationStatus, 69)
    XCTAssertFalse(FileManager.default.fileExists(atPath: keylog), "TLS keys were written")
  }
}
