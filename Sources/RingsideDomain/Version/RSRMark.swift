/// What a source says about the RSR/BSI letter on top of a base version.
///
/// `unknown` exists because Intune reports `16.4.1` for a device on `16.4.1 (a)`:
/// absence of a letter there is not evidence that no RSR is installed.
public enum RSRMark: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The source reports the letter and there is none.
  case none
  /// The source does not report the letter.
  case unknown
  /// An RSR/BSI is installed; the letter is a single lowercase ASCII letter.
  case letter(Character)

  /// Reads `(a)`, `a`, ` (c) `; empty text means `none`.
  public static func parse(_ text: some StringProtocol) throws(VersionParseError) -> RSRMark {
    var body = Substring(text).trimmingSpaces
    if body.isEmpty { return .none }
    if body.first == "(" && body.last == ")" && body.count >= 2 {
      body = body.dropFirst().dropLast().trimmingSpaces
    }
    guard body.count == 1, let c = body.first, c.isASCIILowercaseLetter || ("A"..."Z").contains(c)
    else {
      throw VersionParseError(
        input: String(text), expected: "an RSR letter such as \"(a)\" or \"a\", or nothing")
    }
    return .letter(Character(c.lowercased()))
  }

  /// Apple's `SupplementalOSVersionExtra` form: `(a)`, or empty.
  public var extra: String {
    switch self {
    case .none, .unknown: ""
    case .letter(let c): "(\(c))"
    }
  }

  public var description: String {
    switch self {
    case .none: "none"
    case .unknown: "unknown"
    case .letter(let c): "(\(c))"
    }
  }

  public var letter: Character? {
    if case .letter(let c) = self { c } else { nil }
  }

  private var rank: Int {
    switch self {
    case .none: 0
    case .unknown: 1
    case .letter(let c): 2 + Int(c.asciiValue ?? 0)
    }
  }

  /// `none` < `unknown` < `(a)` < `(b)` < `(c)`.
  public static func < (lhs: RSRMark, rhs: RSRMark) -> Bool { lhs.rank < rhs.rank }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    switch text {
    case "none": self = .none
    case "unknown": self = .unknown
    default: self = try RSRMark.parse(text)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
