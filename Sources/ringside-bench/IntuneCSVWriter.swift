import Foundation

/// Writes a synthetic Intune "All devices" export shaped like a real fleet: one iPhone, iPad
/// or Mac per row, deterministic for a given count, either all 53 columns of the export (about
/// 650 bytes a row) or the 27 the admin center's default column set gives. As in a real
/// rollout, 15 OS versions cover every device, skewed toward the newest (the largest holds
/// about 30% of the fleet, the smallest 1-2%), and three rings (Category) hold 2%, 8% and 90%.
enum IntuneCSVWriter {
  /// The 27 columns of a narrower export: the identifiers, version, hardware, user, ownership
  /// and management columns, in the export's order.
  static let narrowColumns: [Int] = [
    0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35, 36, 37,
    38,
  ]

  /// The header of a real export, as in `samples/intune-devices.csv`.
  static let header: [String] = [
    "Device ID", "Device name", "Enrollment date", "Last check-in", "Azure AD Device ID",
    "OS version", "Azure AD registered", "EAS activation ID", "Serial number", "Manufacturer",
    "Model", "EAS activated", "IMEI", "Last EAS sync time", "EAS reason", "EAS status",
    "Compliance grace period expiration", "Security patch level", "Wi-Fi MAC", "MEID",
    "Subscriber carrier", "Total storage", "Free storage", "Management name", "Category", "UserId",
    "Primary user UPN", "Primary user email address", "Primary user display name",
    "WiFiIPv4Address", "WiFiSubnetID", "Compliance", "Managed by", "Ownership", "Device state",
    "Intune registered", "Supervised", "Encrypted", "OS", "SkuFamily", "JoinType", "Phone number",
    "Jailbroken", "ICCID", "EthernetMAC", "CellularTechnology", "ProcessorArchitecture", "EID",
    "SystemManagementBIOSVersion", "TPMManufacturerId", "TPMManufacturerVersion", "ProductName",
    "Management certificate expiration date",
  ]

  static let phoneModels = ["iPhone 17 Pro", "iPhone 16", "iPhone 15", "iPhone 14", "iPhone 13"]
  static let padModels = ["iPad Pro (M4)", "iPad Air (M3)", "iPad (10th generation)"]
  static let macModels = ["MacBook Air (M4)", "MacBook Pro (M3 Pro)", "Mac mini (M4)", "iMac (M3)"]
  /// Versions with their share per thousand devices of the platform: a rollout in progress.
  static let mobileVersions: [(String, Int)] = [
    ("27.0.1", 250), ("27.0", 100), ("26.7.1", 200), ("26.7", 80), ("26.6.2", 60),
    ("26.6.1", 40), ("26.5.1", 40), ("26.4.1", 30), ("18.7.5", 60), ("17.7.2", 50),
    ("16.7.12", 90),
  ]
  static let macVersions: [(String, Int)] = [
    ("27.0.1", 250), ("27.0", 100), ("26.7.1", 250), ("26.6.2", 80), ("15.8.1", 150),
    ("15.7.9", 60), ("14.8.9", 70), ("13.7.8", 40),
  ]

  /// The version whose cumulative share covers `permille` (0..<1000).
  static func pick(_ versions: [(String, Int)], _ permille: Int) -> String {
    var total = 0
    for (version, share) in versions {
      total += share
      if permille < total { return version }
    }
    return versions[versions.count - 1].0
  }

  /// Writes `count` devices to `path` (replacing it) with all 53 columns, or the 27 of
  /// `narrowColumns` when `narrow`; returns the file size in bytes.
  @discardableResult
  static func write(count: Int, to path: String, narrow: Bool = false) throws -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let file = FileHandle(forWritingAtPath: path) else {
      throw BenchError("\(path): cannot create the CSV")
    }
    defer { try? file.close() }
    let names = narrow ? narrowColumns.map { header[$0] } : header
    var buffer = "\u{FEFF}" + names.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
    var size = 0
    func flush() {
      let data = Data(buffer.utf8)
      size += data.count
      file.write(data)
      buffer.removeAll(keepingCapacity: true)
    }
    for i in 0..<count {
      buffer += row(i, narrow: narrow)
      if buffer.utf8.count > 1 << 20 { flush() }
    }
    flush()
    return size
  }

  /// One synthetic device's values, shared by the CSV and the Graph JSON writers.
  struct Fields {
    let id, name, checkIn, entraID, version, serial, model, imei, wifi, managementName: String
    let category, userID, user, userName, os: String
    let personal: Bool
  }

  /// The values of device `i`, deterministic for `i`.
  static func fields(_ i: Int) -> Fields {
    var h = UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    let kind = h % 100
    let hex = String(i, radix: 16)
    let pad = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    let isMac = kind >= 65
    let isPad = !isMac && kind >= 50
    let model: String
    let version: String
    let prefix: String
    if isMac {
      model = macModels[Int(h >> 8) % macModels.count]
      version = pick(macVersions, Int((h >> 16) % 1000))
      prefix = "MAC"
    } else {
      model = (isPad ? padModels : phoneModels)[Int(h >> 8) % (isPad ? 3 : 5)]
      version = pick(mobileVersions, Int((h >> 16) % 1000))
      prefix = isPad ? "IPD" : "IPH"
    }
    let userEnrolled = !isMac && (h >> 24) % 25 == 0
    let day = 1 + Int((h >> 32) % 24)
    let stale = (h >> 40) % 16 == 0
    let checkIn =
      stale
      ? "2026-09-\(two(day)) \(two(Int(h >> 44) % 24)):12:07.0000000"
      : "2026-11-\(two(day)) \(two(Int(h >> 44) % 24)):41:12.0000000"
    let user = "user\(i % 50_000)"
    let ringDraw = (h >> 50) % 50
    return Fields(
      id: "a1b2c3d4-0000-4000-8000-\(pad)", name: "RS-\(prefix)-\(i)", checkIn: checkIn,
      entraID: "e5f6a7b8-0000-4000-8000-\(pad)", version: version,
      serial: userEnrolled ? "" : "ZB\(pad.uppercased().suffix(10))", model: model,
      imei: isMac ? "" : "99\(pad)", wifi: "0a\(pad.suffix(10))",
      managementName: "\(user)_\(prefix)_1/15/2024_9:12 AM",
      category: ringDraw == 0 ? "Test" : ringDraw < 5 ? "Pilot" : "Production",
      userID: "c9d0e1f2-0000-4000-8000-\(pad)", user: "\(user)@example.com",
      userName: "User \(i % 50_000)", os: isMac ? "macOS" : "iOS/iPadOS", personal: userEnrolled)
  }

  /// The CSV line of device `i`, with its line end.
  static func row(_ i: Int, narrow: Bool = false) -> String {
    let f = fields(i)
    let isMac = f.os == "macOS"
    let fields: [String] = [
      f.id, f.name, "2024-01-15 09:12:44.0000000", f.checkIn, f.entraID, f.version, "True", "",
      f.serial, "Apple", f.model, "False", f.imei, "", "None", "None",
      "9999-12-31 23:59:59.0000000", "", f.wifi, "", "", "122070", "80512", f.managementName,
      f.category, f.userID, f.user, f.user, f.userName,
      "10.20.\(i % 250).\(i % 200 + 10)", "10.20.\(i % 250).0", "Compliant",
      "Intune", f.personal ? "Personal" : "Corporate", "Managed", "Registered",
      f.personal ? "No" : "Yes", "Yes", f.os, "", "", "", "False", "", "", isMac ? "" : "GSM",
      "", "", "", "", "", "", "2027-06-02 07:39:10.0000000",
    ]
    let kept = narrow ? narrowColumns.map { fields[$0] } : fields
    return "\"" + kept.joined(separator: "\",\"") + "\"\n"
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
