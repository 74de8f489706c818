import Foundation
import RingsideDomain

/// Reads Kandji `GET /api/v1/devices` (a JSON list). Kandji reports
/// `supplemental_os_version_extra` (empty when no RSR is installed) and
/// `supplemental_build_version`; `blueprint_name` is the usual `--ring-from` field.
struct KandjiJSONReader: JSONRecordReader {
  let file: String
  let top: Any

  let recordKeys = ["devices", "results"]

  func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let here = o.location
    let model = try fields.text(try o.string("model"), field: "model", at: here)
    let reported = try fields.text(try o.string("platform"), field: "platform", at: here)
    let platform: Platform
    switch try fields.platform(reported: reported, model: model, field: "platform", at: here) {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an iPhone, iPad or Mac (\(what))")
    case .unknown: throw ImportIssue(here, field: "platform", "unknown platform")
    }
    var version = try fields.version(
      osVersion: try o.string("os_version"), extra: try o.string("supplemental_os_version_extra"),
      build: try o.string("build"), supplementalBuild: try o.string("supplemental_build_version"),
      fields: (
        "os_version", "supplemental_os_version_extra", "build", "supplemental_build_version"
      ), at: here)
    version.platform = platform
    let id = try fields.text(try o.string("device_id"), field: "device_id", at: here)
    let serial = try fields.text(try o.string("serial_number"), field: "serial_number", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    guard
      let name = try fields.text(try o.string("device_name"), field: "device_name", at: here)
        ?? serial ?? id
    else {
      throw ImportIssue(
        here, field: "device_name", "is empty, and so are serial_number and device_id")
    }
    let user: String? =
      if o.raw("user") is [String: Any] {
        try fields.text(
          try o.string("user.email") ?? o.string("user.name"), field: "user.email", at: here)
      } else {
        try fields.text(try o.string("user"), field: "user", at: here)
      }
    return .device(
      ImportRecord(
        location: here, source: .kandji, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(o.raw("is_supervised"), field: "is_supervised", at: here),
        userEnrolled: serial == nil && udid == nil,
        lastCheckIn: try fields.date(
          try o.string("last_check_in"), field: "last_check_in", at: here),
        userName: user, ringLabel: try fields.ringLabel(o, ringFrom: ringFrom)))
  }
}
