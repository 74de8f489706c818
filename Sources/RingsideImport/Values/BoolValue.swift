import Foundation
import RingsideDomain

/// Reads the booleans exports write: `true`/`false` in any case, `Yes`/`No`, `1`/`0`,
/// JSON booleans, and the string `"false"` Graph uses for `jailBroken`.
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

  /// A value from JSON or a property list: a boolean, a number 0/1, or text as above.
  public static func parse(any value: Any?) throws(Invalid) -> Bool? {
    switch value {
    case nil, is NSNull: return nil
    case let b as Bool: return b
    case let s as String: return try parse(s)
    default: throw Invalid(text: String(describing: value!))
    }
  }
}
