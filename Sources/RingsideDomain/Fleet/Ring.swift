import Foundation

/// An ordered group of devices sharing one policy: `test` first, `production` last.
public struct Ring: Sendable, Hashable, Codable {
  public static let defaultNames = ["test", "production"]

  public let name: String
  public var position: Int
  public var policy: RingPolicy

  public init(name: String, position: Int, policy: RingPolicy = .unset) throws(PolicyError) {
    guard Ring.isValidName(name) else { throw PolicyError.invalidRingName(name) }
    self.name = name
    self.position = position
    self.policy = policy
  }

  /// Ring names end up in file names (`test-ios.mobileconfig`), so they are kept plain.
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.first, first.isASCIILowercaseLetter, name.count <= 32 else {
      return false
    }
    return name.allSatisfy {
      $0.isASCIILowercaseLetter || $0.isASCIIDigit || $0 == "-" || $0 == "_"
    }
  }

  /// Turns a label from an export ("Update Ring: Pilot") into a valid ring name, or nil.
  public static func normalizedName(_ label: String) -> String? {
    var out = ""
    // Accents go (José → jose, İzmir → izmir); any other letter that is not a-z is dropped.
    let unaccented = String(
      String.UnicodeScalarView(
        label.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
          $0.properties.generalCategory != .nonspacingMark
        }))
    for c in unaccented.lowercased() {
      if c.isASCIILowercaseLetter || c.isASCIIDigit || c == "_" {
        out.append(c)
      } else if c == "-" || c == " " || c == "." || c == "/" {
        if !out.isEmpty && out.last != "-" { out.append("-") }
      }
    }
    while out.last == "-" { out.removeLast() }
    while let f = out.first, !f.isASCIILowercaseLetter { out.removeFirst() }
    let name = String(out.prefix(32))
    return isValidName(name) ? name : nil
  }
}
