/// What a session may do: viewers look, admins also stage, apply, import and move devices.
public enum Role: String, Sendable, Codable, Hashable {
  case viewer, admin
}

/// The settings in `/etc/ringside/config.json` (or `$XDG_CONFIG_HOME/ringside/config.json`)
/// that decide roles on a shared host.
public struct AccessConfig: Sendable, Hashable, Decodable {
  public static let defaultAdminGroup = "ringside-admins"

  public var adminGroup: String
  public var viewerGroup: String?

  public init(adminGroup: String = AccessConfig.defaultAdminGroup, viewerGroup: String? = nil) {
    self.adminGroup = adminGroup
    self.viewerGroup = viewerGroup
  }

  enum CodingKeys: String, CodingKey {
    case adminGroup = "admin_group"
    case viewerGroup = "viewer_group"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    adminGroup =
      try c.decodeIfPresent(String.self, forKey: .adminGroup) ?? AccessConfig.defaultAdminGroup
    viewerGroup = try c.decodeIfPresent(String.self, forKey: .viewerGroup)
  }
}

/// Who is asking, as the operating system reports it.
public struct Identity: Sendable, Hashable {
  public var userName: String
  public var uid: UInt32
  public var groups: Set<String>

  public init(userName: String, uid: UInt32, groups: Set<String>) {
    self.userName = userName
    self.uid = uid
    self.groups = groups
  }

  public var isRoot: Bool { uid == 0 }
}

/// A session's role and, for a viewer, the sentence that explains a refusal.
public struct Access: Sendable, Hashable {
  public let role: Role
  /// "read-only: you are not in group ringside-admins".
  public let refusal: String?

  public init(role: Role, refusal: String?) {
    self.role = role
    self.refusal = refusal
  }

  public var canWrite: Bool { role == .admin }

  /// Decides the role. Root is an admin; with a config, members of its admin group are; with
  /// no config, the owner of the store file (or whoever creates it) is; `--read-only` makes
  /// anyone a viewer.
  public static func decide(
    identity: Identity, config: AccessConfig?, storeOwnerUID: UInt32?, readOnlyRequested: Bool
  ) -> Access {
    if readOnlyRequested {
      return Access(role: .viewer, refusal: "read-only: this session was started with --read-only")
    }
    if identity.isRoot { return Access(role: .admin, refusal: nil) }
    let group = config?.adminGroup ?? AccessConfig.defaultAdminGroup
    if identity.groups.contains(group) { return Access(role: .admin, refusal: nil) }
    if config == nil, storeOwnerUID == nil || storeOwnerUID == identity.uid {
      return Access(role: .admin, refusal: nil)
    }
    return Access(role: .viewer, refusal: "read-only: you are not in group \(group)")
  }
}
