import Foundation
import RingsideDomain

/// Reads the booleans exports write: `true`/`false` in any case, `Yes`/`No`, `1`/`0`,
/// JSON booleans (never JSON numbers), and the string `"false"` Graph uses for `jailBroken`.
public enum BoolValue {
  /// Why a value could not be read as a boolean.
  public struct Invalid: Error, Sendable {
    public let text: String
  }

  /// nil for empty text and for `Unknown`; throws for anything else that is not a boolean.
  public static func parse(_ raw: some StringProtocol) throws(Invalid) -> Bool? {
    switch raw {
    case "Yes", "True", "true": return true
    case "No", "False", "false": return false
    default: break
    }
    switch raw.trimmed.lowercased() {
    case "true", "yes", "y", "1": return true
    case "false", "no", "n", "0": return false
    case "", "unknown", "null", "n/a": return nil
    default: throw Invalid(text: String(raw))
    }
  }

  /// A value from JSON or a property list: a boolean, or text as above. A number is refused:
  /// a JSON `1` is a count or an id, never `true`.
  static func parse(json value: JSONValue?) throws(Invalid) -> Bool? {
    switch value {
    case nil, .null?: return nil
    case .bool(let b)?: return b
    case .string(let s)?: return try parse(s)
    case let other?: throw Invalid(text: JSONObject.describe(other))
    }
  }
}
