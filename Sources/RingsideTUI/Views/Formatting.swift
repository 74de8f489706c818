import Foundation
import RingsideDomain

/// Short texts for ages and percentages.
enum Format {
  /// `45%`, or `<1%` for a small non-zero share.
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "–" }
    let p = Double(part) * 100 / Double(whole)
    if part > 0 && p < 1 { return "<1%" }
    return "\(Int(p.rounded(.down)))%"
  }

  /// Whole percentages of `parts` that add up to 100 (largest remainders get the rounding),
  /// with `<1%` for a part too small to show; `–` for each when `whole` is 0.
  static func percentages(_ parts: [Int], of whole: Int) -> [String] {
    guard whole > 0 else { return parts.map { _ in "–" } }
    let exact = parts.map { Double($0) * 100 / Double(whole) }
    var whole100 = exact.map { Int($0.rounded(.down)) }
    let total = parts.reduce(0, +) == whole ? 100 : Int(exact.reduce(0, +).rounded())
    let order = exact.indices.sorted {
      (exact[$0] - Double(whole100[$0]), $1) > (exact[$1] - Double(whole100[$1]), $0)
    }
    var missing = total - whole100.reduce(0, +)
    for i in order where missing > 0 {
      whole100[i] += 1
      missing -= 1
    }
    return zip(parts, whole100).map { part, p in part > 0 && p == 0 ? "<1%" : "\(p)%" }
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
