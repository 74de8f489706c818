/// Formats Unix times in UTC without Foundation formatters, which are slow to create and not
/// Sendable; a million rows of output stay fast.
public enum UTCTimestamp {
  /// `2026-11-20T10:04:00Z`.
  public static func iso(_ seconds: Int64) -> String {
    let (y, m, d, hh, mm, ss) = components(seconds)
    return "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(hh)):\(pad(mm)):\(pad(ss))Z"
  }

  /// `2026-11-20 10:04 UTC`.
  public static func readable(_ seconds: Int64) -> String {
    minutes(seconds) + " UTC"
  }

  /// `2026-11-20 10:04`, for columns that say UTC in their title.
  public static func minutes(_ seconds: Int64) -> String {
    let (y, m, d, hh, mm, _) = components(seconds)
    return "\(pad(y, 4))-\(pad(m))-\(pad(d)) \(pad(hh)):\(pad(mm))"
  }

  /// `2026-11-20`.
  public static func date(_ seconds: Int64) -> String {
    let (y, m, d, _, _, _) = components(seconds)
    return "\(pad(y, 4))-\(pad(m))-\(pad(d))"
  }

  /// Year, month, day, hour, minute, second, by the days-from-civil inverse (proleptic Gregorian).
  static func components(_ seconds: Int64) -> (Int, Int, Int, Int, Int, Int) {
    var days = seconds / 86400
    var rest = seconds % 86400
    if rest < 0 {
      rest += 86400
      days -= 1
    }
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (Int(y), Int(m), Int(d), Int(rest / 3600), Int(rest % 3600 / 60), Int(rest % 60))
  }

  private static func pad(_ n: Int, _ width: Int = 2) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
