/// The Intune "All devices" export's columns Ringside reads, matched by header name ignoring
/// case, spaces and punctuation, with the aliases Microsoft has used: the admin-center
/// names (`Azure AD Device ID`, later `Microsoft Entra Device ID`) and the export API's
/// `DevicesWithInventory` names (`DeviceId`, `LastContact`, `CategoryName`, ...).
enum IntuneColumn: String, CaseIterable {
  case deviceID = "Device ID"
  case name = "Device name"
  case lastCheckIn = "Last check-in"
  case osVersion = "OS version"
  case serial = "Serial number"
  case model = "Model"
  case category = "Category"
  case userUPN = "Primary user UPN"
  case userEmail = "Primary user email address"
  case supervised = "Supervised"
  case os = "OS"
  case ownership = "Ownership"
  case entraDeviceID = "Azure AD Device ID"
  case entraRegistered = "Azure AD registered"
  case udid = "UDID"
  case enrollmentDate = "Enrollment date"
  case managementName = "Management name"

  var aliases: [String] {
    switch self {
    case .deviceID: ["DeviceId", "Intune Device ID"]
    case .name: ["DeviceName"]
    case .lastCheckIn: ["LastContact", "Last check in", "Last sync"]
    case .osVersion: ["OSVersion"]
    case .serial: ["SerialNumber"]
    case .model: []
    case .category: ["CategoryName", "Device category"]
    case .userUPN: ["UPN", "User principal name"]
    case .userEmail: ["UserEmail"]
    case .supervised: ["IsSupervised"]
    case .os: ["Operating system", "Platform"]
    case .ownership: ["OwnerType"]
    case .entraDeviceID: ["Microsoft Entra Device ID", "ReferenceId", "Entra Device ID"]
    case .entraRegistered: ["Microsoft Entra registered", "GraphDeviceIsManaged"]
    case .udid: []
    case .enrollmentDate: ["CreatedDate", "Enrolled date"]
    case .managementName: ["ManagedDeviceName"]
    }
  }

  /// The column's position in `allCases`, for array lookups.
  var ordinal: Int {
    switch self {
    case .deviceID: 0
    case .name: 1
    case .lastCheckIn: 2
    case .osVersion: 3
    case .serial: 4
    case .model: 5
    case .category: 6
    case .userUPN: 7
    case .userEmail: 8
    case .supervised: 9
    case .os: 10
    case .ownership: 11
    case .entraDeviceID: 12
    case .entraRegistered: 13
    case .udid: 14
    case .enrollmentDate: 15
    case .managementName: 16
    }
  }

  /// `Last check-in` → `lastcheckin`: lower case without spaces, dashes, dots or underscores.
  static func normalize(_ header: String) -> String {
    String(
      header.lowercased().unicodeScalars.filter { CharacterSetCheck.isAlphanumeric($0) }.map(
        Character.init))
  }

  private static let byName: [String: IntuneColumn] = {
    var map: [String: IntuneColumn] = [:]
    for c in allCases {
      for name in [c.rawValue] + c.aliases { map[normalize(name)] = c }
    }
    return map
  }()

  /// The column a header names, if Ringside reads it.
  static func column(named header: String) -> IntuneColumn? { byName[normalize(header)] }
}

/// ASCII letters and digits, the only characters header matching compares.
enum CharacterSetCheck {
  static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z")
  }
}

/// Where each known column sits in one file's header, plus the `--ring-from` column if present.
struct IntuneHeader {
  let names: [String]
  private let index: [Int?]
  let ringColumn: Int?

  /// Maps the header; `ringFrom` may name any column, known or not.
  init(names: [String], ringFrom: String?, at location: SourceLocation) throws(ImportIssue) {
    self.names = names
    var map: [IntuneColumn: Int] = [:]
    for (i, name) in names.enumerated() {
      if let c = IntuneColumn.column(named: name), map[c] == nil { map[c] = i }
    }
    index = IntuneColumn.allCases.map { map[$0] }
    guard map[.deviceID] != nil || map[.serial] != nil || map[.name] != nil else {
      throw ImportIssue(
        location,
        "the header has none of \"Device ID\", \"Serial number\" or \"Device name\": is this an Intune device export?"
      )
    }
    if let ringFrom {
      let wanted = IntuneColumn.normalize(ringFrom)
      let byAlias = IntuneColumn.column(named: ringFrom).flatMap { map[$0] }
      ringColumn = names.firstIndex(where: { IntuneColumn.normalize($0) == wanted }) ?? byAlias
    } else {
      ringColumn = nil
    }
  }

  subscript(_ column: IntuneColumn) -> Int? { index[column.ordinal] }

  /// True when the header looks like an Intune device export.
  static func looksLikeIntune(_ names: [String]) -> Bool {
    let known = Set(names.compactMap { IntuneColumn.column(named: $0) })
    return (known.contains(.name) || known.contains(.deviceID) || known.contains(.serial))
      && (known.contains(.osVersion) || known.contains(.os) || known.contains(.lastCheckIn))
  }
}
