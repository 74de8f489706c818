import Foundation
import RingsideDomain

/// Reads raw MDM command responses saved as property lists, one per file or many in an array:
/// `DeviceInformation` (`QueryResponses` with Apple's four version keys) becomes a device,
/// `AvailableOSUpdates` becomes the device's pending updates. A response carries no time,
/// so the file's modification time stands for when the device reported (for a pipe, the
/// import's time).
struct MDMPlistReader: FormatReader {
  let file: String
  let top: JSONValue
  let modified: Date?

  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
    let fields = FieldReader()
    let list: [(JSONValue, String)]
    if let a = top.items {
      list = a.enumerated().map { ($1, "[\($0)]") }
    } else {
      list = [(top, "")]
    }
    for (item, path) in list {
      let here = SourceLocation(file: file, path: path.isEmpty ? nil : path)
      do {
        guard let dict = item.members else {
          throw ImportIssue(here, "expected a command response (a dictionary), found \(item.kind)")
        }
        let o = JSONObject(values: dict, location: here)
        if o.raw("QueryResponses") != nil {
          try emit(try device(o, ringFrom: ringFrom, fields: fields))
        } else if let updates = o.raw("AvailableOSUpdates") ?? o.raw("OSUpdateList") {
          try emit(try pending(o, updates: updates))
        } else if o.raw("OSVersion") != nil {
          try emit(
            try device(
              JSONObject(values: ["QueryResponses": .object(dict)], location: here),
              ringFrom: ringFrom,
              fields: fields))
        } else {
          throw ImportIssue(
            here, "neither a DeviceInformation response (QueryResponses) nor AvailableOSUpdates")
        }
      } catch let issue as ImportIssue {
        try emit(.rejected(issue))
      }
    }
  }

  private func device(_ o: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem
  {
    let here = o.location
    let q = "QueryResponses."
    let product = try fields.text(try o.string(q + "ProductName"), field: "ProductName", at: here)
    let modelName = try fields.text(try o.string(q + "ModelName"), field: "ModelName", at: here)
    let platform: Platform
    switch try fields.platform(
      reported: modelName, model: product ?? modelName, field: "ProductName", at: here)
    {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an iPhone, iPad or Mac (\(what))")
    case .unknown: throw ImportIssue(here, field: "ProductName", "unknown platform")
    }
    var version = try fields.version(
      osVersion: try o.versionText(q + "OSVersion"),
      extra: try o.versionText(q + "SupplementalOSVersionExtra"),
      build: try o.versionText(q + "BuildVersion"),
      supplementalBuild: try o.versionText(q + "SupplementalBuildVersion"),
      fields: (
        "OSVersion", "SupplementalOSVersionExtra", "BuildVersion", "SupplementalBuildVersion"
      ), at: here)
    version.platform = platform
    let serial = try fields.text(try o.string(q + "SerialNumber"), field: "SerialNumber", at: here)
    let udid = try fields.text(
      try o.string("UDID") ?? o.string(q + "UDID"), field: "UDID", at: here)
    let enrollmentID = try fields.text(
      try o.string("EnrollmentID"), field: "EnrollmentID", at: here)
    let name = try DeviceIdentity.name(
      try fields.text(try o.string(q + "DeviceName"), field: "DeviceName", at: here),
      serial: serial, udid: udid, fields: ("DeviceName", "SerialNumber", "UDID"), at: here)
    let ringObject = JSONObject(
      values: o.raw("QueryResponses")?.members ?? [:], location: here)
    return .device(
      ImportRecord(
        location: here, source: .mdm, sourceID: udid ?? enrollmentID, serial: serial, udid: udid,
        name: name,
        platform: platform,
        model: modelName.map { m in product.map { "\(m) (\($0))" } ?? m } ?? product,
        version: version,
        supervised: try fields.bool(o.raw(q + "IsSupervised"), field: "IsSupervised", at: here),
        userEnrolled: enrollmentID != nil && udid == nil || serial == nil,
        lastCheckIn: modified, userName: nil,
        ringLabel: try fields.ringLabel(ringObject, ringFrom: ringFrom)))
  }

  private func pending(_ o: JSONObject, updates: JSONValue) throws -> ImportItem {
    let here = o.location
    guard let udid = try o.string("UDID")?.trimmed, !udid.isEmpty else {
      throw ImportIssue(
        here, field: "UDID", "is missing: an AvailableOSUpdates response names its device by UDID")
    }
    guard let items = updates.items else {
      throw ImportIssue(here, field: "AvailableOSUpdates", "expected a list, found \(updates.kind)")
    }
    var list: [PendingOSUpdate] = []
    for (i, item) in items.enumerated() {
      let field = "AvailableOSUpdates[\(i)]"
      guard let dict = item.members else {
        throw ImportIssue(here, field: field, "expected a dictionary, found \(item.kind)")
      }
      let u = JSONObject(values: dict, location: here)
      if try isNotAnOSUpdate(u, field: field, at: here) { continue }
      guard let version = try u.versionText("Version")?.trimmed, OSVersionNumber(version) != nil
      else {
        throw ImportIssue(
          here, field: field + ".Version", "is missing or not a version such as 16.5.1")
      }
      let rsr: RSRMark
      do {
        rsr = try RSRMark.parse(try u.string("SupplementalOSVersionExtra") ?? "")
      } catch let error as VersionParseError {
        throw ImportIssue(here, field: field + ".SupplementalOSVersionExtra", error.description)
      } catch {
        throw ImportIssue(here, field: field + ".SupplementalOSVersionExtra", "\(error)")
      }
      let security: Bool
      do {
        security = try BoolValue.parse(json: u.raw("IsSecurityResponse")) ?? false
      } catch {
        throw ImportIssue(
          here, field: field + ".IsSecurityResponse", "cannot read \(error.text) as true or false")
      }
      list.append(
        PendingOSUpdate(
          version: version, rsr: rsr, build: try u.string("Build")?.trimmed,
          supplementalBuild: try u.string("SupplementalBuildVersion")?.trimmed,
          isSecurityResponse: security))
    }
    return .pending(
      PendingUpdateRecord(location: here, udid: udid, updates: list, seenAt: modified))
  }

  /// A macOS entry Apple marks as a configuration-file (`IsConfigDataUpdate`) or firmware
  /// (`IsFirmwareUpdate`) update: listed among the updates but not an OS version, so left out
  /// (a real Mac lists "macOS Installer Notification", `Version` 2.0, this way).
  private func isNotAnOSUpdate(_ u: JSONObject, field: String, at here: SourceLocation) throws
    -> Bool
  {
    for key in ["IsConfigDataUpdate", "IsFirmwareUpdate"] {
      do {
        if try BoolValue.parse(json: u.raw(key)) == true { return true }
      } catch {
        throw ImportIssue(
          here, field: field + "." + key, "cannot read \(error.text) as true or false")
      }
    }
    return false
  }
}
