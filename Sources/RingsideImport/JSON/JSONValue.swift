import Foundation

/// A JSON (or property-list) value exactly as the file wrote it: a number keeps its text, so
/// `1` never turns into `true` and `16.10` never into `16.1`; booleans and strings stay apart.
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number's literal text, e.g. `16.10` or `1`.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Words for the value's type, for messages.
  var kind: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "text"
    case .array: "a list"
    case .object: "an object"
    }
  }

  /// The members of an object, else nil.
  var members: [String: JSONValue]? {
    if case .object(let m) = self { return m }
    return nil
  }

  /// The items of a list, else nil.
  var items: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The text of a string, else nil.
  var text: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// A whole number written as such (`1000`), else nil.
  var count: Int? {
    if case .number(let n) = self { return Int(n) }
    return nil
  }

  /// The value at `key` of an object; nil when missing, JSON null, or not an object.
  subscript(key: String) -> JSONValue? {
    guard case .object(let m) = self, let v = m[key] else { return nil }
    if case .null = v { return nil }
    return v
  }
}
