import Foundation

/// Turns what `PropertyListSerialization` returns into `JSONValue`s, keeping `<true/>` a
/// boolean and `<integer>1</integer>` a number (on Linux both can cast to `Bool`).
enum PlistValue {
  /// The value; dates become ISO 8601 text, data a placeholder.
  static func convert(_ any: Any) -> JSONValue {
    switch any {
    case let s as String: return .string(s)
    case let d as [String: Any]: return .object(d.mapValues(convert))
    case let a as [Any]: return .array(a.map(convert))
    case let d as Date: return .string(ISO8601DateFormatter().string(from: d))
    case is Data: return .string("<data>")
    default: break
    }
    // Foundation hands `<true/>` back as a Swift Bool and `<integer>` / `<real>` as NSNumber,
    // which also casts to Bool: test the exact type first.
    if type(of: any) == Bool.self, let b = any as? Bool { return .bool(b) }
    if let n = any as? NSNumber { return .number(n.stringValue) }
    return .string("\(any)")
  }
}
