/// Where a device's record came from: the MDM or export that reported it. A store may hold
/// sources a newer Ringside wrote, so this is a set of known values, not a closed enum.
public struct DeviceSource: RawRepresentable, Hashable, Sendable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
  public var description: String { rawValue }
  public static func < (a: DeviceSource, b: DeviceSource) -> Bool { a.rawValue < b.rawValue }

  public static let intune: DeviceSource = "intune"
  public static let jamfMobile: DeviceSource = "jamf-mobile"
  public static let jamfComputer: DeviceSource = "jamf-computer"
  public static let fleet: DeviceSource = "fleet"
  public static let kandji: DeviceSource = "kandji"
  public static let mdm: DeviceSource = "mdm"
  public static let demo: DeviceSource = "demo"
}
