import Foundation
import RingsideSync
import XCTest

/// What the libcurl transport refuses before any request, and where plain HTTP may go.
final class SyncCurlTransportTests: XCTestCase {
  private func refusal(caFile: String) -> String? {
    do {
      _ = try CurlTransport(caFile: caFile)
      return nil
    } catch {
      return error.reason
    }
  }

  func testACAFileThatIsAFolderOrFIFOIsRefusedAtOnce() throws {
    let f = try SyncFixture()
    let fifo = f.directory + "/ca.pem"
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    XCTAssertEqual(refusal(caFile: f.directory)?.contains("not a regular file"), true)
    XCTAssertEqual(refusal(caFile: fifo)?.contains("not a regular file"), true)
    XCTAssertEqual(refusal(caFile: f.directory + "/missing.pem")?.contains("cannot read"), true)
  }

  func testAReadableCAFileIsAccepted() throws {
    let f = try SyncFixture()
    let path = f.directory + "/ca.pem"
    try "-----BEGIN CERTIFICATE-----\n".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertNil(refusal(caFile: path))
  }

  func testPlainHTTPToLoopbackNeverGoesThroughAProxyFromTheEnvironment() throws {
    let previous = getenv("http_proxy").map { String(cString: $0) }
    setenv("http_proxy", "http://127.0.0.1:9", 1)
    defer {
      if let previous { setenv("http_proxy", previous, 1) } else { unsetenv("http_proxy") }
    }
    let mdm = try FakeMDM(devices: 3)
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.fleet, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(report.summary.added, 3)
  }

  func testHostsThatOnlyLookLikeLoopbackAreRefusedForPlainHTTP() throws {
    let mdm = try FakeMDM(devices: 1)
    for url in [
      "http://127.0.0.1.evil.example", "http://localhost@evil.example",
      "http://127.0.0.1%2f@evil.example", "http://127.0.0.1:80@evil.example",
    ] {
      let f = try SyncFixture()
      var options = SyncFixture.options(.fleet, mdm)
      options.baseURL = url
      guard case .failure(.usage(let text)) = f.sync(.fleet, mdm, options: options) else {
        XCTFail("\(url) was not refused: \(f.log.text)")
        continue
      }
      XCTAssertTrue(text.contains("only https://") || text.contains("user or password"), text)
    }
    XCTAssertEqual(mdm.server.requests.count, 0)
  }

  func testPlainHTTPToIPv6LoopbackIsAllowed() throws {
    let mdm = try FakeMDM(devices: 1)
    let f = try SyncFixture()
    var options = SyncFixture.options(.fleet, mdm)
    options.baseURL = "http://[::1]:9"
    options.policy = RetryPolicy(attempts: 1)
    // Nothing listens there: it fails reaching the server, not on the scheme check.
    guard case .failure(.unreachable(let text)) = f.sync(.fleet, mdm, options: options) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("fleet hosts page 1"), text)
  }

  func testABaseURLWithAQueryOrFragmentIsRefusedBeforeAnyRequest() throws {
    let mdm = try FakeMDM(devices: 1)
    for url in [mdm.base + "?key=abc123", mdm.base + "#x"] {
      let f = try SyncFixture()
      var options = SyncFixture.options(.fleet, mdm)
      options.baseURL = url
      guard case .failure(.usage(let text)) = f.sync(.fleet, mdm, options: options) else {
        XCTFail("\(url) was not refused: \(f.log.text)")
        continue
      }
      XCTAssertTrue(text.contains("query"), text)
      XCTAssertFalse(text.contains("abc123"), text)
    }
    XCTAssertEqual(mdm.server.requests.count, 0)
  }

  func testResponseHeadersBeyondTheBoundFailTheRequest() throws {
    let server = try LocalHTTPServer { _ in
      .json(
        200, "[]",
        headers: (0..<3000).map { ("X-Filler-\($0)", String(repeating: "h", count: 200)) })
    }
    defer { server.stop() }
    let transport = try CurlTransport()
    do {
      let response = try transport.send(HTTPRequest(url: server.base + "/"))
      XCTFail("accepted \(response.headers.count) headers")
    } catch {
      XCTAssertEqual(error.kind, .tooLarge)
      XCTAssertTrue(error.reason.contains("headers are larger than"), error.reason)
    }
  }
}
