import Foundation
import RingsideDomain

/// Reads the one-device response of Jamf Pro `GET /api/v2/mobile-devices/{id}/detail`, which is
/// flat, unlike the paged `/api/v2/mobile-devices/detail`: `name`, `serialNumber`, `udid`,
/// `osVersion`, `osRapidSecurityResponse` and `lastInventoryUpdateTimestamp` at the top, the
/// user under `location`, and the model and supervision in a section named by `type` (`ios`,
/// `tvos`, `watchos`, `visionos`). Jamf's own example fills every section, so only the one
/// `type` names is read.
enum JamfMobileDetail {
  /// Top-level members only this shape writes.
  static let markers = ["lastInventoryUpdateTimestamp", "deviceOwnershipLevel"]
  /// The `type` values Jamf documents, each also the name of the section it fills.
  static let types: Set<String> = ["ios", "tvos", "watchos", "visionos", "unknown"]
  /// The top-level members the reader uses.
  static let members: Set<String> = Set(markers).union(types).union([
    "name", "serialNumber", "osVersion", "osBuild", "osSupplementalBuildVersion",
    "osRapidSecurityResponse", "location", "type",
  ])

  /// True for a record in this shape: a documented `type` and one of its own markers.
  static func isDetail(_ o: JSONObject) -> Bool {
    guard case .string(let type)? = o.raw("type"), types.contains(type.lowercased()) else {
      return false
    }
    return markers.contains { o.has($0) } || o.has("osVersion")
  }

  static func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let here = o.location
    let type = try o.string("type")?.lowercased() ?? "unknown"
    let section = types.contains(type) && type != "unknown" ? type + "." : "ios."
    let model = FieldReader.model(
      name: try fields.text(try o.string(section + "model"), field: section + "model", at: here),
      identifier: try fields.text(
        try o.string(section + "modelIdentifier"), field: section + "modelIdentifier", at: here))
    let platform: Platform
    switch try fields.platform(
      reported: type == "unknown" ? nil : type, model: model, field: "type", at: here)
    {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an iPhone or iPad (\(what))")
    case .unknown: throw ImportIssue(here, field: "type", "unknown platform")
    }
    let version = try JamfTopLevelVersion.read(o, platform: platform, fields: fields, at: here)
    let id = try fields.text(try o.string("id"), field: "id", at: here)
    let serial = try fields.text(try o.string("serialNumber"), field: "serialNumber", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    let name = try DeviceIdentity.name(
      try fields.text(try o.string("name"), field: "name", at: here), serial: serial, udid: udid,
      fields: ("name", "serialNumber", "udid"), at: here)
    let ownership = try o.string("deviceOwnershipLevel") ?? ""
    let user =
      try fields.text(
        try o.string("location.emailAddress"), field: "location.emailAddress", at: here)
      ?? fields.text(try o.string("location.username"), field: "location.username", at: here)
    return .device(
      ImportRecord(
        location: here, source: .jamfMobile, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(
          o.raw(section + "supervised"), field: section + "supervised", at: here),
        userEnrolled: JamfOwnership.isUserEnrolled(
          ownership: ownership, serial: serial, udid: udid),
        lastCheckIn: try fields.freshestDate(o, ["lastInventoryUpdateTimestamp"], at: here),
        userName: user,
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom)))
  }
}
