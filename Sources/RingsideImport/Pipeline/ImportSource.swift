/// The system a record came from, as stored in `device_sources.source` and `devices.source`.
///
/// Intune's CSV export and Graph share one namespace because both use the Intune device id.
public enum ImportSource: String, Sendable, CaseIterable, Hashable {
  case intune
  case jamfMobile = "jamf-mobile"
  case jamfComputer = "jamf-computer"
  case fleet
  case kandji
  case mdm
}

extension ImportSource {
  /// The source as the import's messages name it.
  public var title: String {
    switch self {
    case .intune: "Intune or Graph"
    case .jamfMobile: "Jamf mobile devices"
    case .jamfComputer: "Jamf computers"
    case .fleet: "Fleet"
    case .kandji: "Kandji"
    case .mdm: "MDM responses"
    }
  }

  /// The field that carries the RSR/BSI letter in this source's records; nil for Intune and
  /// Graph, which report the base version only.
  public var letterField: String? {
    switch self {
    case .intune: nil
    case .jamfMobile: "osRapidSecurityResponse"
    case .jamfComputer: "operatingSystem.rapidSecurityResponse"
    case .fleet: "os_version"
    case .kandji: "supplemental_os_version_extra"
    case .mdm: "SupplementalOSVersionExtra"
    }
  }
}
