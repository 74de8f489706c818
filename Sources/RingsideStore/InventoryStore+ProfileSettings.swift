import Foundation
import RingsideDomain

/// Who profiles are written for and where, kept in the store so every admin and every session
/// writes the same identifiers to the same folder: changing them gives the MDM new profiles.
public struct ProfileSettings: Sendable, Hashable {
  /// `PayloadOrganization`, and the identifiers' part when no prefix is set.
  public var organization: String?
  /// A reverse-DNS prefix for every identifier, such as `com.example`.
  public var identifierPrefix: String?
  /// The profile folder.
  public var directory: String?

  public init(
    organization: String? = nil, identifierPrefix: String? = nil, directory: String? = nil
  ) {
    self.organization = organization
    self.identifierPrefix = identifierPrefix
    self.directory = directory
  }

  static let keys = (
    organization: "profile_organization", prefix: "profile_identifier_prefix",
    directory: "profile_directory"
  )
}

extension InventoryStore {
  /// The profile settings stored so far; a value never set is nil.
  public func profileSettings() throws(StoreError) -> ProfileSettings {
    func value(_ key: String) throws(StoreError) -> String? {
      try database.scalar("SELECT value FROM meta WHERE key = ?1", [.text(key)])?.string
    }
    let k = ProfileSettings.keys
    return ProfileSettings(
      organization: try value(k.organization), identifierPrefix: try value(k.prefix),
      directory: try value(k.directory))
  }

  /// Stores the settings that are given (nil leaves a value as it is) and audits each change,
  /// in one transaction. Returns the settings as stored.
  @discardableResult
  public func setProfileSettings(_ new: ProfileSettings, by actor: AuditActor, at: Date)
    throws(StoreError) -> ProfileSettings
  {
    let old = try profileSettings()
    let k = ProfileSettings.keys
    try write(.staging) {
      for (key, name, before, after) in [
        (k.organization, "organisation", old.organization, new.organization),
        (k.prefix, "identifier prefix", old.identifierPrefix, new.identifierPrefix),
        (k.directory, "profile folder", old.directory, new.directory),
      ] {
        guard let after, after != before else { continue }
        try database.prepare(
          "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ).run([.text(key), .text(after)])
        try appendAudit(
          action: .setProfileSetting,
          detail: "\(name): \(before.map { "\"\($0)\"" } ?? "unset") → \"\(after)\"", actor: actor,
          at: at)
      }
    }
    return try profileSettings()
  }
}
