import Foundation
import RingsideCLI
import RingsideServices
import RingsideStore
import RingsideTestSupport
import XCTest

/// `ringside import` end to end through the command table, then `ringside report`.
final class ImportCommandTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("RingsideImportTests/Fixtures")

  private final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    func out(_ s: String) { lock.withLock { outText += s } }
    func err(_ s: String) { lock.withLock { errText += s } }
    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }
  }

  /// The scratch folder: input files, profiles, the host config's place.
  private var folder = URL(fileURLWithPath: "/nonexistent")
  /// The store (`RINGSIDE_DB`): a file in `folder`, or the test's own PostgreSQL database
  /// under `RINGSIDE_TEST_STORE_BACKEND=postgres`.
  private var database = ""

  override func setUpWithError() throws {
    folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "ringside-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { [folder] in try? FileManager.default.removeItem(at: folder) }
    database =
      TestBackend.isPostgres
      ? try TestPostgres(for: self, prefix: "ringside_cli_import_").url
      : folder.appendingPathComponent("store.db").path
  }

  private static let now = Date(timeIntervalSince1970: 1_717_430_400)

  private func run(_ arguments: [String], now: Date = ImportCommandTests.now) -> (
    status: Int32, out: String, err: String
  ) {
    let output = Output()
    let context = CommandContext(
      environment: [
        "RINGSIDE_DB": database,
        BuiltBinary.hostConfigVariable: folder.appendingPathComponent("host-config.json").path,
      ], now: now,
      out: { output.out($0) }, err: { output.err($0) })
    let status = Ringside.run(arguments, context: context)
    return (status, output.stdout, output.stderr)
  }

  private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

  private func states() throws -> [String: Int] {
    let report = run(["report", "--format", "json"])
    XCTAssertEqual(report.status, 0, report.err)
    let json = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
    return try XCTUnwrap(json?["by_state"] as? [String: Int])
  }

  func testReportAfterImportingTheSamplesShowsTheExpectedStates() throws {
    let samples = [
      "intune-devices.csv", "graph-managedDevices.json", "graph-managedDevices-page2.json",
      "jamf-mobile-devices.json",
    ]
    let result = run(["import", "--ring-from", "Update Ring"] + samples.map(fixture))
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("Jamf Pro"), result.out)
    XCTAssertTrue(result.out.contains("Read 22 records"), result.out)
    // The samples are 2023-2024 fleets (iOS 16.x, macOS 13.x): on today's releases every one
    // of them needs an OS update, whatever letter it reports.
    XCTAssertEqual(
      try states(),
      [
        "current": 0, "rsr-available": 0, "pulled-rsr": 0, "os-update-first": 8, "rsr-removed": 0,
        "unknown": 0,
      ])
    let why = run(["why", "RS-IPH-001", "--wide"])
    XCTAssertEqual(why.status, 0, why.err)
    XCTAssertTrue(why.out.contains("What to do: Update to 27.0.1 (24A446)."), why.out)
    XCTAssertFalse(why.out.contains("this verdict rests on"), why.out)
    // Read two years later, the verdict says it rests on old data.
    let later = run(
      ["why", "RS-IPH-001", "--wide"], now: Date(timeIntervalSince1970: 1_796_000_000)
    ).out
    XCTAssertTrue(later.contains("this verdict rests on what it reported then"), later)
    XCTAssertTrue(
      why.out.contains("iOS 16 no longer gets releases for this model (iPhone14,7)"),
      why.out)
    // Intune and Jamf saw it at the same minute: their lines come in the sources' order.
    // Intune reports no letter, on a release that has RSRs: "(?)", as the device list says.
    let lines = why.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let intune = try XCTUnwrap(
      lines.firstIndex { $0.hasPrefix("intune: 16.4.1 (?) at 2024-06-03") }, why.out)
    let jamf = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("jamf-mobile: 16.4.1 (a) at") })
    XCTAssertEqual(jamf, intune + 1, why.out)
    // The dashboard's device page labels its history as why does.
    let store = try InventoryStore(path: database, readOnly: true)
    let record = try XCTUnwrap(store.findDevices(matching: "ZZRING000001").first)
    let facts = try DeviceFacts.load(record, store: store)
    XCTAssertTrue(facts.historyLabels.contains("16.4.1 (?)"), "\(facts.historyLabels)")
  }

  /// `--wide` prints every cell whole: Intune's marketing names and `removed-anyway` included.
  func testDevicesWideCutsNoCell() throws {
    XCTAssertEqual(run(["import", fixture("intune-devices.csv")]).status, 0)
    let wide = run(["devices", "--wide"])
    XCTAssertEqual(wide.status, 0, wide.err)
    XCTAssertFalse(wide.out.contains("…"), wide.out)
    XCTAssertTrue(wide.out.contains("MacBook Pro (14-inch, 2023)"), wide.out)
  }

  /// `--wide` columns are as wide as their widest cell: a long model no longer shifts the
  /// columns after it on its row.
  func testDevicesWideKeepsEveryColumnAligned() throws {
    XCTAssertEqual(run(["import", fixture("jamf-mobile-devices.json")]).status, 0)
    let lines = run(["devices", "--wide"]).out.split(separator: "\n").map(String.init)
    XCTAssertGreaterThan(lines.count, 2)
    let column = try XCTUnwrap(lines[0].range(of: " os ")).lowerBound.utf16Offset(in: lines[0])
    for line in lines.dropFirst() {
      let prefix = String(line.utf16.prefix(column + 1))!
      XCTAssertTrue(prefix.hasSuffix(" "), "the os column moved: \(line)")
      XCTAssertTrue(String(line.utf16.dropFirst(column + 1))!.first?.isNumber == true, line)
    }
  }

  func testReportAfterImportingEverySourceHasNoUnknownState() throws {
    let files = [
      "intune-devices.zip", "graph-managedDevices.json", "graph-managedDevices-page2.json",
      "jamf-mobile-devices.json",
      "jamf-computers-inventory.json", "fleet-hosts.json", "kandji-devices.json",
      "mdm-device-information.plist",
      "mdm-device-information-many.plist", "mdm-available-os-updates.plist",
    ]
    XCTAssertEqual(run(["import"] + files.map(fixture)).status, 0)
    XCTAssertEqual(
      try states(),
      [
        "current": 0, "rsr-available": 0, "pulled-rsr": 0, "os-update-first": 8, "rsr-removed": 0,
        "unknown": 0,
      ])
  }

  func testAnRSRTheMDMReportsWaitingIsCountedByReportAndCheckAndListedByWhy() throws {
    let files = ["mdm-device-information-many.plist", "mdm-available-os-updates.plist"]
    XCTAssertEqual(run(["import"] + files.map(fixture)).status, 0)
    let report = run(["report"])
    XCTAssertTrue(
      report.out.contains("RSR/BSI waiting to install, as the MDM reports: 1 devices"), report.out)
    XCTAssertTrue(run(["report", "--format", "json"]).out.contains("\"waiting\": 1"))
    let check = run(["check"])
    XCTAssertTrue(check.out.contains(", 1 waiting,"), check.out)
    XCTAssertTrue(check.out.contains(" waiting=1 "), check.out)
    let why = run(["why", "RS-IPH-003"])
    XCTAssertTrue(why.out.contains("Waiting to install  16.5.1 (c)"), why.out)
    // Only security responses count: the plain 17.5.1 update is not listed.
    XCTAssertFalse(why.out.contains("17.5.1"), why.out)
  }

  func testIntuneAloneReportsUnknownLetters() {
    let result = run(["import", fixture("intune-devices.csv")])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(
      result.out.contains(
        "7 devices in the store have an unknown RSR/BSI letter: 7 from Intune or Graph, which report only the base version. Import a source that reports it (Jamf, Fleet, Kandji or MDM)."
      ), result.out)
  }

  func testUnknownLettersFromAnMDMResponseNameTheMDMAndTheMissingKeyNotIntune() {
    let result = run(["import", fixture("published/mdm-device-information-apple-docs.plist")])
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(
      result.out.contains(
        "1 device in the store has an unknown RSR/BSI letter: 1 from MDM responses, without SupplementalOSVersionExtra."
      ), result.out)
    XCTAssertFalse(result.out.contains("Intune"), result.out)
  }

  func testAStaleRecordRepeatedInOneFileIsCountedApartAndNoted() {
    let result = run(["import", fixture("intune-devices.csv")])
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(
      result.out.contains(
        "7 added, 0 updated, 0 unchanged, 1 repeated in the same file, 0 rejected"),
      result.out)
    XCTAssertTrue(result.err.contains("ringside: note: "), result.err)
    XCTAssertFalse(result.err.contains("warning"), result.err)
  }

  func testAFailedImportIntoAStoreThatExistedKeepsIt() throws {
    let store = folder.appendingPathComponent("kept.db").path
    XCTAssertEqual(run(["import", "--db", store, fixture("intune-devices.csv")]).status, 0)
    let bad = folder.appendingPathComponent("bad.csv").path
    try "Device ID,Device name,Serial number,OS,OS version\n1,bad,S1,iOS,16.x\n"
      .write(toFile: bad, atomically: true, encoding: .utf8)
    XCTAssertEqual(run(["import", "--db", store, bad]).status, 65)
    XCTAssertTrue(FileManager.default.fileExists(atPath: store))
    XCTAssertTrue(run(["devices", "--db", store]).out.contains("ZZRING000001"))
  }

  func testBadFileExitsWithDataErrorNamingTheLine() throws {
    let bad = folder.appendingPathComponent("bad.csv").path
    try "Device ID,Device name,Serial number,OS,OS version\n1,ok,S1,iOS,16.5.1\n2,bad,S2,iOS,16.x\n"
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let result = run(["import", bad])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.err.contains("bad.csv:3: field \"OS version\""), result.err)
    XCTAssertTrue(result.err.contains("nothing was stored"), result.err)
    let skipped = run(["import", "--skip-invalid", bad])
    XCTAssertEqual(skipped.status, 0)
    XCTAssertTrue(skipped.err.contains("rejected"), skipped.err)
    XCTAssertTrue(skipped.out.contains("1 added"), skipped.out)
  }

  func testDryRunStoresNothing() {
    let result = run(["import", "--dry-run", fixture("intune-devices.csv")])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.out.contains("Dry run"), result.out)
    XCTAssertFalse(CLIHarness.storeExists(at: database), "a dry run does not create the store")
  }

  func testMissingFileIsNoInputAndUnknownOptionIsUsage() {
    XCTAssertEqual(run(["import", "/nonexistent/file.csv"]).status, 66)
    XCTAssertEqual(run(["import", "--bogus", fixture("intune-devices.csv")]).status, 64)
    XCTAssertEqual(run(["import"]).status, 64)
    XCTAssertEqual(run(["import", "--format", "xml", fixture("intune-devices.csv")]).status, 64)
  }

  func testHelpListsTheFormats() {
    let help = run(["import", "--help"])
    XCTAssertEqual(help.status, 0)
    for format in [
      "intune-csv", "graph-json", "jamf-json", "fleet-json", "kandji-json", "mdm-plist",
    ] {
      XCTAssertTrue(help.out.contains(format), format)
    }
  }

  func testQuietPrintsNothingWhenTheImportSucceeds() {
    let result = run(["import", "--quiet", fixture("intune-devices.csv")])
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertEqual(result.out, "")
    XCTAssertEqual(result.err, "")
  }

  func testQuietStillPrintsErrorsAndWarnings() {
    let bad = run(["import", "--quiet", "/nonexistent/file.csv"])
    XCTAssertEqual(bad.status, 66)
    XCTAssertTrue(bad.err.contains("no such file"), bad.err)
    let page = run(["import", "--quiet", fixture("graph-managedDevices.json")])
    XCTAssertEqual(page.status, 0, page.err)
    XCTAssertEqual(page.out, "")
    XCTAssertTrue(page.err.contains("warning:") && page.err.contains("nextLink"), page.err)
  }

  func testCheckMaxImportAgeGoesFromOKToWarningToCritical() {
    XCTAssertEqual(run(["import", "--quiet", fixture("intune-devices.csv")]).status, 0)
    let hour = 3600.0
    // Only the import age decides here: the 2024 sample fleet is behind on today's releases.
    let only = [
      "--warn-pending", "100", "--crit-pending", "100", "--warn-unknown", "100",
      "--max-catalog-age", "3650",
    ]
    let fresh = run(["check", "--max-import-age", "24"] + only, now: Self.now + 2 * hour)
    XCTAssertTrue(fresh.out.contains("last import 2h ago"), fresh.out)
    XCTAssertTrue(fresh.out.contains("import_age=7200s;86400;172800;0"), fresh.out)
    let late = run(["check", "--max-import-age", "24"] + only, now: Self.now + 30 * hour)
    XCTAssertEqual(late.status, 1, late.out)
    XCTAssertTrue(
      late.out.hasPrefix("RINGSIDE WARNING - last import 30h ago"), late.out)
    let stopped = run(["check", "--max-import-age", "24"] + only, now: Self.now + 50 * hour)
    XCTAssertEqual(stopped.status, 2, stopped.out)
    XCTAssertTrue(stopped.out.contains("RINGSIDE CRITICAL"), stopped.out)
  }

  func testCheckMaxImportAgeIsCriticalWhenNothingWasEverImported() throws {
    _ = try InventoryStore(path: database, create: true)
    let result = run(["check", "--max-import-age", "24"])
    XCTAssertEqual(result.status, 2, result.out)
    XCTAssertTrue(result.out.contains("no import recorded"), result.out)
  }

  func testAnImportThatMovesADeviceBackToItsMDMGroupSaysSo() {
    let csv = fixture("intune-devices.csv")
    XCTAssertEqual(run(["import", "--ring-from", "Category", csv]).status, 0)
    XCTAssertEqual(run(["stage", "move", "--ring", "production", "ZZRING000001"]).status, 0)
    XCTAssertEqual(
      run(["apply", "--out", folder.appendingPathComponent("profiles").path]).status, 0)
    let again = run(["import", "--ring-from", "Category", csv])
    XCTAssertEqual(again.status, 0, again.err)
    XCTAssertTrue(
      again.out.contains(
        "1 device was in another Ringside ring than its MDM group (--ring-from) and moved to the group's ring, e.g. ZZRING000001: production → pilot."
      ), again.out)
  }
}
