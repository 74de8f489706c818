import Foundation
import RingsideProfiles
import RingsideStore

/// Who stages and where profiles are written, for the store service.
public struct StagingContext: Sendable {
  public let actor: AuditActor
  public let directory: String
  public let organization: ProfileOrganization
  /// This dashboard session, so a run of keys on one setting is audited once.
  public let session: String

  public init(
    actor: AuditActor, directory: String, organization: ProfileOrganization = .default,
    session: String = UUID().uuidString
  ) {
    self.actor = actor
    self.directory = directory
    self.organization = organization
    self.session = session
  }
}
