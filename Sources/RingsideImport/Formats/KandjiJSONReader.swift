import Foundation
import RingsideDomain

/// Reads Kandji `GET /api/v1/devices` (a JSON list), one device of it, or
/// `GET /api/v1/devices/{id}/details` (sections `general`, `mdm`, `hardware_overview`...).
/// Kandji reports `supplemental_os_version_extra` (empty when no RSR is installed) and
/// `supplemental_build_version`; `blueprint_name` is the usual `--ring-from` field. The model
/// keeps its identifier (`hardware_overview.model_identifier`), which tells the releases the
/// hardware runs, and the details' `system_version` gives the build (`KandjiSystemVersion`).
struct KandjiJSONReader: JSONRecordReader {
  let file: String
  let source: ByteSource

  let recordKeys = ["devices", "results"]
  let singleRecordMarkers = ["device_id", "general"]
  let keptMembers: Set<String> = [
    "model", "model_identifier", "platform", "os_version", "supplemental_os_version_extra",
    "build", "supplemental_build_version", "device_id", "serial_number", "udid", "device_name",
    "user", "is_supervised", "last_check_in", "general", "mdm", "hardware_overview",
    "kandji_agent",
  ]

  /// Where each field sits in the list shape and in the device-details shape.
  private struct Paths {
    let id, name, model, modelIdentifier, platform, osVersion, extra, build, supplemental: String
    let serial, udid, supervised, user: String
    let checkIns: [String]
    /// System Information's "System Version", with the build: the details only.
    var systemVersion: String?

    static let list = Paths(
      id: "device_id", name: "device_name", model: "model", modelIdentifier: "model_identifier",
      platform: "platform", osVersion: "os_version", extra: "supplemental_os_version_extra",
      build: "build", supplemental: "supplemental_build_version", serial: "serial_number",
      udid: "udid", supervised: "is_supervised", user: "user", checkIns: ["last_check_in"])
    static let details = Paths(
      id: "general.device_id", name: "general.device_name", model: "general.model",
      modelIdentifier: "hardware_overview.model_identifier", platform: "general.platform",
      osVersion: "general.os_version", extra: "general.supplemental_os_version_extra",
      build: "general.build", supplemental: "general.supplemental_build_version",
      serial: "hardware_overview.serial_number", udid: "hardware_overview.udid",
      supervised: "mdm.supervised", user: "general.assigned_user",
      checkIns: ["mdm.last_check_in", "kandji_agent.last_check_in"],
      systemVersion: "general.system_version")
  }

  func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let here = o.location
    let details = o.raw("general")?.members != nil
    let p = details ? Paths.details : Paths.list
    let model = FieldReader.model(
      name: try fields.text(try o.string(p.model), field: p.model, at: here),
      identifier: try fields.text(
        try o.string(p.modelIdentifier), field: p.modelIdentifier, at: here))
    let reported = try fields.text(try o.string(p.platform), field: p.platform, at: here)
    let platform: Platform
    switch try fields.platform(reported: reported, model: model, field: p.platform, at: here) {
    case .apple(let a): platform = a
    case .notApple(let what): return .skipped(here, reason: "not an iPhone, iPad or Mac (\(what))")
    case .unknown: throw ImportIssue(here, field: p.platform, "unknown platform")
    }
    var version = try fields.version(
      osVersion: try o.versionText(p.osVersion), extra: try o.versionText(p.extra),
      build: try o.versionText(p.build), supplementalBuild: try o.versionText(p.supplemental),
      fields: (p.osVersion, p.extra, p.build, p.supplemental), at: here)
    if let path = p.systemVersion,
      let shown = try fields.text(try o.versionText(path), field: path, at: here)
    {
      version = KandjiSystemVersion.filling(version, from: shown)
    }
    version.platform = platform
    let id = try fields.text(try o.string(p.id), field: p.id, at: here)
    let serial = try fields.text(try o.string(p.serial), field: p.serial, at: here)
    let udid = try fields.text(try o.string(p.udid), field: p.udid, at: here)
    let name = try DeviceIdentity.name(
      try fields.text(try o.string(p.name), field: p.name, at: here), serial: serial, udid: udid,
      fields: (p.name, p.serial, p.udid), at: here)
    let user: String? =
      if o.raw(p.user)?.members != nil {
        try fields.text(
          try o.string(p.user + ".email") ?? o.string(p.user + ".name"), field: p.user + ".email",
          at: here)
      } else {
        try fields.text(try o.string(p.user), field: p.user, at: here)
      }
    var ring = try fields.ringLabel(o, ringFrom: ringFrom)
    if ring == nil, details, let general = try o.object("general") {
      ring = try fields.ringLabel(general, ringFrom: ringFrom)
    }
    return .device(
      ImportRecord(
        location: here, source: .kandji, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(o.raw(p.supervised), field: p.supervised, at: here),
        userEnrolled: serial == nil && udid == nil,
        lastCheckIn: try fields.freshestDate(o, p.checkIns, at: here),
        userName: user, ringLabel: ring))
  }
}
