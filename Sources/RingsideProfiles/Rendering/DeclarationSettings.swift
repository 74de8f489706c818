import Foundation

/// The settings of a `softwareupdate.settings` declaration as key paths and values, e.g.
/// `RapidSecurityResponse.Enable = true`: what an admin enters by hand in an MDM that offers
/// the declaration's settings but takes no custom declaration file. The names are Apple's
/// (the declaration's own keys), not any MDM's labels.
public enum DeclarationSettings {
  /// One line per leaf of the declaration's `Payload`, sorted; empty when `text` is not a
  /// declaration.
  public static func lines(ofDeclaration text: String) -> [String] {
    settings(ofDeclaration: text).map { "\($0.keyPath.joined(separator: ".")) = \($0.valueText)" }
  }

  /// Every leaf of the declaration's `Payload` with its key path, sorted by path; empty when
  /// `text` is not a declaration.
  public static func settings(ofDeclaration text: String) -> [DeclarationSetting] {
    guard let top = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)),
      case .object(let fields) = top, case .object(let payload)? = fields["Payload"]
    else { return [] }
    var out: [DeclarationSetting] = []
    flatten(.object(payload), path: [], into: &out)
    return out.sorted { $0.keyPath.joined(separator: ".") < $1.keyPath.joined(separator: ".") }
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

  private static func flatten(_ value: Value, path: [String], into out: inout [DeclarationSetting])
  {
    if case .object(let fields) = value {
      for (key, inner) in fields { flatten(inner, path: path + [key], into: &out) }
      return
    }
    let scalar: DeclarationSetting.Scalar =
      switch value {
      case .bool(let flag): .boolean(flag)
      case .number(let number) where number == number.rounded() && abs(number) < 1e15:
        .integer(Int(number))
      case .string(let text): .string(text)
      default: .other
      }
    out.append(DeclarationSetting(keyPath: path, valueText: value.text, scalar: scalar))
  }
}

/// One setting of a declaration: its key path under `Payload` and its value, as text and,
/// where it is one, as a typed scalar (what an MDM's own settings pages take).
public struct DeclarationSetting: Sendable, Hashable {
  /// A value an MDM's settings page can hold.
  public enum Scalar: Sendable, Hashable {
    case boolean(Bool)
    case integer(Int)
    case string(String)
    /// Arrays, fractions and nulls: no settings-page equivalent.
    case other
  }

  public let keyPath: [String]
  /// The value as JSON shows it (`true`, `7`, `"AlwaysOn"`).
  public let valueText: String
  public let scalar: Scalar

  public init(keyPath: [String], valueText: String, scalar: Scalar) {
    self.keyPath = keyPath
    self.valueText = valueText
    self.scalar = scalar
  }
}
