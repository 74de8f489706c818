import Foundation
import RingsideDomain

/// The rule for check-ins in the future: a clock or export error, never a real time. More than
/// `tolerance` ahead of the import, the time is dropped (the record still imports, with no
/// check-in) and a warning names the record, so one bad date cannot win every later merge.
enum FutureCheckIn {
  static let tolerance: TimeInterval = 86_400

  /// `date`, or nil with `warning` called when it lies too far ahead of `now`.
  static func checked(
    _ date: Date?, now: Date, at location: SourceLocation, warning: (String) -> Void
  ) -> Date? {
    guard let date, date > now + tolerance else { return date }
    let shown = ISO8601DateFormatter().string(from: date)
    warning(
      "\(location.description): the check-in \(shown) is more than a day in the future (a wrong clock or export?); the time is ignored for this record"
    )
    return nil
  }
}
