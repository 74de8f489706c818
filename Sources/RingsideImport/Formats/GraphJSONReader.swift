import Foundation
import RingsideDomain

/// Reads a Microsoft Graph `deviceManagement/managedDevices` page (`{"@odata.context", "value": [...]}`)
/// or one `managedDevices/{id}` object. Like the CSV export it reports the base version only,
/// so letters are unknown; it shares the Intune device id namespace with the CSV export.
/// Each page reports its `@odata.nextLink`, so the import can tell when a page is missing.
/// The same objects saved with PowerShell (`Get-MgDeviceManagementManagedDevice | ConvertTo-Json`)
/// carry the SDK's PascalCase names (`OSVersion`, `SerialNumber`, `LastSyncDateTime`) and are
/// read alike.
struct GraphJSONReader: JSONRecordReader {
  let file: String
  let source: ByteSource

  /// The managedDevice members Ringside reads, as Graph names them.
  static let members = [
    "model", "operatingSystem", "osVersion", "id", "serialNumber", "deviceEnrollmentType",
    "deviceName", "udid", "isSupervised", "lastSyncDateTime", "userPrincipalName",
  ]
  /// The Microsoft Graph PowerShell SDK's name for each (`OSVersion` for `osVersion`).
  static let powerShellNames: [String: String] = Dictionary(
    uniqueKeysWithValues: members.map { name in
      (name == "osVersion" ? "OSVersion" : name.prefix(1).uppercased() + name.dropFirst(), name)
    })

  let recordKeys = ["value"]
  let singleRecordMarkers = [
    "deviceName", "osVersion", "operatingSystem", "DeviceName", "OSVersion", "OperatingSystem",
  ]
  let keptMembers: Set<String> = Set(members).union(powerShellNames.keys)

  func finished(_ walked: JSONEnvelope.Walked, emit: (ImportItem) throws -> Void) throws {
    guard walked.foundRecords else { return }
    try emit(
      .page(
        ExportPage(
          file: file, format: .graphJSON, nextLink: walked.others["@odata.nextLink"]?.text,
          count: walked.others["@odata.count"]?.count, records: walked.records)))
  }

  func record(_ object: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem {
    let o = Self.graphNames(object)
    let here = o.location
    let model = try fields.text(try o.string("model"), field: "model", at: here)
    let reported = try fields.text(
      try o.string("operatingSystem"), field: "operatingSystem", at: here)
    let platform: Platform
    switch try fields.platform(reported: reported, model: model, field: "operatingSystem", at: here)
    {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an Apple device (\(what))")
    case .unknown: throw ImportIssue(here, field: "operatingSystem", "unknown platform")
    }
    var version = try fields.version(
      try o.versionText("osVersion"), missingLetter: .unknown, field: "osVersion", at: here)
    version.platform = platform
    let id = try fields.text(try o.string("id"), field: "id", at: here)
    let serial = try fields.text(try o.string("serialNumber"), field: "serialNumber", at: here)
    let udid = try fields.text(try o.string("udid"), field: "udid", at: here)
    let enrollment = try o.string("deviceEnrollmentType") ?? ""
    let name = try DeviceIdentity.name(
      try fields.text(try o.string("deviceName"), field: "deviceName", at: here), serial: serial,
      udid: udid, fields: ("deviceName", "serialNumber", "udid"), at: here)
    return .device(
      ImportRecord(
        location: here, source: .intune, sourceID: id, serial: serial, udid: udid, name: name,
        platform: platform, model: model, version: version,
        supervised: try fields.bool(o.raw("isSupervised"), field: "isSupervised", at: here),
        userEnrolled: fields.memo(enrollment) {
          let e = $0.lowercased()
          return e.contains("userenrollment") && e != "userenrollment"
        } || serial == nil,
        lastCheckIn: try fields.date(
          try o.string("lastSyncDateTime"), field: "lastSyncDateTime", at: here),
        userName: try fields.text(
          try o.string("userPrincipalName"), field: "userPrincipalName", at: here),
        ringLabel: try fields.ringLabel(o, ringFrom: ringFrom)))
  }

  /// The record with PowerShell's PascalCase members under their Graph names; a member Graph
  /// names itself wins over its PascalCase twin.
  static func graphNames(_ o: JSONObject) -> JSONObject {
    guard o.values.keys.contains(where: { powerShellNames[$0] != nil }) else { return o }
    var values = o.values
    for (pascal, graph) in powerShellNames {
      guard let v = values.removeValue(forKey: pascal), values[graph] == nil else { continue }
      values[graph] = v
    }
    return JSONObject(values: values, location: o.location)
  }
}

/// The managedDevice members the Graph reader uses: `ringside sync graph` asks for only these
/// (`$select`).
public enum GraphSelect {
  public static var members: [String] { GraphJSONReader.members }
}
