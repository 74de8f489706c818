import Foundation
import RingsideDomain

/// One JSON (or property-list) object of a record, read by dotted path (`general.osVersion`),
/// with type errors that name the file, the record and the field.
struct JSONObject {
  let values: [String: JSONValue]
  let location: SourceLocation

  /// The value at a dotted path; nil when missing or JSON null.
  func raw(_ path: String) -> JSONValue? {
    if !path.utf8.contains(0x2E) {
      guard let v = values[path] else { return nil }
      if case .null = v { return nil }
      return v
    }
    var current = JSONValue.object(values)
    for part in path.split(separator: ".") {
      guard let next = current[String(part)] else { return nil }
      current = next
    }
    return current
  }

  /// True when the object has member `key` at all, even as null.
  func has(_ key: String) -> Bool { values[key] != nil }

  /// Text at `path`. A number is accepted as the digits it was written with (ids are often
  /// numbers: `"id": 1`); a boolean, list or object is refused.
  func string(_ path: String) throws(ImportIssue) -> String? {
    switch raw(path) {
    case nil: return nil
    case .string(let s): return s
    case .number(let n): return n
    case let other?:
      throw ImportIssue(location, field: path, "expected text, found \(Self.describe(other))")
    }
  }

  /// A version's text at `path`. A JSON number is refused: `16.10` written as a number reads
  /// as 16.1 to most tools, so Ringside never guesses which release was meant.
  func versionText(_ path: String) throws(ImportIssue) -> String? {
    switch raw(path) {
    case nil: return nil
    case .string(let s): return s
    case .number(let n):
      throw ImportIssue(
        location, field: path,
        "is the number \(n.prefix(40)), not text: a version must be a string such as \"16.10\" (a number cannot tell 16.1 from 16.10)"
      )
    case let other?:
      throw ImportIssue(location, field: path, "expected text, found \(Self.describe(other))")
    }
  }

  /// The object at `path`, or nil.
  func object(_ path: String) throws(ImportIssue) -> JSONObject? {
    switch raw(path) {
    case nil: return nil
    case .object(let d): return JSONObject(values: d, location: location)
    case let other?:
      throw ImportIssue(location, field: path, "expected an object, found \(Self.describe(other))")
    }
  }

  /// The first non-empty text of an extension attribute called `name` in any of `lists`.
  /// Jamf writes the value as `value: [..]`, `values: [..]` or `value: ".."`.
  func extensionAttribute(_ name: String, in lists: [String]) -> String? {
    for list in lists {
      guard let items = raw(list)?.items else { continue }
      for item in items {
        guard let n = item["name"]?.text, n.caseInsensitiveCompare(name) == .orderedSame else {
          continue
        }
        for key in ["value", "values"] {
          if let s = item[key]?.text, !s.trimmed.isEmpty { return s }
          if let a = item[key]?.items,
            let s = a.lazy.compactMap(\.text).first(where: { !$0.trimmed.isEmpty })
          {
            return s
          }
        }
        return nil
      }
    }
    return nil
  }

  /// The value's type, and for a boolean or number its text: `true`, `the number 16.10`.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .bool(let b): "\(b)"
    case .number(let n): "the number \(n.prefix(40))"
    default: value.kind
    }
  }
}
