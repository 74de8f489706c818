import Foundation
import RingsideDomain

/// One device as a source reported it, already checked and converted to domain values.
public struct ImportRecord: Sendable, Hashable {
  public var location: SourceLocation
  public var source: ImportSource
  /// The source's own id for the device (Intune device id, Jamf id, ...).
  public var sourceID: String?
  public var serial: String?
  public var udid: String?
  public var name: String
  public var platform: Platform
  public var model: String?
  public var version: AppleOSVersion
  public var supervised: Bool?
  public var userEnrolled: Bool
  public var lastCheckIn: Date?
  public var userName: String?
  /// The raw value of the `--ring-from` field, when asked for and present.
  public var ringLabel: String?

  public init(
    location: SourceLocation, source: ImportSource, sourceID: String?, serial: String?,
    udid: String?, name: String, platform: Platform, model: String?, version: AppleOSVersion,
    supervised: Bool?, userEnrolled: Bool, lastCheckIn: Date?, userName: String?,
    ringLabel: String? = nil
  ) {
    self.location = location
    self.source = source
    self.sourceID = sourceID
    self.serial = serial
    self.udid = udid
    self.name = name
    self.platform = platform
    self.model = model
    self.version = version
    self.supervised = supervised
    self.userEnrolled = userEnrolled
    self.lastCheckIn = lastCheckIn
    self.userName = userName
    self.ringLabel = ringLabel
  }

  /// Serial (trimmed, upper-cased), else UDID, else the source's id.
  public var mergeKey: String? {
    if let serial, let first = serial.utf8.first, let last = serial.utf8.last, first > 0x20,
      first < 0x80,
      last > 0x20, last < 0x80
    {
      return serial.uppercased()
    }
    return Device.mergeKey(
      serial: serial, udid: udid, source: DeviceSource(rawValue: source.rawValue),
      sourceID: sourceID)
  }
}

/// An update a device says it can install, from an MDM `AvailableOSUpdates` response.
public struct PendingUpdateRecord: Sendable, Hashable {
  public var location: SourceLocation
  /// The device the response came from.
  public var udid: String
  public var updates: [PendingOSUpdate]
  public var seenAt: Date?
}

/// One entry of `AvailableOSUpdates`.
public struct PendingOSUpdate: Sendable, Hashable {
  public var version: String
  public var rsr: RSRMark
  public var build: String?
  public var supplementalBuild: String?
  public var isSecurityResponse: Bool
}

/// What a reader hands the import, record by record.
public enum ImportItem: Sendable {
  case device(ImportRecord)
  case pending(PendingUpdateRecord)
  case rejected(ImportIssue)
  /// A record for a device Ringside does not manage (Windows, Android...).
  case skipped(SourceLocation, reason: String)
  /// Something the admin should know that rejects nothing, such as a missing `--ring-from` column.
  case notice(String)
  /// A page's paging marks (Graph, Jamf), checked against the import's other pages at the end.
  case page(ExportPage)
}

/// What one page of a paged export says about the pages around it.
public struct ExportPage: Sendable, Hashable {
  public var file: String
  public var format: ImportFormat
  /// The page after this one, when Graph had more.
  public var nextLink: String?
  /// The whole collection's size: Graph's `@odata.count` (with `$count=true`), Jamf's
  /// `totalCount`.
  public var count: Int?
  /// The devices on this page.
  public var records: Int
}
