import Foundation
import RingsideDomain

/// Dates and device fields as Ringside prints them.
enum Formatting {
  /// `2026-11-20 10:04 UTC`.
  static func timestamp(_ date: Date?) -> String {
    guard let date else { return "never" }
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return f.string(from: date)
  }

  /// `2026-11-20T10:04:00Z`, for JSON and CSV.
  static func iso(_ date: Date?) -> String {
    guard let date else { return "" }
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
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
