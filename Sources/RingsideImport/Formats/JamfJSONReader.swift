import Foundation
import RingsideDomain

/// Reads Jamf Pro `GET /api/v2/mobile-devices/detail` and `GET /api/v1/computers-inventory`
/// pages (`{"totalCount", "results": [...]}`) and the single-device responses
/// (`/api/v2/mobile-devices/{id}/detail`, `/api/v1/computers-inventory-detail/{id}`). Jamf keeps
/// the RSR letter apart (`osRapidSecurityResponse`, `operatingSystem.rapidSecurityResponse`).
/// The check-in is the freshest contact time Jamf reports for the device. The mobile-device
/// detail of one device has its own flat shape, read by `JamfMobileDetail`; the flat records
/// of `/api/v2/mobile-devices` and of group memberships are read by `JamfMobileFlat`.
struct JamfJSONReader: JSONRecordReader {
  let file: String
  let source: ByteSource

  let recordKeys = ["results"]
  let singleRecordMarkers =
    [
      "mobileDeviceId", "deviceType", "udid", "general", "operatingSystem",
    ] + JamfMobileDetail.markers
  let keptMembers: Set<String> = Set([
    "mobileDeviceId", "deviceType", "id", "udid", "general", "hardware", "operatingSystem",
    "userAndLocation", "purchasing",
  ]).union(JamfMobileDetail.members).union(JamfMobileFlat.members)

  static let attributeLists = [
    "general.extensionAttributes", "hardware.extensionAttributes",
    "userAndLocation.extensionAttributes",
    "operatingSystem.extensionAttributes", "purchasing.extensionAttributes", "extensionAttributes",
  ]

  /// A page reports `totalCount`, the size of the whole collection, so missing pages show.
  func finished(_ walked: JSONEnvelope.Walked, emit: (ImportItem) throws -> Void) throws {
    guard walked.foundRecords, let total = walked.others["totalCount"]?.count else { return }
    try emit(
      .page(
        ExportPage(
          file: file, format: .jamfJSON, nextLink: nil, count: total, records: walked.records)))
  }

  func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    switch try JamfRecordKind.of(o) {
    case .mobile: try mobile(o, ringFrom: ringFrom, fields: fields)
    case .mobileDetail: try JamfMobileDetail.record(o, ringFrom: ringFrom, fields: fields)
    case .mobileFlat: try JamfMobileFlat.record(o, ringFrom: ringFrom, fields: fields)
    case .computer: try computer(o, ringFrom: ringFrom, fields: fields)
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
      osVersion: try o.versionText("general.osVersion"),
      extra: try o.versionText("general.osRapidSecurityResponse"),
      build: try o.versionText("general.osBuild"),
      supplementalBuild: try o.versionText("general.osSupplementalBuildVersion"),
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
    let name = try DeviceIdentity.name(
      try fields.text(
        try o.string("general.displayName"), field: "general.displayName", at: here),
      serial: serial, udid: udid,
      fields: ("general.displayName", "hardware.serialNumber", "general.udid"), at: here)
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
        userEnrolled: JamfOwnership.isUserEnrolled(
          ownership: ownership, serial: serial, udid: udid),
        lastCheckIn: try fields.freshestDate(
          o, ["general.lastInventoryUpdateDate", "general.lastContactDate"], at: here),
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
      osVersion: try o.versionText("operatingSystem.version"),
      extra: try o.versionText("operatingSystem.rapidSecurityResponse"),
      build: try o.versionText("operatingSystem.build"),
      supplementalBuild: try o.versionText("operatingSystem.supplementalBuildVersion"),
      fields: (
        "operatingSystem.version", "operatingSystem.rapidSecurityResponse", "operatingSystem.build",
        "operatingSystem.supplementalBuildVersion"
      ), at: here)
    version.platform = .macOS
    let id = try fields.text(try o.string("id"), field: "id", at: here)
    let serial = try fields.text(
      try o.string("hardware.serialNumber"), field: "hardware.serialNumber", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    let name = try DeviceIdentity.name(
      try fields.text(try o.string("general.name"), field: "general.name", at: here),
      serial: serial, udid: udid, fields: ("general.name", "hardware.serialNumber", "udid"),
      at: here)
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
        lastCheckIn: try fields.freshestDate(
          o, ["general.lastContactTime", "general.reportDate"], at: here),
        userName: user,
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom, attributeLists: Self.attributeLists))
    )
  }
}

/// Which Jamf endpoint a record came from, by the members only that endpoint writes: mobile
/// devices have `mobileDeviceId` and `deviceType`, with `general` and `hardware` sections or,
/// in a group's membership, every field at the top; one mobile device's detail has `type` and
/// `lastInventoryUpdateTimestamp` or `deviceOwnershipLevel` at the top; `/api/v2/mobile-devices`
/// has a mobile `type` and flat fields; computers have a top-level `udid` and an
/// `operatingSystem` section (present even as `null` when the request left the section out).
enum JamfRecordKind {
  case mobile
  case mobileDetail
  case mobileFlat
  case computer

  static func of(_ o: JSONObject) throws(ImportIssue) -> JamfRecordKind {
    if o.has("mobileDeviceId") || o.has("deviceType") {
      return JamfMobileFlat.isFlat(o) ? .mobileFlat : .mobile
    }
    if JamfMobileDetail.isDetail(o) { return .mobileDetail }
    if JamfMobileFlat.isFlat(o) { return .mobileFlat }
    if o.has("udid") || o.has("operatingSystem") || o.raw("general.lastContactTime") != nil
      || o.raw("general.reportDate") != nil || o.raw("general.platform")?.text == "Mac"
    {
      return .computer
    }
    throw ImportIssue(
      o.location,
      "cannot tell a Jamf mobile device (mobileDeviceId, deviceType) from a computer (udid, operatingSystem): the record has neither"
    )
  }
}
