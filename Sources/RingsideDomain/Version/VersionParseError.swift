/// Why a version, letter or build could not be read, phrased as what was expected.
public struct VersionParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public let input: String
  public let expected: String

  public init(input: String, expected: String) {
    self.input = input
    self.expected = expected
  }

  public var description: String {
    "cannot read \(String(reflecting: Sanitized.text(input, limit: 60))) as a version: expected \(expected)"
  }
}
