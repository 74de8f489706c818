import Foundation
import RingsideDomain

/// Dates and device fields as Ringside prints them.
enum Formatting {
  /// `2026-11-20 10:04 UTC`.
  static func timestamp(_ date: Date?) -> String {
    guard let date else { return "never" }
    return UTCTimestamp.readable(Int64(date.timeIntervalSince1970.rounded(.down)))
  }

  /// `2026-11-20T10:04:00Z`, for JSON and CSV.
  static func iso(_ date: Date?) -> String {
    guard let date else { return "" }
    return UTCTimestamp.iso(Int64(date.timeIntervalSince1970.rounded(.down)))
  }

  /// `12 minutes ago`, `5 hours ago`, `yesterday`, `3 days ago`: by the clock within a day, by
  /// UTC calendar days after that (the timestamps beside it are UTC).
  static func age(_ date: Date?, now: Date) -> String {
    guard let date else { return "never" }
    let seconds = Int(now.timeIntervalSince(date))
    if seconds < -300 { return "in the future" }
    let days =
      Int((now.timeIntervalSince1970 / 86400).rounded(.down))
      - Int((date.timeIntervalSince1970 / 86400).rounded(.down))
    if days <= 0 || seconds < 3600 {
      if seconds < 120 { return "just now" }
      if seconds < 3600 { return "\(seconds / 60) minutes ago" }
      return seconds < 7200 ? "1 hour ago" : "\(seconds / 3600) hours ago"
    }
    return days == 1 ? "yesterday" : "\(days) days ago"
  }

  static func supervised(_ value: Bool?) -> String {
    switch value {
    case true?: "yes"
    case false?: "no"
    case nil: "unknown"
    }
  }
}
