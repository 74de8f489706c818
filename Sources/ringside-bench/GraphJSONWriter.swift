import Foundation

/// Writes a synthetic Microsoft Graph `managedDevices` export the way Graph pages it: files of
/// `pageSize` devices, each page but the last with an `@odata.nextLink`, every device object
/// with the 55 members Graph returns (about 1.9 KB each). The devices are those of
/// `IntuneCSVWriter`, so the JSON and CSV figures compare like with like.
enum GraphJSONWriter {
  static let pageSize = 1000

  /// Writes `count` devices as pages into `directory`; returns the page paths and total bytes.
  static func write(count: Int, to directory: String) throws -> (pages: [String], bytes: Int) {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var pages: [String] = []
    var total = 0
    let pageCount = (count + pageSize - 1) / pageSize
    for p in 0..<pageCount {
      let path = directory + "/graph-page-\(p).json"
      var text =
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices\",\n"
      text += "\"value\":[\n"
      let range = (p * pageSize)..<min(count, (p + 1) * pageSize)
      for i in range {
        text += device(i)
        text += i + 1 < range.upperBound ? ",\n" : "\n"
      }
      text += "]"
      // Graph writes the link to the next page after the list.
      if p + 1 < pageCount {
        text +=
          ",\n\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$skiptoken=page\(p + 1)\""
      }
      text += "}\n"
      let data = Data(text.utf8)
      guard FileManager.default.createFile(atPath: path, contents: data) else {
        throw BenchError("\(path): cannot write the Graph page")
      }
      total += data.count
      pages.append(path)
    }
    return (pages, total)
  }

  /// Device `i` as Graph writes it, from the same fields as the CSV row.
  static func device(_ i: Int) -> String {
    let f = IntuneCSVWriter.fields(i)
    let isMac = f.os == "macOS"
    let checkIn = f.checkIn.replacingOccurrences(of: " ", with: "T").prefix(19) + "Z"
    func q(_ s: String) -> String { "\"\(s)\"" }
    let members: [(String, String)] = [
      ("id", q(f.id)), ("userId", q(f.userID)), ("deviceName", q(f.name)),
      ("managedDeviceOwnerType", q(f.personal ? "personal" : "company")),
      ("enrolledDateTime", q("2024-01-15T09:12:44Z")), ("lastSyncDateTime", q(String(checkIn))),
      ("operatingSystem", q(isMac ? "macOS" : (f.model.hasPrefix("iPad") ? "iPadOS" : "iOS"))),
      ("complianceState", q("compliant")), ("jailBroken", q("false")),
      ("managementAgent", q("mdm")), ("osVersion", q(f.version)), ("easActivated", "false"),
      ("easDeviceId", q("")), ("easActivationDateTime", q("0001-01-01T00:00:00Z")),
      ("azureADRegistered", "true"),
      ("deviceEnrollmentType", q(f.personal ? "appleUserEnrollment" : "appleBulkWithUser")),
      ("activationLockBypassCode", "null"), ("emailAddress", q(f.user)),
      ("azureADDeviceId", q(f.entraID)), ("deviceRegistrationState", q("registered")),
      ("deviceCategoryDisplayName", q(f.category)), ("isSupervised", f.personal ? "false" : "true"),
      ("exchangeLastSuccessfulSyncDateTime", q("0001-01-01T00:00:00Z")),
      ("exchangeAccessState", q("none")), ("exchangeAccessStateReason", q("none")),
      ("remoteAssistanceSessionUrl", "null"), ("remoteAssistanceSessionErrorDetails", "null"),
      ("isEncrypted", "true"), ("userPrincipalName", q(f.user)), ("model", q(f.model)),
      ("manufacturer", q("Apple")), ("imei", q(f.imei)),
      ("complianceGracePeriodExpirationDateTime", q("9999-12-31T23:59:59Z")),
      ("serialNumber", q(f.serial)), ("phoneNumber", q("")), ("androidSecurityPatchLevel", q("")),
      ("userDisplayName", q(f.userName)), ("configurationManagerClientEnabledFeatures", "null"),
      ("wiFiMacAddress", q(f.wifi)), ("deviceHealthAttestationState", "null"),
      ("subscriberCarrier", q("")), ("meid", q("")), ("totalStorageSpaceInBytes", "128000000000"),
      ("freeStorageSpaceInBytes", "80512000000"), ("managedDeviceName", q(f.managementName)),
      ("partnerReportedThreatState", q("unknown")), ("requireUserEnrollmentApproval", "null"),
      ("managementCertificateExpirationDate", q("2027-06-02T07:39:10Z")), ("iccid", "null"),
      ("udid", "null"), ("notes", "null"), ("ethernetMacAddress", "null"),
      ("physicalMemoryInBytes", "0"), ("enrollmentProfileName", q("ADE - Corporate")),
      ("deviceActionResults", "[]"),
    ]
    return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }
}
