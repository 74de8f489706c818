import Foundation
import RingsideDomain

/// Loads a whole JSON or property-list file, turning parser failures into messages with a
/// line and column. These exports come in pages of at most a few thousand records, so the
/// file is read at once; anything past `maxBytes` is refused rather than loaded.
enum StructuredFile {
  static let maxBytes = 512 << 20

  /// The bytes of `path`, refusing files too large to parse in memory.
  static func bytes(_ path: String) throws(ImportIssue) -> Data {
    let here = SourceLocation(file: path)
    let size =
      (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    if size > maxBytes {
      throw ImportIssue(
        here,
        "is \(size >> 20) MB; JSON and plist files over \(maxBytes >> 20) MB are not read (split the export into pages)"
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportIssue(here, "cannot read the file")
    }
    return data
  }

  /// Parses JSON; the error names where the parser stopped and what it expected.
  static func json(_ data: Data, file: String) throws(ImportIssue) -> Any {
    if let issue = encodingProblem(data, file: file) { throw issue }
    do {
      return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
      var location = SourceLocation(file: file)
      if let range = debug.range(of: #"character (\d+)"#, options: .regularExpression),
        let offset = Int(debug[range].split(separator: " ").last ?? "")
      {
        location = SourceLocation(file: file, line: lineNumber(data, offset: offset))
      } else if debug.lowercased().contains("end of file") {
        location = SourceLocation(file: file, line: lineNumber(data, offset: data.count))
        throw ImportIssue(location, "the JSON ends early: the file is truncated (\(debug))")
      }
      throw ImportIssue(location, "not valid JSON: \(debug)")
    }
  }

  /// Parses an XML or binary property list.
  static func plist(_ data: Data, file: String) throws(ImportIssue) -> Any {
    do {
      return try PropertyListSerialization.propertyList(from: data, options: [], format: nil)
    } catch {
      let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
      throw ImportIssue(
        SourceLocation(file: file), "not a readable property list (truncated?): \(debug)")
    }
  }

  /// UTF-16/32 text or stray NUL bytes, which JSON exports never contain.
  static func encodingProblem(_ data: Data, file: String) -> ImportIssue? {
    let head = [UInt8](data.prefix(4096))
    let here = SourceLocation(file: file)
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      return ImportIssue(here, "is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    }
    if head.contains(0) {
      return ImportIssue(
        here, "contains NUL bytes: it is binary, or UTF-16 without a byte-order mark")
    }
    return nil
  }

  private static func lineNumber(_ data: Data, offset: Int) -> Int {
    var line = 1
    for b in data.prefix(offset) where b == 0x0A { line += 1 }
    return line
  }

  /// The records of a file: an array at `key` of the top object, or a top-level array.
  /// Non-object items are reported through `rejected`.
  static func records(
    _ top: Any, keys: [String], file: String, rejected: (ImportIssue) throws -> Void
  ) throws -> [(JSONObject, String)] {
    var list: [Any]?
    var prefix = ""
    if let a = top as? [Any] {
      list = a
    } else if let d = top as? [String: Any] {
      for key in keys {
        if let a = d[key] as? [Any] {
          list = a
          prefix = key
          break
        }
        if let one = d[key] as? [String: Any] {
          list = [one]
          prefix = key
          break
        }
      }
    }
    guard let list else {
      throw ImportIssue(
        SourceLocation(file: file),
        "expected a list of devices under \(keys.map { "\"\($0)\"" }.joined(separator: " or "))")
    }
    var out: [(JSONObject, String)] = []
    for (i, item) in list.enumerated() {
      let path = "\(prefix)[\(i)]"
      let here = SourceLocation(file: file, path: path)
      guard let object = item as? [String: Any] else {
        try rejected(ImportIssue(here, "expected an object, found \(JSONObject.kind(item))"))
        continue
      }
      out.append((JSONObject(values: object, location: here), path))
    }
    return out
  }
}
