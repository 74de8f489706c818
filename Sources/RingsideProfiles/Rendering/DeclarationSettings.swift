import Foundation

/// The settings of a `softwareupdate.settings` declaration as key paths and values, e.g.
/// `RapidSecurityResponse.Enable = true`: what an admin enters by hand in an MDM that offers
/// the declaration's settings but takes no custom declaration file. The names are Apple's
/// (the declaration's own keys), not any MDM's labels.
public enum DeclarationSettings {
  /// One line per leaf of the declaration's `Payload`, sorted; empty when `text` is not a
  /// declaration.
  public static func lines(ofDeclaration text: String) -> [String] {
    guard let top = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)),
      case .object(let fields) = top, case .object(let payload)? = fields["Payload"]
    else { return [] }
    var out: [String] = []
    flatten(.object(payload), prefix: "", into: &out)
    return out.sorted()
  }

  /// A JSON value, booleans told apart from numbers.
  private enum Value: Decodable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Value])
    case object([String: Value])
    case null

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode([Value].self) {
        self = .array(value)
      } else {
        self = .object(try container.decode([String: Value].self))
      }
    }

    var text: String {
      switch self {
      case .bool(let value): value ? "true" : "false"
      case .number(let value):
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
      case .string(let value): "\"\(value)\""
      case .array(let values): "[" + values.map(\.text).joined(separator: ", ") + "]"
      case .object: "{…}"
      case .null: "null"
      }
    }
  }

  private static func flatten(_ value: Value, prefix: String, into out: inout [String]) {
    if case .object(let fields) = value {
      for (key, inner) in fields {
        flatten(inner, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &out)
      }
      return
    }
    out.append("\(prefix) = \(value.text)")
  }
}
