/// An Apple build identifier such as `20E252` or the RSR build `20E772520a`.
public struct AppleBuild: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  public let text: String

  /// Accepts two digits, one uppercase letter, 1–8 digits and an optional lowercase suffix.
  public init(_ raw: some StringProtocol) throws(VersionParseError) {
    let s = Substring(raw).trimmingSpaces
    let chars = Array(s)
    var i = 0
    func digits(max: Int) -> Int {
      var n = 0
      while i < chars.count, chars[i].isASCIIDigit, n < max {
        i += 1
        n += 1
      }
      return n
    }
    let ok: Bool = {
      guard digits(max: 2) == 2 else { return false }
      guard i < chars.count, ("A"..."Z").contains(chars[i]) else { return false }
      i += 1
      guard digits(max: 8) >= 1 else { return false }
      if i < chars.count, chars[i].isASCIILowercaseLetter { i += 1 }
      return i == chars.count
    }()
    guard ok else {
      throw VersionParseError(
        input: String(raw), expected: "an Apple build such as \"20E252\" or \"20E772520a\"")
    }
    text = String(s)
  }

  /// The darwin-major prefix, e.g. 20 for iOS 16 and macOS 11's 20.
  public var train: Int { Int(text.prefix(2)) ?? 0 }

  public var description: String { text }

  /// Orders by train, train letter, number, then suffix, as Apple numbers builds.
  public static func < (lhs: AppleBuild, rhs: AppleBuild) -> Bool { lhs.sortKey < rhs.sortKey }

  var sortKey: String {
    let prefix = text.prefix(3)
    var digits = text.dropFirst(3)
    var suffix = ""
    if let last = digits.last, last.isASCIILowercaseLetter {
      suffix = String(last)
      digits = digits.dropLast()
    }
    return prefix + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + suffix
  }

  public init(from decoder: any Decoder) throws {
    try self.init(decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(text)
  }
}
