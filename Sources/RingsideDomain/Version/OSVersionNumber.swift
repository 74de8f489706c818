/// A dotted Apple release number such as `16.4.1`, compared numerically (`16.5` < `16.10`).
public struct OSVersionNumber: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The numeric parts as written (one to three: major, minor, patch).
  public let components: [Int]

  public init(_ major: Int, _ minor: Int = 0, _ patch: Int? = nil) {
    components = patch.map { [major, minor, $0] } ?? [major, minor]
  }

  /// Reads `16`, `16.4` or `16.4.1`; returns nil for anything else.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count) else { return nil }
    var numbers: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 4, part.allSatisfy(\.isASCIIDigit), let n = Int(part)
      else { return nil }
      numbers.append(n)
    }
    components = numbers
  }

  public var major: Int { components[0] }
  public var minor: Int { components.count > 1 ? components[1] : 0 }
  public var patch: Int { components.count > 2 ? components[2] : 0 }

  /// The `major.minor` train this release belongs to.
  public var minorTrain: OSVersionNumber { OSVersionNumber(major, minor) }

  public var description: String { components.map(String.init).joined(separator: ".") }

  /// A fixed-width key that sorts like the version, for SQL `ORDER BY`.
  public var sortKey: String {
    [major, minor, patch].map { n in
      let s = String(n)
      return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }.joined(separator: ".")
  }

  public static func == (lhs: OSVersionNumber, rhs: OSVersionNumber) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(major)
    hasher.combine(minor)
    hasher.combine(patch)
  }

  public static func < (lhs: OSVersionNumber, rhs: OSVersionNumber) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
  var isASCIILowercaseLetter: Bool { ("a"..."z").contains(self) }
}
