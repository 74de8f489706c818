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
