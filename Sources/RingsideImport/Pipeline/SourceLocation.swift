import RingsideDomain

/// Where a record or a problem sits in an input: a CSV line, or a JSON / plist path.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public let file: String
  /// The line a record starts on, 1-based.
  public let line: Int?
  /// A path such as `results[3]` or `value[0]`, for JSON and property lists.
  public let path: String?

  public init(file: String, line: Int? = nil, path: String? = nil) {
    self.file = file
    self.line = line
    self.path = path
  }

  /// `file:12`, `file: results[3]`, `file:40: results[3]`, or the file alone.
  public var description: String {
    let name = Sanitized.text(file, limit: 200)
    if let line, let path { return "\(name):\(line): \(Sanitized.text(path, limit: 120))" }
    if let line { return "\(name):\(line)" }
    if let path { return "\(name): \(Sanitized.text(path, limit: 120))" }
    return name
  }
}

/// One rejected record or unreadable file: where, which field, and what was wrong.
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
  public let location: SourceLocation
  public let field: String?
  public let reason: String
  /// True when the input could not be opened at all (missing, unreadable): the command's exit
  /// status then says "no input" rather than "bad data".
  public let cannotOpen: Bool

  public init(
    _ location: SourceLocation, field: String? = nil, _ reason: String, cannotOpen: Bool = false
  ) {
    self.location = location
    self.field = field
    self.reason = reason
    self.cannotOpen = cannotOpen
  }

  /// `devices.csv:14: field "OS version": cannot read "16.x" as a version: expected ...`
  public var description: String {
    var text = location.description + ": "
    if let field { text += "field \"\(Sanitized.text(field, limit: 80))\": " }
    return text
      + reason.split(separator: "\n", omittingEmptySubsequences: false)
      .map { Sanitized.text($0, limit: 400) }.joined(separator: "\n")
  }
}
