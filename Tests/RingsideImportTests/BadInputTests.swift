import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore
import XCTest

/// Bad input is refused with file, place, field and reason, and never leaves partial state.
final class BadInputTests: XCTestCase {
  static let header = [
    "Device ID", "Device name", "Serial number", "OS", "OS version", "Model", "Last check-in",
  ]
  static let good = [
    "id-1", "Good phone", "G1", "iOS/iPadOS", "16.5.1", "iPhone 13", "2024-06-03 08:00:00.0000000",
  ]

  /// A store holding the samples, so a rejected import has rows it must leave alone.
  private func populatedStore() throws -> InventoryStore {
    let store = try Support.store(self)
    try Support.run(store, ["intune-devices.csv", "jamf-mobile-devices.json"].map(Support.fixture))
    return store
  }

  private func rejected(
    _ store: InventoryStore, _ files: [String], _ options: ImportOptions = ImportOptions()
  ) throws
    -> (ImportSummary, [ImportIssue])
  {
    guard case .rejected(let summary, let issues)? = Support.failure(store, files, options) else {
      throw NotFound(name: "rejection", count: 0)
    }
    return (summary, issues)
  }

  func testOneBadRecordStoresNothingAndEveryTableKeepsItsRows() throws {
    let store = try populatedStore()
    let before = try Support.snapshot(store)
    let file = Support.file(
      self, "bad.csv",
      Support.intuneCSV(
        Self.header,
        [Self.good, ["id-2", "Bad phone", "B1", "iOS/iPadOS", "sixteen", "iPhone 13", ""]]))
    let (summary, issues) = try rejected(store, [file, Support.fixture("fleet-hosts.json")])
    XCTAssertEqual(summary.rejected, 1)
    XCTAssertEqual(issues.count, 1)
    XCTAssertEqual(issues[0].location.line, 3)
    XCTAssertEqual(issues[0].field, "OS version")
    XCTAssertTrue(
      issues[0].description.hasPrefix(file + ":3: field \"OS version\": cannot read"),
      issues[0].description)
    XCTAssertEqual(try Support.snapshot(store), before)
  }

  func testSkipInvalidStoresTheGoodRecordsAndReportsEachRejectedOne() throws {
    let store = try Support.store(self)
    let file = Support.file(
      self, "bad.csv",
      Support.intuneCSV(
        Self.header,
        [
          Self.good, ["id-2", "Bad date", "B1", "iOS/iPadOS", "16.5.1", "iPhone 13", "tomorrow"],
          ["id-3", "Bad version", "B2", "iOS/iPadOS", "16.5.x", "iPhone 13", ""],
        ]))
    var reported: [ImportIssue] = []
    let summary = try Support.run(store, [file], ImportOptions(skipInvalid: true)) {
      reported.append($0)
    }
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 2)
    XCTAssertEqual(reported.map(\.field), ["Last check-in", "OS version"])
    XCTAssertEqual(reported.map(\.location.line), [3, 4])
    XCTAssertEqual(try store.countDevices(), 1)
  }

  /// A NUL in a field makes its record invalid on both backends: SQLite kept the text up to
  /// it (the rest lost) and PostgreSQL failed the whole import naming only a column.
  func testANULInAFieldRejectsItsRecordNamingTheFieldAndTheRestIsStored() throws {
    let store = try Support.store(self)
    let record = { (id: String, name: String) in
      """
      {"mobileDeviceId":"\(id)","deviceType":"iOS","hardware":{"serialNumber":"NUL\(id)","model":"iPhone 14"},
       "general":{"displayName":"\(name)","udid":null,"lastInventoryUpdateDate":"2024-06-03T07:00:00Z",
       "osVersion":"16.5.1","osRapidSecurityResponse":null,"supervised":true,"extensionAttributes":[]}}
      """
    }
    let file = Support.file(
      self, "nul.json",
      "{\"totalCount\":2,\"results\":[" + record("1", "Phone \\u0000 one") + ","
        + record("2", "Phone two") + "]}")
    var reported: [ImportIssue] = []
    let summary = try Support.run(store, [file], ImportOptions(skipInvalid: true)) {
      reported.append($0)
    }
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 1)
    XCTAssertEqual(reported.map(\.field), ["general.displayName"])
    XCTAssertTrue(reported.first?.reason.contains("NUL character") ?? false)
    XCTAssertEqual(try store.countDevices(), 1)
    let (_, issues) = try rejected(try Support.store(self), [file])
    XCTAssertEqual(issues.map(\.field), ["general.displayName"])
  }

  func testDryRunReportsButStoresNothing() throws {
    let store = try populatedStore()
    let before = try Support.snapshot(store)
    let summary = try Support.run(
      store, [Support.fixture("fleet-hosts.json")], ImportOptions(dryRun: true))
    XCTAssertFalse(summary.stored)
    XCTAssertEqual(summary.updated, 2)
    XCTAssertEqual(try Support.snapshot(store), before)
  }

  func testRaggedRowIsRejectedWithItsLine() throws {
    let store = try Support.store(self)
    let text = Support.intuneCSV(Self.header, [Self.good]) + "\"id-9\",\"short\"\r\n"
    let (_, issues) = try rejected(store, [Support.file(self, "ragged.csv", text)])
    XCTAssertEqual(issues[0].location.line, 3)
    XCTAssertTrue(issues[0].reason.contains("has 2 fields, the header has 7"), issues[0].reason)
    XCTAssertEqual(try store.countDevices(), 0)
  }

  func testTenMegabyteFieldIsRejectedNotLoaded() throws {
    let store = try Support.store(self)
    var row = Self.good
    row[1] = String(repeating: "A", count: 10 << 20)
    let (_, issues) = try rejected(
      store, [Support.file(self, "huge.csv", Support.intuneCSV(Self.header, [Self.good, row]))])
    XCTAssertEqual(issues[0].location.line, 3)
    XCTAssertTrue(issues[0].reason.contains("longer than"), issues[0].reason)
  }

  func testLongNameInJSONIsRejected() throws {
    let store = try Support.store(self)
    let name = String(repeating: "n", count: 5000)
    let json =
      #"{"value":[{"id":"1","deviceName":"\#(name)","operatingSystem":"iOS","osVersion":"16.5.1","serialNumber":"S1"}]}"#
    let (_, issues) = try rejected(store, [Support.file(self, "long.json", json)])
    XCTAssertEqual(issues[0].field, "deviceName")
    XCTAssertEqual(issues[0].location.path, "value[0]")
  }

  func testTruncatedCSVQuoteIsAFileError() throws {
    let store = try populatedStore()
    let before = try Support.snapshot(store)
    let text = Support.intuneCSV(Self.header, [Self.good]) + "\"id-2\",\"cut off"
    guard case .file(let issue, _)? = Support.failure(store, [Support.file(self, "cut.csv", text)])
    else {
      return XCTFail("expected a file error")
    }
    XCTAssertEqual(issue.location.line, 3)
    XCTAssertTrue(issue.reason.contains("truncated"), issue.reason)
    XCTAssertEqual(try Support.snapshot(store), before)
  }

  func testTruncatedJSONIsAFileError() throws {
    let store = try Support.store(self)
    let text = try String(
      contentsOfFile: Support.fixture("jamf-mobile-devices.json"), encoding: .utf8)
    let cut = Support.file(self, "cut.json", String(text.prefix(5000)))
    guard
      case .file(let issue, _)? = Support.failure(store, [cut], ImportOptions(format: .jamfJSON))
    else {
      return XCTFail("expected a file error")
    }
    XCTAssertTrue(issue.reason.contains("truncated"), issue.reason)
  }

  func testUTF16FileIsRefusedWithAHint() throws {
    let store = try Support.store(self)
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in Support.intuneCSV(Self.header, [Self.good], bom: false).utf16 {
      utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    guard
      case .file(let issue, _)? = Support.failure(
        store, [Support.file(self, "utf16.csv", bytes: utf16)])
    else {
      return XCTFail("expected a file error")
    }
    XCTAssertTrue(issue.reason.contains("UTF-16"), issue.reason)
  }

  func testLatin1FieldIsRejectedAsNotUTF8() throws {
    let store = try Support.store(self)
    var bytes = Array(Support.intuneCSV(Self.header, [Self.good]).utf8)
    bytes +=
      Array("\"id-2\",\"Caf".utf8) + [0xE9]
      + Array("\",\"S2\",\"iOS/iPadOS\",\"16.5.1\",\"iPhone\",\"\"\r\n".utf8)
    let (_, issues) = try rejected(store, [Support.file(self, "latin1.csv", bytes: bytes)])
    XCTAssertEqual(issues[0].field, "Device name")
    XCTAssertTrue(issues[0].reason.contains("UTF-8"))
  }

  func testUnknownFormatListsWhatWasLookedFor() throws {
    let store = try Support.store(self)
    guard
      case .file(let issue, _)? = Support.failure(
        store, [Support.file(self, "notes.txt", "hello,world\n1,2\n")])
    else {
      return XCTFail("expected a file error")
    }
    for format in ImportFormat.allCases {
      XCTAssertTrue(issue.reason.contains(format.rawValue), format.rawValue)
    }
  }

  func testMissingFileIsNoInput() throws {
    let store = try Support.store(self)
    guard case .file(_, let missing)? = Support.failure(store, ["/nonexistent/devices.csv"]) else {
      return XCTFail("expected a file error")
    }
    XCTAssertTrue(missing)
  }

  func testDamagedZipIsRefused() throws {
    let store = try Support.store(self)
    var bytes = [UInt8](
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("intune-devices.zip"))))
    bytes[200] ^= 0xFF
    guard case .file? = Support.failure(store, [Support.file(self, "damaged.zip", bytes: bytes)])
    else {
      return XCTFail("expected a file error")
    }
    XCTAssertEqual(try store.countDevices(), 0)
  }

  func testZipChecksumMismatchIsReportedAsDamage() throws {
    let store = try Support.store(self)
    var bytes = [UInt8](
      try Data(contentsOf: URL(fileURLWithPath: Support.fixture("intune-devices-stored.zip"))))
    let directory = try XCTUnwrap(
      (0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == [0x50, 0x4B, 1, 2] },
      "central directory entry")
    bytes[directory + 16] ^= 0xFF
    guard
      case .file(let issue, _)? = Support.failure(
        store, [Support.file(self, "crc.zip", bytes: bytes)])
    else {
      return XCTFail("expected a file error")
    }
    XCTAssertTrue(issue.reason.contains("damaged"), issue.reason)
    XCTAssertEqual(try store.countDevices(), 0)
  }

  func testHeadersMatchAliasesInAnyOrderAndCase() throws {
    let store = try Support.store(self)
    let header = [
      "os VERSION", "Microsoft Entra Device ID", "SERIALNUMBER", "DeviceName", "LastContact",
      "Model",
    ]
    let file = Support.file(
      self, "aliases.csv",
      Support.intuneCSV(
        header, [["17.5.1", "e-1", "s9", "Renamed export", "2024-06-03T08:00:00Z", "iPhone 15"]],
        bom: false
      )
      .replacingOccurrences(of: "\r\n", with: "\n"))
    let summary = try Support.run(store, [file])
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "S9").device
    XCTAssertEqual(d.name, "Renamed export")
    XCTAssertEqual(d.platform, .iOS)
    XCTAssertEqual(d.version.rsr, .unknown)
    XCTAssertNil(d.supervised, "no Supervised column: unknown, not false")
  }

  func testEmbeddedNewlinesAndQuotesInNames() throws {
    let store = try Support.store(self)
    var row = Self.good
    row[1] = "Lab \"A\", shelf\n2"
    try Support.run(
      store, [Support.file(self, "quotes.csv", Support.intuneCSV(Self.header, [row]))])
    XCTAssertEqual(try Support.device(store, "G1").device.name, "Lab \"A\", shelf\n2")
  }

  func testNonAppleDevicesAreSkippedNotRejected() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store,
      [
        Support.file(
          self, "mixed.csv",
          Support.intuneCSV(
            Self.header,
            [Self.good, ["id-w", "PC", "W1", "Windows", "10.0.22631.3593", "Surface", ""]]))
      ])
    XCTAssertEqual(summary.skipped, 1)
    XCTAssertEqual(summary.added, 1)
  }

  func testControlCharactersInMessagesAreShownNotSent() throws {
    let store = try Support.store(self)
    let (_, issues) = try rejected(
      store,
      [
        Support.file(
          self, "esc.csv",
          Support.intuneCSV(Self.header, [["id", "n", "S", "iOS", "\u{1B}[2J16", "iPhone", ""]]))
      ])
    XCTAssertFalse(issues[0].description.contains("\u{1B}"))
    XCTAssertTrue(issues[0].description.contains("^["))
  }

  func testBadRecordInAPlistArrayIsNamedByIndex() throws {
    let store = try Support.store(self)
    let plist = """
      <?xml version="1.0" encoding="UTF-8"?>
      <plist version="1.0"><array>
      <dict><key>UDID</key><string>U1</string><key>QueryResponses</key><dict>
        <key>DeviceName</key><string>One</string><key>ProductName</key><string>iPhone15,2</string>
        <key>OSVersion</key><string>17.5.1</string><key>SerialNumber</key><string>P1</string></dict></dict>
      <dict><key>UDID</key><string>U2</string><key>QueryResponses</key><dict>
        <key>DeviceName</key><string>Two</string><key>ProductName</key><string>iPhone15,2</string>
        <key>OSVersion</key><string>17.5.1</string><key>SupplementalOSVersionExtra</key><string>(abc)</string>
        <key>SerialNumber</key><string>P2</string></dict></dict>
      </array></plist>
      """
    let (_, issues) = try rejected(store, [Support.file(self, "many.plist", plist)])
    XCTAssertEqual(issues.count, 1)
    XCTAssertEqual(issues[0].location.path, "[1]")
    XCTAssertEqual(issues[0].field, "SupplementalOSVersionExtra")
  }

  func testTruncatedPlistIsAFileError() throws {
    let store = try Support.store(self)
    let text = try String(
      contentsOfFile: Support.fixture("mdm-device-information.plist"), encoding: .utf8)
    guard
      case .file? = Support.failure(
        store, [Support.file(self, "cut.plist", String(text.prefix(300)))])
    else {
      return XCTFail("expected a file error")
    }
  }
}
