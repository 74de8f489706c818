import Foundation
import RingsideStore
import XCTest

/// `ringside sync` end to end through the command table against the local fake MDM.
final class SyncCommandTests: XCTestCase {
  private func environment(_ h: CLIHarness, _ mdm: FakeMDM) -> [String: String] {
    [
      "RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources",
      "RINGSIDE_GRAPH_TENANT_ID": "tenant-1", "RINGSIDE_GRAPH_CLIENT_ID": mdm.clientID,
      "RINGSIDE_GRAPH_CLIENT_SECRET": mdm.secret, "RINGSIDE_JAMF_CLIENT_ID": mdm.clientID,
      "RINGSIDE_JAMF_CLIENT_SECRET": mdm.secret, "RINGSIDE_FLEET_TOKEN": mdm.apiToken,
    ]
  }

  private func graph(_ mdm: FakeMDM, _ h: CLIHarness) -> [String] {
    [
      "sync", "graph", "--url", mdm.base + "/v1.0", "--auth-url", mdm.base + "/token", "--db",
      h.dbPath,
    ]
  }

  /// The store after a successful sync of three devices, for failures to leave as it is.
  private func storeWithAnEarlierSync(_ h: CLIHarness) throws -> (
    devices: Int, audit: Int, text: String
  ) {
    let earlier = try FakeMDM(devices: 3)
    let first = h.run(
      ["sync", "fleet", "--url", earlier.base, "--db", h.dbPath],
      environment: environment(h, earlier))
    XCTAssertEqual(first.status, 0, first.err)
    return try state(h)
  }

  private func state(_ h: CLIHarness) throws -> (devices: Int, audit: Int, text: String) {
    let store = try InventoryStore(path: h.dbPath, readOnly: true)
    let entries = try store.auditEntries(limit: 1000).map { "\($0)" }.joined(separator: "\n")
    return (try store.countDevices(), try store.auditEntryCount(), entries)
  }

  private func assertNoSecret(_ text: String, _ mdm: FakeMDM, line: UInt = #line) {
    for secret in [mdm.secret, mdm.apiToken, "tok-"] {
      XCTAssertFalse(text.contains(secret), "a secret leaked: \(text)", line: line)
    }
  }

  func testSyncGraphStoresEveryPageAndPrintsTheImportSummary() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 5)
    let r = h.run(graph(mdm, h), environment: environment(h, mdm))
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("Fetched 3 pages from graph in 4 requests."), r.out)
    XCTAssertTrue(r.out.contains("Read 5 records: 5 added"), r.out)
    let after = try state(h)
    XCTAssertEqual(after.devices, 5)
    XCTAssertTrue(after.text.contains("graph managedDevices page 1"), after.text)
    assertNoSecret(r.out + r.err + after.text, mdm)
  }

  func testA500OnPage3Exits69NamesThePageAndStoresNothing() throws {
    let h = try CLIHarness()
    let before = try storeWithAnEarlierSync(h)
    let mdm = try FakeMDM(devices: 10)
    mdm.failing = [3: 500]
    let r = h.run(graph(mdm, h), environment: environment(h, mdm))
    XCTAssertEqual(r.status, 69, r.err)
    XCTAssertTrue(
      r.err.contains("graph managedDevices page 3") && r.err.contains("HTTP 500"), r.err)
    XCTAssertTrue(r.err.contains("Nothing was stored."), r.err)
    let after = try state(h)
    XCTAssertEqual(after.devices, before.devices)
    XCTAssertEqual(after.audit, before.audit)
    assertNoSecret(r.out + r.err + after.text, mdm)
  }

  func testACutPageExits65NamesThePageAndStoresNothing() throws {
    let h = try CLIHarness()
    let before = try storeWithAnEarlierSync(h)
    let mdm = try FakeMDM(devices: 6)
    mdm.cutUnannounced = [2]
    let r = h.run(
      ["sync", "jamf", "--url", mdm.base, "--page-size", "2", "--db", h.dbPath],
      environment: environment(h, mdm))
    XCTAssertEqual(r.status, 65, r.err)
    XCTAssertTrue(
      r.err.contains("jamf mobile-devices page 2") && r.err.contains("Nothing was stored."), r.err)
    let after = try state(h)
    XCTAssertEqual(after.devices, before.devices)
    XCTAssertEqual(after.audit, before.audit)
    assertNoSecret(r.out + r.err + after.text, mdm)
  }

  func testAFolderAsCAFileIsAUsageErrorBeforeAnyRequest() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 2)
    let r = h.run(
      ["sync", "fleet", "--url", mdm.base, "--ca-file", h.directory.path, "--db", h.dbPath],
      environment: environment(h, mdm))
    XCTAssertEqual(r.status, 64, r.err)
    XCTAssertTrue(r.err.contains("not a regular file"), r.err)
    XCTAssertEqual(mdm.server.requests.count, 0)
  }

  func testARefusedSecretExits77WithoutShowingIt() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 2)
    var env = environment(h, mdm)
    env["RINGSIDE_JAMF_CLIENT_SECRET"] = mdm.secret + "-old"
    let r = h.run(["sync", "jamf", "--url", mdm.base, "--db", h.dbPath], environment: env)
    XCTAssertEqual(r.status, 77, r.err)
    XCTAssertTrue(r.err.contains("/api/oauth/token answered HTTP 401"), r.err)
    assertNoSecret(r.out + r.err, mdm)
  }

  func testACredentialsFileOthersCanReadIsRefusedWithTheReasonAndUsedOnceMode0600() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 3)
    let folder = h.directory.path + "/.config/ringside/sources"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/kandji.conf"
    try "# Kandji\nurl = \(mdm.base)\ntoken = \(mdm.apiToken)\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    chmod(file, 0o644)
    let env = ["RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources"]
    let refused = h.run(["sync", "kandji", "--db", h.dbPath], environment: env)
    XCTAssertEqual(refused.status, 77, refused.err)
    XCTAssertTrue(
      refused.err.contains("mode 644") && refused.err.contains("chmod 600"), refused.err)
    XCTAssertTrue(mdm.server.requests.isEmpty)
    chmod(file, 0o600)
    let r = h.run(["sync", "kandji", "--db", h.dbPath, "--quiet"], environment: env)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(r.out, "")
    XCTAssertEqual(try state(h).devices, 3)
    assertNoSecret(refused.err + r.out + r.err, mdm)
  }

  func testNoCredentialsAnywhereNamesTheFileAndTheVariables() throws {
    let h = try CLIHarness()
    let shared = h.directory.path + "/shared-sources"
    let r = h.run(
      ["sync", "fleet", "--url", "https://fleet.example.com", "--db", h.dbPath],
      environment: ["RINGSIDE_TEST_SHARED_SOURCES": shared])
    XCTAssertEqual(r.status, 77, r.err)
    XCTAssertTrue(
      r.err.contains(shared + "/fleet.conf") && r.err.contains("$RINGSIDE_FLEET_TOKEN"), r.err)
  }

  func testCheckPrintsWhatTheTokenMayReadAndStoresNothing() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 4)
    let r = h.run(
      ["sync", "jamf", "--check", "--url", mdm.base, "--db", h.dbPath],
      environment: environment(h, mdm))
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("credentials from the environment accepted"), r.out)
    XCTAssertTrue(r.out.contains("api-role:1"), r.out)
    XCTAssertTrue(r.out.contains("jamf mobile-devices page 1"), r.out)
    XCTAssertFalse(CLIHarness.storeExists(at: h.dbPath))
    assertNoSecret(r.out + r.err, mdm)
  }

  func testAnUnknownSourceIsAUsageError() throws {
    let h = try CLIHarness()
    let r = h.run(["sync", "intune", "--db", h.dbPath])
    XCTAssertEqual(r.status, 64, r.err)
    XCTAssertTrue(r.err.contains("graph, jamf, fleet, kandji"), r.err)
  }

  func testProgressShowsPagesOnATerminal() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 5)
    let r = h.run(graph(mdm, h), environment: environment(h, mdm), stderrIsTerminal: true)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.err.contains("graph: 3 pages · 5 devices fetched"), r.err)
  }
}

/// `ringside sync` with the import options it shares with `ringside import`.
final class SyncImportOptionTests: XCTestCase {
  func testDryRunFetchesEveryPageAndStoresNothing() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 4)
    let r = h.run(
      ["sync", "fleet", "--url", mdm.base, "--dry-run", "--db", h.dbPath],
      environment: [
        "RINGSIDE_FLEET_TOKEN": mdm.apiToken,
        "RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources",
      ])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("Read 4 records: 4 added") && r.out.contains("Dry run"), r.out)
    XCTAssertFalse(CLIHarness.storeExists(at: h.dbPath))
  }

  func testRingFromPutsDevicesInTheirMDMGroupsRing() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 2)
    let r = h.run(
      ["sync", "fleet", "--url", mdm.base, "--ring-from", "team_name", "--db", h.dbPath],
      environment: [
        "RINGSIDE_FLEET_TOKEN": mdm.apiToken,
        "RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources",
      ])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("New rings: pilot."), r.out)
  }
}

/// A sync is an import for `check --max-import-age`; a failed one is not.
final class SyncImportAgeTests: XCTestCase {
  func testAStoredSyncCountsAsTheNewestImportAndAFailedOneDoesNot() throws {
    let h = try CLIHarness()
    let mdm = try FakeMDM(devices: 2)
    let env = [
      "RINGSIDE_KANDJI_TOKEN": mdm.apiToken,
      "RINGSIDE_TEST_SHARED_SOURCES": h.directory.path + "/shared-sources",
    ]
    let synced = h.run(["sync", "kandji", "--url", mdm.base, "--db", h.dbPath], environment: env)
    XCTAssertEqual(synced.status, 0, synced.err)
    let later = CLIHarness.now + 5 * 3600
    let fresh = h.run(
      ["check", "--max-import-age", "6", "--db", h.dbPath], now: CLIHarness.now + 3600)
    XCTAssertTrue(fresh.out.contains("last import 1h ago"), fresh.out)
    mdm.failing = [1: 500]
    let failed = h.run(
      ["sync", "kandji", "--url", mdm.base, "--db", h.dbPath], environment: env, now: later)
    XCTAssertEqual(failed.status, 69, failed.err)
    let stale = h.run(["check", "--max-import-age", "3", "--db", h.dbPath], now: later)
    XCTAssertTrue(stale.out.contains("last import 5h ago"), stale.out)
  }
}
