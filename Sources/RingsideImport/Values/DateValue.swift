import Foundation
import RingsideDomain

/// Reads the timestamps MDM exports write, without a locale-dependent formatter.
///
/// Accepts `2024-06-03T07:41:12Z`, 0–7 fraction digits, `+02:00`/`+0200`/`Z` or no zone (UTC),
/// a space instead of `T`, a date alone, the US form `6/3/2024 7:41 AM`, and the
/// `/Date(1688015874000)/` milliseconds Windows PowerShell's `ConvertTo-Json` writes.
/// `0001-01-01` and `9999-12-31` are the sentinels exports use for "never": they read as nil.
public enum DateValue {
  /// Why a timestamp could not be read.
  public struct Invalid: Error, Sendable {
    public let text: String
  }

  /// nil for empty text and for the sentinels; throws for text that is not a date.
  public static func parse(_ raw: some StringProtocol) throws(Invalid) -> Date? {
    let text = raw.trimmed
    if text.isEmpty { return nil }
    var utf8 = Array(text.utf8)
    return try utf8.withUnsafeMutableBufferPointer { b throws(Invalid) in
      try parse(bytes: UnsafeBufferPointer(b))
    }
  }

  /// The same, reading UTF-8 bytes in place (no surrounding spaces), for the CSV fast path.
  public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(Invalid) -> Date? {
    if bytes.isEmpty { return nil }
    guard let seconds = iso(bytes) ?? msDate(bytes) ?? us(Array(bytes)) else {
      throw Invalid(text: String(decoding: bytes, as: UTF8.self))
    }
    return seconds.map { Date(timeIntervalSince1970: $0) }
  }

  /// Some(nil) for a sentinel date, Some(seconds) for a date, nil when not ISO.
  private static func iso(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
    var i = 0
    func number(_ count: Int) -> Int? {
      guard i + count <= b.count else { return nil }
      var n = 0
      for k in i..<(i + count) {
        let c = b[k]
        guard c >= 48, c <= 57 else { return nil }
        n = n * 10 + Int(c - 48)
      }
      i += count
      return n
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < b.count, b[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2)
    else { return nil }
    if year == 1 || year == 9999 { return .some(nil) }
    guard (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { return nil }
    var seconds = Double(daysFromCivil(year, month, day)) * 86400
    if i == b.count { return .some(seconds) }
    guard b[i] == 84 || b[i] == 32 || b[i] == 116 else { return nil }
    i += 1
    guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else {
      return nil
    }
    var second = 0
    if expect(58) {
      guard let s = number(2), s < 61 else { return nil }
      second = s
    }
    seconds += Double(hour * 3600 + minute * 60 + second)
    if expect(46) {
      var scale = 0.1
      var digits = 0
      while i < b.count, b[i] >= 48, b[i] <= 57 {
        seconds += Double(b[i] - 48) * scale
        scale /= 10
        digits += 1
        i += 1
      }
      guard (1...9).contains(digits) else { return nil }
    }
    while i < b.count, b[i] == 32 { i += 1 }
    if i == b.count || (expect(90) || expect(122)) && i == b.count { return .some(seconds) }
    guard i < b.count, b[i] == 43 || b[i] == 45 else { return nil }
    let sign: Double = b[i] == 43 ? 1 : -1
    i += 1
    guard let zh = number(2) else { return nil }
    _ = expect(58)
    let zm = i == b.count ? 0 : number(2)
    guard let zm, i == b.count, zh < 24, zm < 60 else { return nil }
    return .some(seconds - sign * Double(zh * 3600 + zm * 60))
  }

  /// `/Date(1688015874000)/` or `/Date(1688015874000+0200)/`: milliseconds since 1970 UTC (the
  /// zone only says where it was written). Years before 2 or after 9998 are the sentinels.
  private static func msDate(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
    let text = String(decoding: b, as: UTF8.self)
    guard text.hasPrefix("/Date("), text.hasSuffix(")/"), text.count <= 40 else { return nil }
    var digits = text.dropFirst(6).dropLast(2)
    if let zone = digits.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
      let offset = digits[zone...].dropFirst()
      guard offset.count == 4, offset.allSatisfy(\.isASCII), Int(offset) != nil else { return nil }
      digits = digits[..<zone]
    }
    guard let ms = Int64(digits), abs(ms) < 1 << 50 else { return nil }
    let seconds = Double(ms) / 1000
    let first = Double(daysFromCivil(2, 1, 1)) * 86400
    let last = Double(daysFromCivil(9999, 1, 1)) * 86400
    return seconds < first || seconds >= last ? .some(nil) : .some(seconds)
  }

  /// `M/D/YYYY`, optionally followed by `h:mm[:ss] [AM|PM]`.
  private static func us(_ b: [UInt8]) -> Double?? {
    let text = String(decoding: b, as: UTF8.self)
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard let datePart = parts.first else { return nil }
    let mdy = datePart.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard mdy.count == 3, let month = mdy[0], let day = mdy[1], let year = mdy[2],
      (1...12).contains(month), year >= 1, year <= 9999, (1...daysIn(month, year)).contains(day)
    else { return nil }
    if year == 1 || year == 9999 { return .some(nil) }
    var seconds = Double(daysFromCivil(year, month, day)) * 86400
    guard parts.count > 1 else { return .some(seconds) }
    let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard (2...3).contains(hms.count), var hour = hms[0], let minute = hms[1], minute < 60 else {
      return nil
    }
    let second = hms.count == 3 ? hms[2] : 0
    guard let second, second < 61 else { return nil }
    if parts.count > 2 {
      let marker = parts[2].uppercased()
      guard parts.count == 3, marker == "AM" || marker == "PM", (1...12).contains(hour) else {
        return nil
      }
      hour = hour % 12 + (marker == "PM" ? 12 : 0)
    }
    guard hour < 24 else { return nil }
    seconds += Double(hour * 3600 + minute * 60 + second)
    return .some(seconds)
  }

  private static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
