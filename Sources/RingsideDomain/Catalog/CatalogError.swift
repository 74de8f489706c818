/// A catalog file that cannot be read, with the place and the reason, for a one-line message.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
  public let file: String
  /// `line 12` or a JSON path such as `OSVersions[0].SecurityReleases[3].ProductVersion`.
  public let location: String
  public let reason: String

  /// Text to look for in the file to find the line of the problem (a JSON `"Key": value`).
  let line: String?

  public init(file: String, location: String, reason: String, near text: String? = nil) {
    self.file = file
    self.location = location
    self.reason = reason
    self.line = text
  }

  public var description: String {
    let place = location.isEmpty ? file : "\(file): \(location)"
    return "\(place): \(reason)"
  }
}
