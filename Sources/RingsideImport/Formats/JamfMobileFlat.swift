import Foundation
import RingsideDomain

/// Reads Jamf Pro's flat mobile-device records, whose fields all sit at the top instead of in
/// `general` and `hardware` sections: `GET /api/v2/mobile-devices` and
/// `/api/v2/mobile-devices/{id}` (`id`, `name`, `serialNumber`, `udid`, `model`,
/// `modelIdentifier`, `username`, `"type": "ios"`, and no OS version or check-in at all), and
/// the members of `GET /api/v1/mobile-device-groups/static-group-membership/{id}`
/// (`mobileDeviceId`, `displayName`, `osVersion`, `osRapidSecurityResponse`,
/// `lastInventoryUpdateDate`, `supervised`, ...). A record without a version is stored with
/// its version unknown, as a computer fetched without its `OPERATING_SYSTEM` section is.
enum JamfMobileFlat {
  /// The top-level members the reader uses.
  static let members: Set<String> = [
    "mobileDeviceId", "id", "type", "deviceType", "name", "displayName", "serialNumber", "udid",
    "model", "modelIdentifier", "osVersion", "osRapidSecurityResponse", "osBuild",
    "osSupplementalBuildVersion", "supervised", "deviceOwnershipType", "lastInventoryUpdateDate",
    "lastContactDate", "emailAddress", "username",
  ]
  /// Members only a flat record has at the top; a sectioned record keeps them in `general` or
  /// `hardware`.
  static let flatFields = [
    "serialNumber", "udid", "displayName", "name", "osVersion", "model", "modelIdentifier",
  ]
  /// The sections a sectioned record (mobile device detail, computer inventory) has.
  static let sections = ["general", "hardware", "operatingSystem"]

  /// True for a record with flat fields and none of the sections. A record with
  /// `mobileDeviceId` qualifies on that; one without must name a mobile `type` (`ios`), so a
  /// computer is never taken for it.
  static func isFlat(_ o: JSONObject) -> Bool {
    guard !sections.contains(where: o.has), flatFields.contains(where: o.has) else { return false }
    if o.has("mobileDeviceId") || o.has("deviceType") { return true }
    guard case .string(let type)? = o.raw("type") else { return false }
    return JamfMobileDetail.types.contains(type.lowercased())
  }

  static func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let here = o.location
    let model = FieldReader.model(
      name: try fields.text(try o.string("model"), field: "model", at: here),
      identifier: try fields.text(
        try o.string("modelIdentifier"), field: "modelIdentifier", at: here))
    let typeField = o.has("deviceType") ? "deviceType" : "type"
    let type = try fields.text(try o.string(typeField), field: typeField, at: here)
    let platform: Platform
    switch try fields.platform(
      reported: type?.lowercased() == "unknown" ? nil : type, model: model, field: typeField,
      at: here)
    {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an iPhone or iPad (\(what))")
    case .unknown: throw ImportIssue(here, field: typeField, "unknown platform")
    }
    let version = try JamfTopLevelVersion.read(o, platform: platform, fields: fields, at: here)
    let idField = o.has("mobileDeviceId") ? "mobileDeviceId" : "id"
    let id = try fields.text(try o.string(idField), field: idField, at: here)
    let serial = try fields.text(try o.string("serialNumber"), field: "serialNumber", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    let name = try DeviceIdentity.name(
      try fields.text(try o.string("displayName"), field: "displayName", at: here)
        ?? fields.text(try o.string("name"), field: "name", at: here),
      serial: serial, udid: udid, fields: ("displayName or name", "serialNumber", "udid"),
      at: here)
    let ownership = try o.string("deviceOwnershipType") ?? ""
    let user =
      try fields.text(try o.string("emailAddress"), field: "emailAddress", at: here)
      ?? fields.text(try o.string("username"), field: "username", at: here)
    return .device(
      ImportRecord(
        location: here, source: .jamfMobile, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(o.raw("supervised"), field: "supervised", at: here),
        userEnrolled: JamfOwnership.isUserEnrolled(
          ownership: ownership, serial: serial, udid: udid),
        lastCheckIn: try fields.freshestDate(
          o, ["lastInventoryUpdateDate", "lastContactDate"], at: here),
        userName: user,
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom)))
  }
}
