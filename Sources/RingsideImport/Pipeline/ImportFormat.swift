/// The inputs `ringside import` reads, by the name `--format` takes.
public enum ImportFormat: String, Sendable, CaseIterable, Hashable {
  case intuneCSV = "intune-csv"
  case graphJSON = "graph-json"
  case jamfJSON = "jamf-json"
  case fleetJSON = "fleet-json"
  case kandjiJSON = "kandji-json"
  case mdmPlist = "mdm-plist"

  /// What the format is, for the "chose" line and errors.
  public var title: String {
    switch self {
    case .intuneCSV: "Intune device export CSV"
    case .graphJSON: "Microsoft Graph managedDevices JSON"
    case .jamfJSON: "Jamf Pro mobile-devices / computers-inventory JSON"
    case .fleetJSON: "Fleet hosts JSON"
    case .kandjiJSON: "Kandji devices JSON"
    case .mdmPlist: "MDM DeviceInformation / AvailableOSUpdates plist"
    }
  }

  /// What auto-detection looks for, listed when a file matches nothing.
  public var signature: String {
    switch self {
    case .intuneCSV:
      "intune-csv: a CSV (or a .zip holding one) whose header has \"Device name\"/\"Device ID\"/\"Serial number\" and \"OS version\""
    case .graphJSON:
      "graph-json: a JSON object with \"@odata.context\" or \"value\": [{\"deviceName\", \"osVersion\", ...}], a list of such objects, or one (also under \"value\") (also as PowerShell saves them: \"DeviceName\", \"OSVersion\")"
    case .jamfJSON:
      "jamf-json: a JSON object with \"results\": [{\"mobileDeviceId\"/\"general\"/\"operatingSystem\", ...}], one such record, or one mobile device (\"type\" with \"lastInventoryUpdateTimestamp\", or with \"serialNumber\" and \"udid\")"
    case .fleetJSON:
      "fleet-json: a JSON object with \"hosts\": [...] or \"host\": {...}, or a list of hosts"
    case .kandjiJSON:
      "kandji-json: a JSON list of {\"device_id\", \"serial_number\", \"os_version\", ...}, one such device, or its {\"general\", \"mdm\", \"hardware_overview\"} details"
    case .mdmPlist: "mdm-plist: a property list with \"QueryResponses\" or \"AvailableOSUpdates\""
    }
  }
}
