import Foundation

/// Reads a property list (XML or binary) from bytes already in memory: MDM command responses
/// are small, so they are read whole, up to `maxBytes`.
enum PlistFile {
  static let maxBytes = 64 << 20

  /// The parsed list as `JSONValue`s; the error names the file.
  static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> JSONValue {
    do {
      let top = try PropertyListSerialization.propertyList(
        from: Data(bytes), options: [], format: nil)
      return PlistValue.convert(top)
    } catch {
      let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
      throw ImportIssue(
        SourceLocation(file: file), "not a readable property list (truncated?): \(debug)")
    }
  }
}
