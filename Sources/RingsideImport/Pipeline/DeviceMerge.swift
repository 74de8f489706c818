import Foundation
import RingsideDomain
import RingsideStore

/// The merge rules for one device seen by two records, pure so each rule is tested alone.
///
/// The newest check-in wins for the version, except that a letter a source knows is never
/// replaced by "unknown" for the same base and build (Intune's `16.4.1` does not erase Jamf's
/// `16.4.1 (a)`), whichever of the two is newer. Identity (serial, UDID) is kept once known,
/// and other attributes come from the newer record when it has them.
public enum DeviceMerge {
  /// True when `incoming` is at least as recent as `stored`; a record without a time is older
  /// than one with a time, and of two without, the later import wins.
  public static func isNewer(_ incoming: Date?, than stored: Date?) -> Bool {
    switch (incoming, stored) {
    case (let a?, let b?): a >= b
    case (nil, .some): false
    default: true
    }
  }

  /// The version to keep when `newer` and `older` describe one device.
  public static func version(newer: AppleOSVersion, older: AppleOSVersion) -> AppleOSVersion {
    guard newer.base != nil else { return older }
    var v = newer
    guard sameRelease(v, older) else { return v }
    if v.rsr == .unknown { v.rsr = older.rsr }
    if v.rsr == older.rsr {
      v.build = v.build ?? older.build
      v.supplementalBuild = v.supplementalBuild ?? older.supplementalBuild
    }
    return v
  }

  /// Same base, and the builds do not contradict each other.
  static func sameRelease(_ a: AppleOSVersion, _ b: AppleOSVersion) -> Bool {
    guard a.base == b.base else { return false }
    if let x = a.build, let y = b.build, x != y { return false }
    if a.rsr == .unknown, let x = a.supplementalBuild, let y = b.supplementalBuild, x != y {
      return false
    }
    return true
  }

  /// True when base, letter or builds differ: a change the history records.
  public static func versionChanged(_ a: AppleOSVersion, _ b: AppleOSVersion) -> Bool {
    ImportSession.versionDiffers(a, b)
  }

  /// `stored` updated with what `incoming` adds; the ring and removed letter stay as stored.
  public static func merged(stored: Device, incoming: Device) -> Device {
    let incomingNewer = isNewer(incoming.lastCheckIn, than: stored.lastCheckIn)
    let (newer, older) = incomingNewer ? (incoming, stored) : (stored, incoming)
    var d = stored
    d.version = version(newer: newer.version, older: older.version)
    let versionFromIncoming = incomingNewer && incoming.version.base != nil
    d.source = versionFromIncoming ? incoming.source : stored.source
    d.serial = stored.serial ?? incoming.serial
    d.udid = stored.udid ?? incoming.udid
    d.name = newer.name.isEmpty ? older.name : newer.name
    d.model = model(newer: newer.model, older: older.model)
    d.platform = platform(newer: newer.platform, older: older.platform)
    d.version.platform = d.platform
    d.supervised = newer.supervised ?? older.supervised
    d.userName = newer.userName ?? older.userName
    d.lastCheckIn = [stored.lastCheckIn, incoming.lastCheckIn].compactMap { $0 }.max()
    d.userEnrolled = d.serial == nil && (stored.userEnrolled || incoming.userEnrolled)
    if let key = Device.mergeKey(serial: d.serial, udid: d.udid, source: d.source, sourceID: nil) {
      d.key = key
    }
    return d
  }

  /// The newer record's model, unless it is a marketing name alone where the older one carries
  /// the model identifier (Graph's "iPhone 15" after Jamf's "iPhone 15 (iPhone15,4)"): the
  /// identifier tells which releases the hardware runs, and a device's hardware never changes.
  public static func model(newer: String?, older: String?) -> String? {
    guard let newer else { return older }
    if ModelIdentifier.extract(from: newer) == nil, let older,
      ModelIdentifier.extract(from: older) != nil
    {
      return older
    }
    return newer
  }

  /// iPads that report `iOS` stay iPads; otherwise the newer record decides.
  static func platform(newer: Platform, older: Platform) -> Platform {
    if Set([newer, older]) == [.iOS, .iPadOS] { return .iPadOS }
    return newer
  }
}
