import RingsideProfiles
import RingsideStore

/// Who stages and where profiles are written, for the store service.
public struct StagingContext: Sendable {
  public let actor: AuditActor
  public let directory: String
  public let organization: ProfileOrganization

  public init(actor: AuditActor, directory: String, organization: ProfileOrganization = .default) {
    self.actor = actor
    self.directory = directory
    self.organization = organization
  }
}
