/// The MDMs `ringside sync` reads, with their documented endpoints and environment variables.
public enum SyncSource: String, Sendable, CaseIterable {
  case graph
  case jamf
  case fleet
  case kandji

  /// The credentials file keys each environment variable stands for.
  public var environmentNames: [String: String] {
    switch self {
    case .graph:
      return [
        "tenant_id": "RINGSIDE_GRAPH_TENANT_ID", "client_id": "RINGSIDE_GRAPH_CLIENT_ID",
        "client_secret": "RINGSIDE_GRAPH_CLIENT_SECRET", "url": "RINGSIDE_GRAPH_URL",
        "client_certificate_file": "RINGSIDE_GRAPH_CERTIFICATE_FILE",
      ]
    case .jamf:
      return [
        "client_id": "RINGSIDE_JAMF_CLIENT_ID", "client_secret": "RINGSIDE_JAMF_CLIENT_SECRET",
        "url": "RINGSIDE_JAMF_URL",
      ]
    case .fleet: return ["token": "RINGSIDE_FLEET_TOKEN", "url": "RINGSIDE_FLEET_URL"]
    case .kandji: return ["token": "RINGSIDE_KANDJI_TOKEN", "url": "RINGSIDE_KANDJI_URL"]
    }
  }

  /// The API base when neither `--url` nor the credentials name one; nil where every customer
  /// has their own host (Jamf Pro, Fleet, Kandji).
  var defaultBase: String? {
    self == .graph ? "https://graph.microsoft.com/v1.0" : nil
  }

  /// What a base URL looks like, for the message when none is given.
  var baseExample: String {
    switch self {
    case .graph: return "https://graph.microsoft.com/v1.0"
    case .jamf: return "https://YOURSERVER.jamfcloud.com"
    case .fleet: return "https://fleet.example.com"
    case .kandji: return "https://SUBDOMAIN.api.kandji.io"
    }
  }
}
