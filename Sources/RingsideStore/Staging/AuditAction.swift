/// What an audit entry records. The log keeps the text; one written by a newer Ringside, unknown
/// here, is kept as it is (so this is a struct of known values, not a closed enum).
public struct AuditAction: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
  public var description: String { rawValue }

  public static let stagePolicy: AuditAction = "stage-policy"
  public static let stageMove: AuditAction = "stage-move"
  public static let discard: AuditAction = "discard"
  public static let apply: AuditAction = "apply"
  public static let applyPolicy: AuditAction = "apply-policy"
  public static let applyMove: AuditAction = "apply-move"
  public static let writeProfile: AuditAction = "write-profile"
  public static let removeProfile: AuditAction = "remove-profile"
  public static let setProfileSetting: AuditAction = "set-profile-setting"
  public static let importInventory: AuditAction = "import"
}
