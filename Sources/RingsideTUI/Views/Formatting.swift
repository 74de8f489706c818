import Foundation
import RingsideDomain

extension Int {
  /// `1,234,567`.
  var grouped: String {
    let digits = String(abs(self))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return self < 0 ? "-" + out : out
  }
}

/// Short texts for ages and percentages.
enum Format {
  /// `45%`, or `<1%` for a small non-zero share.
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "–" }
    let p = Double(part) * 100 / Double(whole)
    if part > 0 && p < 1 { return "<1%" }
    return "\(Int(p.rounded(.down)))%"
  }

  /// `now`, `5m`, `3h`, `12d`: how long ago, in the largest whole unit.
  static func age(_ date: Date?, now: Date) -> String {
    guard let date else { return "never" }
    let seconds = Int(now.timeIntervalSince(date))
    if seconds < 60 { return "now" }
    if seconds < 3600 { return "\(seconds / 60)m" }
    if seconds < 86400 { return "\(seconds / 3600)h" }
    return "\(seconds / 86400)d"
  }

  /// `2026-08-22 14:03` in UTC, so every session shows the same text for the same instant.
  static func timestamp(_ seconds: Int64?) -> String {
    guard let seconds else { return "unknown" }
    return timestamp(Date(timeIntervalSince1970: Double(seconds)))
  }

  static func timestamp(_ date: Date) -> String {
    UTCTimestamp.minutes(Int64(date.timeIntervalSince1970.rounded(.down)))
  }

  /// `14:03:07` local time, for "last refresh".
  static func clock(_ date: Date) -> String {
    let c = Calendar(identifier: .gregorian)
    let d = c.dateComponents([.hour, .minute, .second], from: date)
    return String(format: "%02d:%02d:%02d", d.hour ?? 0, d.minute ?? 0, d.second ?? 0)
  }
}
