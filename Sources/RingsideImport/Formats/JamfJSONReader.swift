import Foundation
import RingsideDomain

/// Reads Jamf Pro `GET /api/v2/mobile-devices/detail` and `GET /api/v1/computers-inventory`
/// pages (`{"totalCount", "results": [...]}`). Jamf keeps the RSR letter apart
/// (`osRapidSecurityResponse`, `operatingSystem.rapidSecurityResponse`), so a missing one
/// means none. The version's time is the inventory date, when Jamf last read it.
struct JamfJSONReader: FormatReader {
  let file: String
  let top: Any

  static let attributeLists = [
    "general.extensionAttributes", "hardware.extensionAttributes",
    "userAndLocation.extensionAttributes",
    "operatingSystem.extensionAttributes", "purchasing.extensionAttributes", "extensionAttributes",
  ]

  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
    let fields = FieldReader()
    let items = try StructuredFile.records(top, keys: ["results"], file: file) {
      try emit(.rejected($0))
    }
    for (object, _) in items {
      do {
        let item =
          object.raw("operatingSystem") != nil
          ? try computer(object, ringFrom: ringFrom, fields: fields)
          : try mobile(object, ringFrom: ringFrom, fields: fields)
        try emit(item)
      } catch let issue as ImportIssue {
        try emit(.rejected(issue))
      }
    }
  }

  private func mobile(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem
  {
    let here = o.location
    let model = FieldReader.model(
      name: try fields.text(try o.string("hardware.model"), field: "hardware.model", at: here),
      identifier: try fields.text(
        try o.string("hardware.modelIdentifier"), field: "hardware.modelIdentifier", at: here))
    let reported = try fields.text(try o.string("deviceType"), field: "deviceType", at: here)
    let platform: Platform
    switch try fields.platform(
      reported: reported ?? "iOS", model: model, field: "deviceType", at: here)
    {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an iPhone or iPad (\(what))")
    case .unknown: throw ImportIssue(here, field: "deviceType", "unknown platform")
    }
    var version = try fields.version(
      osVersion: try o.string("general.osVersion"),
      extra: try o.string("general.osRapidSecurityResponse"),
      build: try o.string("general.osBuild"),
      supplementalBuild: try o.string("general.osSupplementalBuildVersion"),
      fields: (
        "general.osVersion", "general.osRapidSecurityResponse", "general.osBuild",
        "general.osSupplementalBuildVersion"
      ), at: here)
    version.platform = platform
    let id = try fields.text(
      try o.string("mobileDeviceId") ?? o.string("id"), field: "mobileDeviceId", at: here)
    let serial = try fields.text(
      try o.string("hardware.serialNumber"), field: "hardware.serialNumber", at: here)
    let udid = try fields.text(try o.string("general.udid"), field: "general.udid", at: here)
    let ownership = try o.string("general.deviceOwnershipType") ?? ""
    guard
      let name = try fields.text(
        try o.string("general.displayName"), field: "general.displayName", at: here)
        ?? serial ?? id
    else {
      throw ImportIssue(
        here, field: "general.displayName", "is empty, and so are the serial and id")
    }
    let user =
      try fields.text(
        try o.string("userAndLocation.emailAddress"), field: "userAndLocation.emailAddress",
        at: here)
      ?? fields.text(
        try o.string("userAndLocation.username"), field: "userAndLocation.username", at: here)
    return .device(
      ImportRecord(
        location: here, source: .jamfMobile, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(
          o.raw("general.supervised"), field: "general.supervised", at: here),
        userEnrolled: ["userenrollment", "accountdrivenuserenrollment"].contains(
          ownership.lowercased())
          || (serial == nil && udid == nil),
        lastCheckIn: try fields.date(
          try o.string("general.lastInventoryUpdateDate") ?? o.string("general.lastContactDate"),
          field: "general.lastInventoryUpdateDate", at: here),
        userName: user,
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom, attributeLists: Self.attributeLists))
    )
  }

  private func computer(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws
    -> ImportItem
  {
    let here = o.location
    let model = FieldReader.model(
      name: try fields.text(try o.string("hardware.model"), field: "hardware.model", at: here),
      identifier: try fields.text(
        try o.string("hardware.modelIdentifier"), field: "hardware.modelIdentifier", at: here))
    var version = try fields.version(
      osVersion: try o.string("operatingSystem.version"),
      extra: try o.string("operatingSystem.rapidSecurityResponse"),
      build: try o.string("operatingSystem.build"),
      supplementalBuild: try o.string("operatingSystem.supplementalBuildVersion"),
      fields: (
        "operatingSystem.version", "operatingSystem.rapidSecurityResponse", "operatingSystem.build",
        "operatingSystem.supplementalBuildVersion"
      ), at: here)
    version.platform = .macOS
    let id = try fields.text(try o.string("id"), field: "id", at: here)
    let serial = try fields.text(
      try o.string("hardware.serialNumber"), field: "hardware.serialNumber", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    guard
      let name = try fields.text(try o.string("general.name"), field: "general.name", at: here)
        ?? serial ?? id
    else {
      throw ImportIssue(here, field: "general.name", "is empty, and so are the serial and id")
    }
    let user =
      try fields.text(
        try o.string("userAndLocation.email"), field: "userAndLocation.email", at: here)
      ?? fields.text(
        try o.string("userAndLocation.username"), field: "userAndLocation.username", at: here)
    return .device(
      ImportRecord(
        location: here, source: .jamfComputer, sourceID: id, serial: serial, udid: udid, name: name,
        platform: .macOS, model: model, version: version,
        supervised: try fields.bool(
          o.raw("general.supervised"), field: "general.supervised", at: here),
        userEnrolled: serial == nil && udid == nil,
        lastCheckIn: try fields.date(
          try o.string("general.reportDate") ?? o.string("general.lastContactTime"),
          field: "general.reportDate", at: here),
        userName: user,
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom, attributeLists: Self.attributeLists))
    )
  }
}
