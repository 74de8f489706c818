import Foundation
import RingsideDomain

/// One JSON (or property-list) object of a record, read by dotted path (`general.osVersion`),
/// with type errors that name the record and the field.
struct JSONObject {
  let values: [String: Any]
  let location: SourceLocation

  /// The value at a dotted path; nil when missing or JSON null.
  func raw(_ path: String) -> Any? {
    var current: Any? = values
    for part in path.split(separator: ".") {
      guard let dict = current as? [String: Any] else { return nil }
      current = dict[String(part)]
    }
    if current is NSNull { return nil }
    return current
  }

  /// Text at `path`; numbers are accepted as their decimal form (ids are often numbers).
  func string(_ path: String) throws(ImportIssue) -> String? {
    switch raw(path) {
    case nil: return nil
    case let s as String: return s
    case let b as Bool: throw ImportIssue(location, field: path, "expected text, found \(b)")
    case let n as NSNumber: return n.stringValue
    case let other?:
      throw ImportIssue(location, field: path, "expected text, found \(Self.kind(other))")
    }
  }

  /// The object at `path`, or nil.
  func object(_ path: String) throws(ImportIssue) -> JSONObject? {
    switch raw(path) {
    case nil: return nil
    case let d as [String: Any]: return JSONObject(values: d, location: location)
    case let other?:
      throw ImportIssue(location, field: path, "expected an object, found \(Self.kind(other))")
    }
  }

  /// The first non-empty text of an extension attribute called `name` in any of `lists`.
  /// Jamf writes the value as `value: [..]`, `values: [..]` or `value: ".."`.
  func extensionAttribute(_ name: String, in lists: [String]) -> String? {
    for list in lists {
      guard let items = raw(list) as? [Any] else { continue }
      for case let item as [String: Any] in items {
        guard let n = item["name"] as? String, n.caseInsensitiveCompare(name) == .orderedSame else {
          continue
        }
        for key in ["value", "values"] {
          if let s = item[key] as? String, !s.trimmed.isEmpty { return s }
          if let a = item[key] as? [Any],
            let s = a.first(where: { ($0 as? String)?.trimmed.isEmpty == false })
          {
            return s as? String
          }
        }
        return nil
      }
    }
    return nil
  }

  /// Words for a JSON value's type, for messages.
  static func kind(_ value: Any) -> String {
    switch value {
    case is String: "text"
    case is Bool: "a boolean"
    case is NSNumber: "a number"
    case is [Any]: "a list"
    case is [String: Any]: "an object"
    case is Date: "a date"
    default: "\(type(of: value))"
    }
  }
}
