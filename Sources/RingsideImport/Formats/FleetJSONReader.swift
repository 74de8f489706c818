import Foundation
import RingsideDomain

/// Reads Fleet `GET /api/v1/fleet/hosts` (`{"hosts": [...]}`) or one host (`{"host": {...}}`).
/// Fleet writes the letter into `os_version` (`macOS 14.3.1 (a)`) and may add
/// `supplemental_os_version_extra` and `supplemental_build_version`; hosts that are not Apple
/// devices are skipped. The check-in is the later of `seen_time` (the host last talked to
/// Fleet) and `detail_updated_at`; the user is the first of `end_users` (`GET /hosts/{id}`).
struct FleetJSONReader: JSONRecordReader {
  let file: String
  let source: ByteSource

  let recordKeys = ["hosts", "host"]
  let singleRecordMarkers = ["hardware_serial", "osquery_version"]
  let keptMembers: Set<String> = [
    "hardware_model", "platform", "os_version", "supplemental_os_version_extra", "build",
    "supplemental_build_version", "id", "hardware_serial", "uuid", "mdm", "display_name",
    "computer_name", "hostname", "seen_time", "detail_updated_at", "end_users",
  ]

  func record(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let here = o.location
    let model = try fields.text(try o.string("hardware_model"), field: "hardware_model", at: here)
    let reported = try fields.text(try o.string("platform"), field: "platform", at: here)
    let platform: Platform
    switch try fields.platform(reported: reported, model: model, field: "platform", at: here) {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an Apple device (\(what))")
    case .unknown: throw ImportIssue(here, field: "platform", "unknown platform")
    }
    var version = try fields.version(
      try o.versionText("os_version"), missingLetter: .none, field: "os_version", at: here)
    if let extra = try o.versionText("supplemental_os_version_extra") {
      do {
        let mark = try RSRMark.parse(extra)
        if mark != .none { version.rsr = mark }
      } catch {
        throw ImportIssue(here, field: "supplemental_os_version_extra", error.description)
      }
    }
    do {
      if let b = try fields.text(try o.versionText("build"), field: "build", at: here) {
        version.build = try AppleBuild(b)
      }
      if let s = try fields.text(
        try o.versionText("supplemental_build_version"), field: "supplemental_build_version",
        at: here)
      {
        version.supplementalBuild = try AppleBuild(s)
      }
    } catch let error as VersionParseError {
      throw ImportIssue(here, field: "build", error.description)
    } catch let issue as ImportIssue {
      throw issue
    } catch {
      throw ImportIssue(here, field: "build", "\(error)")
    }
    version.platform = platform
    let id = try fields.text(try o.string("id"), field: "id", at: here)
    let serial = try fields.text(
      try o.string("hardware_serial"), field: "hardware_serial", at: here)
    let udid = try fields.text(try o.string("uuid"), field: "uuid", at: here)
    let enrollment = (try o.string("mdm.enrollment_status"))?.lowercased() ?? ""
    let name = try DeviceIdentity.name(
      try fields.text(try o.string("display_name"), field: "display_name", at: here)
        ?? fields.text(try o.string("computer_name"), field: "computer_name", at: here)
        ?? fields.text(try o.string("hostname"), field: "hostname", at: here),
      serial: serial, udid: udid,
      fields: ("display_name, computer_name or hostname", "hardware_serial", "uuid"), at: here)
    return .device(
      ImportRecord(
        location: here, source: .fleet, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version, supervised: nil,
        userEnrolled: enrollment.contains("personal"),
        lastCheckIn: try fields.freshestDate(o, ["seen_time", "detail_updated_at"], at: here),
        userName: try endUser(o, fields: fields),
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom)))
  }

  /// The first end user's IdP user name, else the first of their other e-mail addresses.
  private func endUser(_ o: JSONObject, fields: FieldReader) throws(ImportIssue) -> String? {
    guard let first = o.raw("end_users")?.items?.first, let user = first.members else { return nil }
    let u = JSONObject(values: user, location: o.location)
    if let name = try fields.text(
      try u.string("idp_username"), field: "end_users[0].idp_username", at: o.location)
    {
      return name
    }
    guard let email = u.raw("other_emails")?.items?.first?.members else { return nil }
    return try fields.text(
      try JSONObject(values: email, location: o.location).string("email"),
      field: "end_users[0].other_emails[0].email", at: o.location)
  }
}
