import Foundation
import XCTest

/// A page of many small objects, well under the page size limit, must not take the sync's
/// memory with it: the built binary's peak is read from `wait4`.
final class SyncPageMemoryTests: XCTestCase {
  /// Runs `binary` with `arguments` and `environment`; its exit status and peak memory in MB.
  private func spawn(_ binary: String, _ arguments: [String], _ environment: [String: String])
    throws -> (status: Int32, peakMB: Int)
  {
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else {
      throw XCTSkip("cannot start \(binary)")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return ((status >> 8) & 0xFF, usage.ru_maxrss >> 10)
  }

  func testAPageOfAQuarterMillionSmallObjectsIsCheckedInLittleMemory() throws {
    let binary = try BuiltBinary.path()
    let f = try SyncFixture()
    let items = Array(repeating: #"{"a":1}"#, count: 250_000).joined(separator: ",")
    // The nextLink to another host fails the sync right after the page is checked.
    let page =
      #"{"@odata.nextLink":"https://elsewhere.example/v1.0/x","value":[\#(items)]}"#
    let server = try LocalHTTPServer { request in
      request.method == "POST"
        ? .json(200, #"{"access_token":"memory-test-token","expires_in":3600}"#)
        : .json(200, page)
    }
    defer { server.stop() }
    let result = try spawn(
      binary,
      [
        "sync", "graph", "--url", server.base + "/v1.0", "--auth-url", server.base + "/token",
        "--quiet", "--db", f.storePath,
      ],
      [
        "HOME": f.directory, "XDG_CONFIG_HOME": f.directory + "/config", "PATH": "/usr/bin:/bin",
        "TMPDIR": f.directory, "RINGSIDE_GRAPH_TENANT_ID": "tenant-1",
        "RINGSIDE_GRAPH_CLIENT_ID": "client-1", "RINGSIDE_GRAPH_CLIENT_SECRET": "secret-1",
        BuiltBinary.hostConfigVariable: f.directory + "/host.json",
        "RINGSIDE_TEST_SHARED_SOURCES": f.directory + "/shared-sources",
      ])
    XCTAssertEqual(result.status, 65)
    XCTAssertLessThan(result.peakMB, 250, "peak \(result.peakMB) MB for a 2 MB page")
  }

  func testALongErrorBodyIsNotParsedForItsMessage() throws {
    let binary = try BuiltBinary.path()
    let f = try SyncFixture()
    let items = Array(repeating: #"{"a":1}"#, count: 250_000).joined(separator: ",")
    let body = #"{"message":"internal","filler":[\#(items)]}"#
    let server = try LocalHTTPServer { _ in .json(500, body) }
    defer { server.stop() }
    let result = try spawn(
      binary,
      ["sync", "fleet", "--url", server.base, "--quiet", "--db", f.storePath],
      [
        "HOME": f.directory, "XDG_CONFIG_HOME": f.directory + "/config", "PATH": "/usr/bin:/bin",
        "TMPDIR": f.directory, "RINGSIDE_FLEET_TOKEN": "memory-test-token",
        BuiltBinary.hostConfigVariable: f.directory + "/host.json",
        "RINGSIDE_TEST_SHARED_SOURCES": f.directory + "/shared-sources",
      ])
    XCTAssertEqual(result.status, 69)
    XCTAssertLessThan(result.peakMB, 250, "peak \(result.peakMB) MB for a 2 MB error body")
  }
}
