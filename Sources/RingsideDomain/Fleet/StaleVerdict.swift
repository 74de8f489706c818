import Foundation

/// Says when a verdict rests on old data: a device that has not checked in for longer than a
/// device counts as stale (`DeviceFilter.staleDays`) may have been updated, or lost, since.
public enum StaleVerdict {
  /// The sentence for a device last seen at `lastCheckIn`, or nil when it checked in lately.
  public static func sentence(lastCheckIn: Date?, now: Date) -> String? {
    guard let lastCheckIn else { return nil }
    let days = Int(now.timeIntervalSince(lastCheckIn) / 86400)
    guard days > DeviceFilter.staleDays else { return nil }
    return "Its last check-in was \(days) days ago: this verdict rests on what it reported then; "
      + "get it to check in first, or retire it if it is gone."
  }
}
