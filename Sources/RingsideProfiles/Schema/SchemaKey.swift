import RingsideDomain

/// One key Ringside writes, with what Apple's schema (`reference/apple-device-management`)
/// says about it: where it lives, its type and range, and which platforms accept it from
/// which OS version. The builders consult these facts, so a key never reaches a platform
/// the schema does not list for it; a test reads the YAML and checks every fact.
public struct SchemaKey: Sendable, Hashable {
  /// The schema's value types that Ringside writes.
  public enum ValueType: String, Sendable, Hashable {
    case boolean = "<boolean>"
    case integer = "<integer>"
    case string = "<string>"
    case dictionary = "<dictionary>"
  }

  /// The payload type (`com.apple.applicationaccess`) or declaration type holding the key.
  public let container: String
  /// The key, with parent keys first for declaration subkeys (`["Deferrals", "MinorPeriodInDays"]`).
  public let path: [String]
  public let type: ValueType
  /// Inclusive bounds for integers, when the schema gives a `range`.
  public let range: ClosedRange<Int>?
  /// Allowed strings, when the schema gives a `rangelist`.
  public let allowedValues: [String]
  /// The platforms that accept the key and the OS version each introduced it in.
  public let introduced: [PlatformFamily: OSVersionNumber]
  /// Platforms where the key only takes effect on supervised devices.
  public let supervisedOnly: Set<PlatformFamily>

  public init(
    container: String, path: [String], type: ValueType, range: ClosedRange<Int>? = nil,
    allowedValues: [String] = [], introduced: [PlatformFamily: OSVersionNumber],
    supervisedOnly: Set<PlatformFamily> = []
  ) {
    self.container = container
    self.path = path
    self.type = type
    self.range = range
    self.allowedValues = allowedValues
    self.introduced = introduced
    self.supervisedOnly = supervisedOnly
  }

  /// The key's own name, the last element of its path.
  public var name: String { path.last ?? "" }

  /// Whether the schema lets this key be written for `family`.
  public func supports(_ family: PlatformFamily) -> Bool { introduced[family] != nil }
}
