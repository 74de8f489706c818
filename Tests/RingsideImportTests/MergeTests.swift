import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore
import XCTest

/// Devices seen by several records merge by the rules in DeviceMerge, in either import order.
final class MergeTests: XCTestCase {
  static let intuneHeader = [
    "Device ID", "Device name", "Serial number", "OS", "OS version", "Model", "Last check-in",
    "Category",
  ]

  private func intune(_ rows: [[String]]) -> String {
    Support.file(self, "intune.csv", Support.intuneCSV(Self.intuneHeader, rows))
  }

  private func jamf(
    serial: String, version: String, extra: String?, build: String, supplemental: String,
    at date: String, ring: String? = nil, model: String = "iPhone 14",
    modelIdentifier: String? = nil
  ) -> String {
    let extraJSON = extra.map { "\"\($0)\"" } ?? "null"
    let identifierJSON = modelIdentifier.map { #","modelIdentifier":"\#($0)""# } ?? ""
    let ea =
      ring.map { #"[{"id":"7","name":"Update Ring","type":"STRING","value":["\#($0)"]}]"# } ?? "[]"
    let text = """
      {"totalCount":1,"results":[{"mobileDeviceId":"1","deviceType":"iOS",
       "hardware":{"serialNumber":"\(serial)","model":"\(model)"\(identifierJSON)},
       "general":{"displayName":"Phone \(serial)","udid":null,"lastInventoryUpdateDate":"\(date)","osVersion":"\(version)",
         "osRapidSecurityResponse":\(extraJSON),"osBuild":"\(build)","osSupplementalBuildVersion":"\(supplemental)",
         "supervised":true,"extensionAttributes":\(ea)}}]}
      """
    return Support.file(self, "jamf-\(UUID().uuidString).json", text)
  }

  func testIntuneLetterNeverErasesJamfLetter() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: "(a)", build: "20E252",
          supplemental: "20E772520a", at: "2024-06-03T07:00:00Z")
      ])
    try Support.run(
      store,
      [
        intune([
          [
            "id-1", "Phone", "S1", "iOS/iPadOS", "16.4.1", "iPhone 14",
            "2024-06-03 08:00:00.0000000", "",
          ]
        ])
      ])
    let d = try Support.device(store, "S1").device
    XCTAssertEqual(d.version.displayString, "16.4.1 (a)")
    XCTAssertEqual(d.version.supplementalBuild?.text, "20E772520a")
    XCTAssertEqual(d.lastCheckIn, DateValue.parse2("2024-06-03T08:00:00Z"))
  }

  func testANewerMarketingNameNeverErasesTheModelIdentifierAnotherSourceReported() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        jamf(
          serial: "S9", version: "17.5.1", extra: nil, build: "21F90", supplemental: "21F90",
          at: "2024-06-03T07:00:00Z", model: "iPhone 15", modelIdentifier: "iPhone15,4")
      ])
    XCTAssertEqual(try Support.device(store, "S9").device.model, "iPhone 15 (iPhone15,4)")
    try Support.run(
      store,
      [
        intune([
          [
            "id-9", "Phone S9", "S9", "iOS/iPadOS", "17.5.1", "iPhone 15",
            "2024-06-04 08:00:00.0000000", "",
          ]
        ])
      ])
    let d = try Support.device(store, "S9").device
    XCTAssertEqual(d.model, "iPhone 15 (iPhone15,4)")
    XCTAssertEqual(d.lastCheckIn, DateValue.parse2("2024-06-04T08:00:00Z"))
    XCTAssertEqual(DeviceMerge.model(newer: "iPhone 16", older: "iPhone 15"), "iPhone 16")
    XCTAssertEqual(
      DeviceMerge.model(newer: "iPhone17,3", older: "iPhone 15 (iPhone15,4)"), "iPhone17,3")
  }

  func testJamfLetterFillsIntuneUnknownEvenWhenOlder() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        intune([
          [
            "id-1", "Phone", "S1", "iOS/iPadOS", "16.4.1", "iPhone 14",
            "2024-06-03 08:00:00.0000000", "",
          ]
        ])
      ])
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: "(a)", build: "20E252",
          supplemental: "20E772520a", at: "2024-06-03T07:00:00Z")
      ])
    XCTAssertEqual(try Support.device(store, "S1").device.version.displayString, "16.4.1 (a)")
  }

  func testNewestCheckInWinsForTheVersion() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        intune([
          [
            "id-1", "Phone", "S1", "iOS/iPadOS", "16.5.1", "iPhone 14",
            "2024-06-03 08:00:00.0000000", "",
          ]
        ])
      ])
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: "(a)", build: "20E252",
          supplemental: "20E772520a", at: "2024-05-01T07:00:00Z")
      ])
    XCTAssertEqual(try Support.device(store, "S1").device.version.base?.description, "16.5.1")
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "17.5.1", extra: nil, build: "21F90", supplemental: "21F90",
          at: "2024-07-01T07:00:00Z")
      ])
    XCTAssertEqual(try Support.device(store, "S1").device.version.displayString, "17.5.1")
  }

  func testIntuneOnANewerBaseReplacesTheLetterWithUnknown() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: "(a)", build: "20E252",
          supplemental: "20E772520a", at: "2024-06-01T07:00:00Z")
      ])
    try Support.run(
      store,
      [
        intune([
          [
            "id-1", "Phone", "S1", "iOS/iPadOS", "16.5.1", "iPhone 14",
            "2024-06-03 08:00:00.0000000", "",
          ]
        ])
      ])
    let v = try Support.device(store, "S1").device.version
    XCTAssertEqual(v.base?.description, "16.5.1")
    XCTAssertEqual(v.rsr, .unknown)
  }

  func testStaleDuplicateInOneFileKeepsTheNewestWhicheverComesFirst() throws {
    for rows in [
      [
        [
          "id-new", "Pad", "S5", "iOS/iPadOS", "16.5.1", "iPad (10th generation)",
          "2024-06-01 18:44:21.0000000", "",
        ],
        [
          "id-old", "Pad", "S5", "iOS/iPadOS", "16.4.1", "iPad (10th generation)",
          "2023-09-17 16:20:05.0000000", "",
        ],
      ],
      [
        [
          "id-old", "Pad", "S5", "iOS/iPadOS", "16.4.1", "iPad (10th generation)",
          "2023-09-17 16:20:05.0000000", "",
        ],
        [
          "id-new", "Pad", "S5", "iOS/iPadOS", "16.5.1", "iPad (10th generation)",
          "2024-06-01 18:44:21.0000000", "",
        ],
      ],
    ] {
      let store = try Support.store(self)
      try Support.run(store, [intune(rows)])
      let d = try Support.device(store, "S5")
      XCTAssertEqual(d.device.version.base?.description, "16.5.1")
      XCTAssertEqual(try store.countDevices(), 1)
      XCTAssertEqual(d.device.lastCheckIn, DateValue.parse2("2024-06-01T18:44:21Z"))
    }
  }

  func testRSRRemovalIsKeptInHistoryAndDerived() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: "(a)", build: "20E252",
          supplemental: "20E772520a", at: "2024-06-01T07:00:00Z")
      ])
    try Support.run(
      store,
      [
        jamf(
          serial: "S1", version: "16.4.1", extra: nil, build: "20E252", supplemental: "20E252",
          at: "2024-06-02T07:00:00Z")
      ])
    let d = try Support.device(store, "S1")
    XCTAssertEqual(d.device.removedLetter, "a")
    XCTAssertEqual(d.state, .rsrRemoved)
    XCTAssertEqual(
      try store.history(deviceID: d.id).map(\.version.displayString), ["16.4.1 (a)", "16.4.1"])
  }

  func testReimportingTheSameFileChangesNothing() throws {
    let store = try Support.store(self)
    let file = Support.fixture("intune-devices.csv")
    try Support.run(store, [file])
    // The second import is audited like every import; every other table stays as it was.
    let compared = { (t: String) in !["device_sources", "audit_log", "meta"].contains(t) }
    let before = try Support.snapshot(store).filter { compared($0.key) }
    let summary = try Support.run(store, [file])
    XCTAssertEqual(summary.added + summary.updated, 0)
    XCTAssertEqual(summary.unchanged, 7)
    XCTAssertEqual(summary.repeated, 1, "the stale re-enrolment record of one device")
    XCTAssertEqual(try Support.snapshot(store).filter { compared($0.key) }, before)
  }

  func testDevicesKeepTheirRingOnReimportUnlessTold() throws {
    let store = try Support.store(self)
    let file = Support.fixture("intune-devices.csv")
    try Support.run(store, [file], ImportOptions(ringFrom: "Category"))
    XCTAssertEqual(try Support.device(store, "RS-IPH-001").device.ring, "pilot")
    try Support.run(store, [file])
    XCTAssertEqual(try Support.device(store, "RS-IPH-001").device.ring, "pilot")
    try Support.run(store, [file], ImportOptions(ring: "test"))
    XCTAssertEqual(try Support.device(store, "RS-IPH-001").device.ring, "test")
  }

  func testRingFromCreatesMissingRingsAtTheEnd() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.fixture("intune-devices.csv")], ImportOptions(ringFrom: "category"))
    XCTAssertEqual(summary.newRings, ["pilot"])
    XCTAssertEqual(try store.rings().map(\.name), ["test", "production", "pilot"])
    XCTAssertEqual(try Support.device(store, "RS-MAC-002").device.ring, "production")
    XCTAssertEqual(
      try Support.device(store, "Contractor’s iPad").device.ring, "production",
      "no category: the default ring")
  }

  func testRingFromAJamfExtensionAttribute() throws {
    let store = try Support.store(self)
    try Support.run(
      store, [Support.fixture("jamf-mobile-devices.json")], ImportOptions(ringFrom: "Update Ring"))
    XCTAssertEqual(try Support.device(store, "RS-IPH-002").device.ring, "pilot")
    XCTAssertEqual(try Support.device(store, "RS-IPH-004").device.ring, "production")
  }

  func testRingFromGraphCategoryTreatsUnknownAsNoCategory() throws {
    let store = try Support.store(self)
    try Support.run(
      store, ["graph-managedDevices.json", "graph-managedDevices-page2.json"].map(Support.fixture),
      ImportOptions(ringFrom: "deviceCategoryDisplayName"))
    XCTAssertEqual(try Support.device(store, "RS-IPH-001").device.ring, "pilot")
    XCTAssertEqual(try Support.device(store, "RS-MAC-002").device.ring, "production")
    XCTAssertEqual(try Support.device(store, "Contractor’s iPad").device.ring, "production")
    XCTAssertEqual(try store.rings().map(\.name), ["test", "production", "pilot"])
  }

  func testRingFromKandjiBlueprintName() throws {
    let store = try Support.store(self)
    try store.addRing(named: "pilot")
    try Support.run(
      store, [Support.fixture("kandji-devices.json")], ImportOptions(ringFrom: "blueprint_name"))
    XCTAssertEqual(try Support.device(store, "RS-IPH-003").device.ring, "production")
  }

  func testNewDevicesWithoutARingGoToProduction() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.fixture("graph-managedDevices.json")])
    XCTAssertEqual(Set(try store.devices(limit: 100).map(\.device.ring)), ["production"])
  }

  func testRingAndRingFromExcludeEachOther() throws {
    let store = try Support.store(self)
    guard
      case .usage? = Support.failure(
        store, [Support.fixture("intune-devices.csv")],
        ImportOptions(ring: "test", ringFrom: "Category"))
    else {
      return XCTFail("expected a usage error")
    }
  }

  func testMergeRulesArePure() {
    let old = try! AppleOSVersion.parse("16.4.1 (a)")
    let intune = try! AppleOSVersion.parse("16.4.1", missingLetter: .unknown)
    XCTAssertEqual(DeviceMerge.version(newer: intune, older: old).rsr, .letter("a"))
    XCTAssertEqual(DeviceMerge.version(newer: old, older: intune).rsr, .letter("a"))
    var otherBuild = intune
    otherBuild.build = try! AppleBuild("20E999")
    var withBuild = old
    withBuild.build = try! AppleBuild("20E252")
    XCTAssertEqual(
      DeviceMerge.version(newer: otherBuild, older: withBuild).rsr, .unknown,
      "a different build is a different release")
    XCTAssertTrue(DeviceMerge.isNewer(nil, than: nil))
    XCTAssertFalse(DeviceMerge.isNewer(nil, than: Date()))
  }
}

extension DateValue {
  /// Test shorthand: the date, or nil when it cannot be read.
  static func parse2(_ text: String) -> Date? { (try? parse(text)) ?? nil }
}
