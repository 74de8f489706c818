/// A ring's name as the store keeps it (`test`, `pilot-macs`): lowercase ASCII letters, digits,
/// `-` and `_`, a letter first, at most 32 characters, since it ends up in file names.
public struct RingName: Sendable, Hashable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  /// A name as the store or a staged change holds it (already checked when it was stored).
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public init(stringLiteral value: String) { self.init(value) }

  /// A name given by a person, checked: nil unless `Ring.isValidName` accepts it as it is.
  public init?(validating name: String) {
    guard Ring.isValidName(name) else { return nil }
    self.init(name)
  }

  /// The name a label from an export stands for ("Update Ring: Pilot" → `update-ring-pilot`),
  /// or nil when nothing usable is left.
  public init?(label: String) {
    guard let name = Ring.normalizedName(label) else { return nil }
    self.init(name)
  }

  public var description: String { rawValue }

  public static func < (a: RingName, b: RingName) -> Bool { a.rawValue < b.rawValue }
}

/// Devices moving from one ring to another: the key of a staged move group.
public struct RingMove: Sendable, Hashable {
  public let from: RingName
  public let to: RingName

  public init(from: RingName, to: RingName) {
    self.from = from
    self.to = to
  }
}
