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

  /// `3 days ago`, `today`.
  static func age(_ date: Date?, now: Date) -> String {
    guard let date else { return "never" }
    let days = Int(now.timeIntervalSince(date) / 86400)
    switch days {
    case ..<1: return "today"
    case 1: return "1 day ago"
    default: return "\(days) days ago"
    }
  }

  static func supervised(_ value: Bool?) -> String {
    switch value {
    case true?: "yes"
    case false?: "no"
    case nil: "unknown"
    }
  }
}
