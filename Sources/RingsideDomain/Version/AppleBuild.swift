/// An Apple build identifier such as `20E252` or the RSR build `20E772520a`.
public struct AppleBuild: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  public let text: String

  /// Accepts two digits, one uppercase letter, 1–8 digits and an optional lowercase suffix.
  public init(_ raw: some StringProtocol) throws(VersionParseError) {
    let s = Substring(raw).trimmingSpaces
    guard AppleBuild.isWellFormed(s.utf8) else {
      throw VersionParseError(
        input: String(raw), expected: "an Apple build such as \"20E252\" or \"20E772520a\"")
    }
    text = String(s)
  }

  private static func isWellFormed(_ bytes: Substring.UTF8View) -> Bool {
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var i = bytes.startIndex
    var position = 0
    var trainDigits = 0
    var numberDigits = 0
    var sawLetter = false
    var sawSuffix = false
    while i != bytes.endIndex {
      let b = bytes[i]
      if sawSuffix { return false }
      if !sawLetter {
        if position < 2 {
          guard isDigit(b) else { return false }
          trainDigits += 1
        } else {
          guard b >= 0x41 && b <= 0x5A else { return false }
          sawLetter = true
        }
      } else if isDigit(b) {
        guard numberDigits < 8 else { return false }
        numberDigits += 1
      } else if b >= 0x61 && b <= 0x7A && numberDigits > 0 {
        sawSuffix = true
      } else {
        return false
      }
      position += 1
      i = bytes.index(after: i)
    }
    return trainDigits == 2 && sawLetter && numberDigits >= 1
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
