import RingsideDomain

/// The organisation named in every profile (`PayloadOrganization`) and in every identifier.
/// The name is free text from the command line, so it is only ever written escaped; the
/// identifiers use a plain slug of it.
public struct ProfileOrganization: Sendable, Hashable {
  public static let defaultName = "Ringside"
  public static let `default` = try! ProfileOrganization(defaultName)
  static let maximumLength = 128

  public let name: String
  /// Lowercase ASCII letters, digits and `-`; a hash of the name when nothing else is left.
  public let slug: String
  /// A reverse-DNS prefix such as `com.example` for every identifier, or nil for `ringside.SLUG`.
  public private(set) var identifierPrefix: String?

  /// What every identifier starts with: `ringside.SLUG`, or with a prefix `PREFIX.ringside`.
  /// Profiles written under one root and then another are two profiles to the MDM.
  public var identifierRoot: String {
    identifierPrefix.map { "\($0).ringside" } ?? "ringside.\(slug)"
  }

  /// This organisation writing identifiers under `prefix` (`com.example.ringside.test.ios`).
  public func withIdentifierPrefix(_ prefix: String?) -> ProfileOrganization {
    var copy = self
    copy.identifierPrefix = prefix
    return copy
  }

  /// Whether `text` is a reverse-DNS prefix: dot-separated labels of ASCII letters, digits and
  /// `-`, at least two of them, 200 characters at most.
  public static func isIdentifierPrefix(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    return text.count <= 200 && labels.count >= 2
      && labels.allSatisfy { label in
        !label.isEmpty
          && label.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
              || $0 == "-"
          }
      }
  }

  public init(_ name: String) throws(ProfileError) {
    let trimmed = name.trimmed
    guard !trimmed.isEmpty else { throw .organizationEmpty }
    guard trimmed.count <= ProfileOrganization.maximumLength else {
      throw .organizationTooLong(trimmed.count, limit: ProfileOrganization.maximumLength)
    }
    self.name = trimmed
    slug = ProfileOrganization.slug(of: trimmed)
  }

  static func slug(of name: String) -> String {
    var out = ""
    for scalar in name.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty && out.last != "-" {
        out += "-"
      }
    }
    while out.last == "-" { out.removeLast() }
    out = String(out.prefix(40))
    while out.last == "-" { out.removeLast() }
    if out.isEmpty { out = "org-" + SHA256.hex(Array(name.utf8)).prefix(12) }
    return out
  }
}
