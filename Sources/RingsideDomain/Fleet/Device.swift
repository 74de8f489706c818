import Foundation

/// One managed iPhone, iPad or Mac as the inventory knows it.
public struct Device: Sendable, Hashable {
  /// The merge key: serial (trimmed, upper-cased), else UDID, else `source:id`.
  public var key: String
  public var serial: String?
  public var udid: String?
  public var name: String
  public var platform: Platform
  public var model: String?
  public var version: AppleOSVersion
  /// nil when the source does not say.
  public var supervised: Bool?
  /// Apple User Enrollment (BYOD): most restrictions, RSR ones included, do not apply.
  public var userEnrolled: Bool
  public var ring: String
  public var lastCheckIn: Date?
  public var userName: String?
  public var source: DeviceSource
  public var sourceID: String?
  /// A letter this device had on its current base before going back to the base, from history.
  public var removedLetter: Character?

  public init(
    key: String? = nil, serial: String? = nil, udid: String? = nil, name: String,
    platform: Platform, model: String? = nil, version: AppleOSVersion, supervised: Bool? = nil,
    userEnrolled: Bool = false, ring: String, lastCheckIn: Date? = nil, userName: String? = nil,
    source: DeviceSource, sourceID: String? = nil, removedLetter: Character? = nil
  ) {
    self.serial = serial
    self.udid = udid
    self.name = name
    self.platform = platform
    self.model = model
    self.version = version
    self.supervised = supervised
    self.userEnrolled = userEnrolled
    self.ring = ring
    self.lastCheckIn = lastCheckIn
    self.userName = userName
    self.source = source
    self.sourceID = sourceID
    self.removedLetter = removedLetter
    self.key =
      key ?? Device.mergeKey(serial: serial, udid: udid, source: source, sourceID: sourceID)
      ?? "\(source):\(name)"
  }

  /// Serial first (trimmed, upper-cased), then UDID, then the source's own id.
  public static func mergeKey(
    serial: String?, udid: String?, source: DeviceSource, sourceID: String?
  ) -> String? {
    if let s = serial?.trimmed.uppercased(), isVisible(s) { return s }
    if let u = udid?.trimmed.uppercased(), isVisible(u) { return "UDID:" + u }
    if let id = sourceID?.trimmed, !id.isEmpty { return "\(source):\(id)" }
    return nil
  }

  /// False for an identifier with nothing a person could read in it (empty, or only spaces,
  /// controls and format characters such as U+200B): two devices whose serial is a zero-width
  /// space are not the same device.
  static func isVisible(_ identifier: String) -> Bool {
    identifier.unicodeScalars.contains { scalar in
      !scalar.properties.isWhitespace
        && ![.control, .format, .nonspacingMark, .enclosingMark].contains(
          scalar.properties.generalCategory)
        && !scalar.properties.isDefaultIgnorableCodePoint
    }
  }
}
