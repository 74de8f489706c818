import Foundation

/// A property list or JSON value decoded with Foundation's decoders, keeping booleans and
/// integers apart (both bridge to NSNumber through `PropertyListSerialization`).
indirect enum ParsedValue: Decodable, Equatable {
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([ParsedValue])
  case dictionary([String: ParsedValue])

  init(from decoder: Decoder) throws {
    if var list = try? decoder.unkeyedContainer() {
      var items: [ParsedValue] = []
      while !list.isAtEnd { items.append(try list.decode(ParsedValue.self)) }
      self = .array(items)
      return
    }
    if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
      var entries: [String: ParsedValue] = [:]
      for key in keyed.allKeys {
        entries[key.stringValue] = try keyed.decode(ParsedValue.self, forKey: key)
      }
      self = .dictionary(entries)
      return
    }
    let single = try decoder.singleValueContainer()
    if let flag = try? single.decode(Bool.self) {
      self = .bool(flag)
    } else if let number = try? single.decode(Int.self) {
      self = .int(number)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  static func plist(_ data: Data) throws -> ParsedValue {
    try PropertyListDecoder().decode(ParsedValue.self, from: data)
  }

  static func json(_ data: Data) throws -> ParsedValue {
    try JSONDecoder().decode(ParsedValue.self, from: data)
  }

  subscript(key: String) -> ParsedValue? {
    if case .dictionary(let entries) = self { entries[key] } else { nil }
  }

  var entries: [String: ParsedValue] { if case .dictionary(let e) = self { e } else { [:] } }
  var items: [ParsedValue] { if case .array(let a) = self { a } else { [] } }

  /// The schema's type name for this value.
  var schemaType: String {
    switch self {
    case .bool: "<boolean>"
    case .int: "<integer>"
    case .string: "<string>"
    case .array: "<array>"
    case .dictionary: "<dictionary>"
    }
  }
}

struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
