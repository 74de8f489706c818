import Foundation
import RingsideStore
import RingsideSync
import XCTest

/// Each vendor client against the local fake MDM: paging, politeness, tokens, and failures
/// that leave the store exactly as it was.
final class SyncClientTests: XCTestCase {
  private func failure(_ result: Result<SyncReport, SyncFailure>) -> SyncFailure? {
    if case .failure(let f) = result { return f }
    XCTFail("the sync should have failed")
    return nil
  }

  private func assertNoSecret(
    _ text: String, _ mdm: FakeMDM, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertFalse(
      text.contains(mdm.secret), "client secret leaked: \(text)", file: file, line: line)
    XCTAssertFalse(text.contains(mdm.apiToken), "API token leaked: \(text)", file: file, line: line)
    XCTAssertFalse(text.contains("tok-"), "access token leaked: \(text)", file: file, line: line)
  }

  // MARK: Paging per vendor

  func testGraphFollowsEveryNextLinkAsksOnlyForTheReadFieldsAndStoresEveryDevice() throws {
    let mdm = try FakeMDM(devices: 5, graphPageSize: 2)
    let f = try SyncFixture()
    guard
      case .success(let report) = f.sync(
        .graph, mdm, options: SyncFixture.options(.graph, mdm, pageSize: nil))
    else {
      return XCTFail(f.log.text)
    }
    XCTAssertEqual(report.pages, 3)
    XCTAssertEqual(report.summary.added, 5)
    XCTAssertEqual(try f.store.countDevices(), 5)
    let pages = mdm.server.requests.filter { $0.path.hasSuffix("managedDevices") }
    XCTAssertEqual(pages.count, 3)
    XCTAssertTrue(pages[0].query["$select"]?.contains("serialNumber") ?? false, pages[0].target)
    XCTAssertNil(pages[0].query["$top"])
    let audit = try f.state().text
    XCTAssertTrue(audit.contains("graph managedDevices page 1 from http://127.0.0.1:"), audit)
    XCTAssertFalse(audit.contains("ringside-sync-"), "the audit names temporary files: \(audit)")
    assertNoSecret(audit + f.log.text, mdm)
  }

  func testJamfReadsMobileDevicesAndComputersByPageAndPageSize() throws {
    let mdm = try FakeMDM(devices: 5)
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.jamf, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(report.summary.added, 5)
    let mobile = mdm.server.requests.filter { $0.path == "/api/v2/mobile-devices/detail" }
    XCTAssertEqual(mobile.map { $0.query["page"] }, ["0", "1", "2"])
    XCTAssertEqual(mobile.first?.query["page-size"], "2")
    XCTAssertEqual(mdm.server.requests.filter { $0.path == "/api/v1/computers-inventory" }.count, 1)
    XCTAssertEqual(mdm.tokenRequests, 1)
  }

  func testFleetPagesByPageAndPerPageUntilAShortPage() throws {
    let mdm = try FakeMDM(devices: 4)
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.fleet, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(report.summary.added, 4)
    // Two full pages, then an empty one ends it.
    XCTAssertEqual(mdm.server.requests.map { $0.query["page"] }, ["0", "1", "2"])
    XCTAssertEqual(mdm.server.requests.first?.query["per_page"], "2")
  }

  func testKandjiPagesByLimitAndOffset() throws {
    let mdm = try FakeMDM(devices: 5)
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.kandji, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(report.summary.added, 5)
    XCTAssertEqual(mdm.server.requests.map { $0.query["offset"] }, ["0", "2", "4"])
  }

  // MARK: Politeness

  func testA429WaitsAsRetryAfterAsksThenContinues() throws {
    let mdm = try FakeMDM(devices: 5)
    mdm.throttle = [2: "1"]
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.kandji, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(f.clock.sleeps, [1])
    XCTAssertEqual(report.summary.added, 5)
    XCTAssertEqual(mdm.server.statuses.filter { $0 == 429 }.count, 1)
  }

  func testA503WithoutRetryAfterBacksOffExponentiallyUpToTheCap() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.unavailable = [1: 5]
    let f = try SyncFixture()
    var options = SyncFixture.options(.fleet, mdm)
    options.policy = RetryPolicy(attempts: 6, baseDelay: 1, maxDelay: 4)
    guard case .success = f.sync(.fleet, mdm, options: options) else { return XCTFail(f.log.text) }
    XCTAssertEqual(f.clock.sleeps, [1, 2, 4, 4, 4])
  }

  func testARetryAfterLongerThanRingsideWaitsFailsAndStoresNothing() throws {
    let mdm = try FakeMDM(devices: 5)
    mdm.throttle = [2: "3600"]
    let f = try SyncFixture()
    guard case .unreachable(let text) = failure(f.sync(.kandji, mdm)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("page 2") && text.contains("Retry-After"), text)
    XCTAssertEqual(f.clock.sleeps, [])
    XCTAssertEqual(try f.store.countDevices(), 0)
  }

  func testTheTotalTimeLimitStopsASyncThatKeepsWaiting() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.unavailable = [1: 100]
    let f = try SyncFixture()
    var options = SyncFixture.options(.kandji, mdm)
    options.policy = RetryPolicy(attempts: 100, baseDelay: 4, maxDelay: 4, timeLimit: 10)
    guard case .unreachable(let text) = failure(f.sync(.kandji, mdm, options: options)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("time limit"), text)
    XCTAssertLessThanOrEqual(f.clock.sleeps.reduce(0, +), 10)
  }

  // MARK: Tokens

  func testATokenThatExpiresMidSyncIsRenewedAndTheSyncCompletes() throws {
    let mdm = try FakeMDM(devices: 6)
    mdm.revokeAfterPage = 1
    let f = try SyncFixture()
    guard case .success(let report) = f.sync(.jamf, mdm) else { return XCTFail(f.log.text) }
    XCTAssertEqual(report.summary.added, 6)
    XCTAssertEqual(mdm.tokenRequests, 2)
    XCTAssertEqual(mdm.server.statuses.filter { $0 == 401 }.count, 1)
  }

  func testTheTokenIsRenewedBeforeItExpires() throws {
    let mdm = try FakeMDM(devices: 6)
    mdm.expiresIn = 100
    let f = try SyncFixture()
    let clock = f.clock
    // Each page takes 40 s: the token (100 s, renewed 25 s early) is renewed before page 3.
    guard case .success = f.sync(.jamf, mdm, onPage: { clock.advance(40) }) else {
      return XCTFail(f.log.text)
    }
    let order = mdm.server.requests.map { r in
      r.method == "POST"
        ? "token"
        : (r.path.hasSuffix("detail") ? "mobile " : "computers ") + (r.query["page"] ?? "")
    }
    XCTAssertEqual(order, ["token", "mobile 0", "mobile 1", "token", "mobile 2", "computers 0"])
    XCTAssertFalse(mdm.server.statuses.contains(401))
  }

  func testRefusedCredentialsFailAsRefusedWithoutShowingTheSecret() throws {
    let mdm = try FakeMDM(devices: 2)
    let f = try SyncFixture()
    var wrong = SyncFixture.credentials(mdm)
    wrong.values["client_secret"] = "wrong-" + mdm.secret
    guard case .refused(let text) = failure(f.sync(.graph, mdm, credentials: wrong)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("invalid_client"), text)
    XCTAssertFalse(text.contains("wrong-"), text)
    assertNoSecret(text, mdm)
  }

  // MARK: Failures store nothing

  /// A store holding one earlier sync, so "untouched" means more than "empty".
  private func seeded() throws -> (SyncFixture, (devices: Int, audit: Int, text: String)) {
    let f = try SyncFixture()
    let earlier = try FakeMDM(devices: 3)
    guard case .success = f.sync(.fleet, earlier) else { throw XCTSkip(f.log.text) }
    return (f, try f.state())
  }

  func testA500OnPage3StoresNothingAndNamesThePage() throws {
    let (f, before) = try seeded()
    let mdm = try FakeMDM(devices: 10, graphPageSize: 2)
    mdm.failing = [3: 500]
    let result = f.sync(.graph, mdm, options: SyncFixture.options(.graph, mdm, pageSize: nil))
    guard case .unreachable(let text) = failure(result) else { return XCTFail(f.log.text) }
    XCTAssertTrue(text.contains("graph managedDevices page 3") && text.contains("HTTP 500"), text)
    let after = try f.state()
    XCTAssertEqual(after.devices, before.devices)
    XCTAssertEqual(after.audit, before.audit)
    assertNoSecret(text + f.log.text + after.text, mdm)
  }

  func testABodyCutShortOfItsLengthIsRetriedThenStoresNothing() throws {
    let (f, before) = try seeded()
    let mdm = try FakeMDM(devices: 6)
    mdm.cut = [2]
    guard case .unreachable(let text) = failure(f.sync(.kandji, mdm)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("kandji devices page 2") && text.contains("ended early"), text)
    XCTAssertEqual(f.clock.sleeps.count, RetryPolicy().attempts - 1)
    XCTAssertEqual(try f.state().devices, before.devices)
    XCTAssertEqual(try f.state().audit, before.audit)
  }

  func testAPageOfCutJSONIsBadDataAndStoresNothing() throws {
    let (f, before) = try seeded()
    let mdm = try FakeMDM(devices: 6)
    mdm.cutUnannounced = [3]
    guard case .badData(let text) = failure(f.sync(.jamf, mdm)) else { return XCTFail(f.log.text) }
    XCTAssertTrue(
      text.contains("jamf mobile-devices page 3") && text.contains("not complete JSON"), text)
    XCTAssertEqual(try f.state().devices, before.devices)
    XCTAssertEqual(try f.state().audit, before.audit)
    assertNoSecret(text, mdm)
  }

  func testAPageLargerThanTheLimitIsRefused() throws {
    let mdm = try FakeMDM(devices: 4)
    let f = try SyncFixture()
    var options = SyncFixture.options(.kandji, mdm)
    options.maxPageBytes = 100
    guard case .badData(let text) = failure(f.sync(.kandji, mdm, options: options)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("page 1") && text.contains("larger than"), text)
  }

  func testPagesAddingUpToMoreThanTheTotalLimitStopTheSyncAndStoreNothing() throws {
    let (f, before) = try seeded()
    let mdm = try FakeMDM(devices: 9)
    var options = SyncFixture.options(.kandji, mdm)
    options.maxTotalBytes = 1000
    guard case .badData(let text) = failure(f.sync(.kandji, mdm, options: options)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("more than 1000 bytes"), text)
    XCTAssertLessThan(mdm.server.requests.count, 5)
    XCTAssertEqual(try f.state().devices, before.devices)
    XCTAssertEqual(try f.state().audit, before.audit)
  }

  func testAnEmptyFleetPageEndsTheSyncEvenWhenItClaimsMore() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.fleetAlwaysMore = true
    let f = try SyncFixture()
    var options = SyncFixture.options(.fleet, mdm)
    options.maxPages = 50
    guard case .success(let report) = f.sync(.fleet, mdm, options: options) else {
      return XCTFail(f.log.text)
    }
    XCTAssertEqual(report.summary.added, 3)
    XCTAssertEqual(mdm.server.requests.map { $0.query["page"] }, ["0", "1", "2"])
  }

  func testANextLinkBackToAnEarlierPageStopsTheSyncAndStoresNothing() throws {
    let mdm = try FakeMDM(devices: 5, graphPageSize: 2)
    mdm.graphLoopTo = 2
    let f = try SyncFixture()
    let result = f.sync(.graph, mdm, options: SyncFixture.options(.graph, mdm, pageSize: nil))
    guard case .badData(let text) = failure(result) else { return XCTFail(f.log.text) }
    XCTAssertTrue(text.contains("links back to an earlier page"), text)
    XCTAssertEqual(try f.store.countDevices(), 0)
  }

  func testPagesWaitInAPrivateFolderAsPrivateFilesAndAreRemovedAfterwards() throws {
    let mdm = try FakeMDM(devices: 5)
    let f = try SyncFixture()
    let parent = f.directory + "/scratch"
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
    var options = SyncFixture.options(.kandji, mdm)
    options.scratchParent = parent
    let seen = SyncLog()
    let result = f.sync(
      .kandji, mdm, options: options,
      onPage: {
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
          var info = stat()
          stat(parent + "/" + folder, &info)
          seen.add("folder \(String(info.st_mode & 0o777, radix: 8))")
          for file in (try? FileManager.default.contentsOfDirectory(atPath: parent + "/" + folder))
            ?? []
          {
            stat(parent + "/" + folder + "/" + file, &info)
            seen.add("file \(String(info.st_mode & 0o777, radix: 8))")
          }
        }
      })
    guard case .success = result else { return XCTFail(f.log.text) }
    XCTAssertEqual(
      Set(seen.text.split(separator: "\n").map(String.init)), ["folder 700", "file 600"])
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), [])
  }

  func testANextLinkToAnotherHostIsNotFollowed() throws {
    let mdm = try FakeMDM(devices: 5)
    mdm.foreignNextLink = true
    let f = try SyncFixture()
    let result = f.sync(.graph, mdm, options: SyncFixture.options(.graph, mdm, pageSize: nil))
    guard case .badData(let text) = failure(result) else { return XCTFail(f.log.text) }
    XCTAssertTrue(text.contains("elsewhere.example"), text)
    XCTAssertFalse(mdm.server.requests.contains { $0.target.contains("elsewhere") })
    XCTAssertEqual(try f.store.countDevices(), 0)
  }

  func testPlainHTTPToAnotherHostIsRefusedBeforeAnyRequest() throws {
    let mdm = try FakeMDM(devices: 1)
    let f = try SyncFixture()
    var options = SyncFixture.options(.fleet, mdm)
    options.baseURL = "http://fleet.example.com"
    guard case .usage(let text) = failure(f.sync(.fleet, mdm, options: options)) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("only https://"), text)
  }

  func testCheckReportsWhatTheTokenMayReadAndStoresNothing() throws {
    let mdm = try FakeMDM(devices: 5)
    let report = try Syncer.check(
      SyncFixture.options(.jamf, mdm), credentials: SyncFixture.credentials(mdm),
      transport: CurlTransport(), clock: FakeClock())
    XCTAssertEqual(report.grants, ["api-role:1"])
    XCTAssertEqual(report.collections.count, 2)
    XCTAssertEqual(
      mdm.server.requests.first { $0.path.hasSuffix("detail") }?.query["page-size"], "1")
  }
}

/// Refusals that must say what to grant, and secrets a server echoes back.
final class SyncRefusalTests: XCTestCase {
  func testA403NamesThePermissionToGrant() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.forbidden = true
    let f = try SyncFixture()
    let result = f.sync(.graph, mdm, options: SyncFixture.options(.graph, mdm, pageSize: nil))
    guard case .failure(.refused(let text)) = result else { return XCTFail(f.log.text) }
    XCTAssertTrue(
      text.contains("HTTP 403") && text.contains("DeviceManagementManagedDevices.Read.All"), text)
  }

  func testAWrongAPITokenIsRefusedNamingThePageWithoutAskingAgain() throws {
    let mdm = try FakeMDM(devices: 3)
    let f = try SyncFixture()
    var wrong = SyncFixture.credentials(mdm)
    wrong.values["token"] = "not-the-token"
    guard case .failure(.refused(let text)) = f.sync(.fleet, mdm, credentials: wrong) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("fleet hosts page 1") && text.contains("HTTP 401"), text)
    XCTAssertEqual(mdm.server.requests.count, 1)
    XCTAssertFalse(text.contains("not-the-token"), text)
  }

  func testASecretTheServerEchoesIsShownAsSecret() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.echoSecretOnRefusal = true
    let f = try SyncFixture()
    var wrong = SyncFixture.credentials(mdm)
    wrong.values["client_secret"] = "echoed-Secret-123"
    guard case .failure(.refused(let text)) = f.sync(.jamf, mdm, credentials: wrong) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("secret [secret] is not valid"), text)
    XCTAssertFalse(text.contains("echoed-Secret-123"), text)
  }

  func testASecretTheServerEchoesPercentEncodedIsShownAsSecret() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.echoFormOnRefusal = true
    let f = try SyncFixture()
    var wrong = SyncFixture.credentials(mdm)
    wrong.values["client_secret"] = "wr/ong+Secret=9"
    guard case .failure(.refused(let text)) = f.sync(.jamf, mdm, credentials: wrong) else {
      return XCTFail(f.log.text)
    }
    // `/`, `+` and `=` are percent-encoded in the form body the server quotes.
    XCTAssertTrue(text.contains("client_secret=[secret]"), text)
    XCTAssertFalse(text.contains("wr%2Fong"), text)
  }

  func testAnAccessTokenTheServerEchoesIsShownAsSecret() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.echoTokenOnFailure = true
    let f = try SyncFixture()
    guard case .failure(.unreachable(let text)) = f.sync(.jamf, mdm) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("backend failed for Bearer [secret]"), text)
    XCTAssertFalse(text.contains("tok-"), text)
  }

  func testAnAccessTokenThatWouldBreakTheHeaderLineIsRefusedBeforeItIsSent() throws {
    let mdm = try FakeMDM(devices: 3)
    mdm.issuedToken = #"tok-1\r\nX-Injected: yes"#
    let f = try SyncFixture()
    guard case .failure(.badData(let text)) = f.sync(.jamf, mdm) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("access_token"), text)
    XCTAssertFalse(mdm.server.requests.contains { $0.headers["x-injected"] != nil })
    XCTAssertEqual(mdm.server.requests.count, 1)
  }
}

/// Failures below HTTP.
final class SyncTransportTests: XCTestCase {
  func testAHostThatDoesNotResolveFailsAtOnceWithoutRetrying() throws {
    let mdm = try FakeMDM(devices: 1)
    let f = try SyncFixture()
    var options = SyncFixture.options(.fleet, mdm)
    options.baseURL = "https://ringside-sync-test.invalid"
    guard case .failure(.unreachable(let text)) = f.sync(.fleet, mdm, options: options) else {
      return XCTFail(f.log.text)
    }
    XCTAssertTrue(text.contains("fleet hosts page 1"), text)
    XCTAssertEqual(f.clock.sleeps, [])
  }

  func testARefusedConnectionIsRetriedWithBackoffThenNamesThePage() throws {
    let f = try SyncFixture()
    var mdm: FakeMDM? = try FakeMDM(devices: 1)
    let credentials = SyncFixture.credentials(mdm!)
    var options = SyncFixture.options(.kandji, mdm!)
    options.policy = RetryPolicy(attempts: 3)
    mdm = nil  // the port is closed now
    guard
      case .failure(.unreachable(let text)) = f.sync(
        .kandji, try FakeMDM(devices: 0), options: options, credentials: credentials)
    else { return XCTFail(f.log.text) }
    XCTAssertTrue(text.contains("kandji devices page 1") && text.contains("3 tries"), text)
    XCTAssertEqual(f.clock.sleeps, [1, 2])
    XCTAssertTrue(f.log.text.contains("waiting 1.0 for kandji devices page 1"), f.log.text)
  }
}
