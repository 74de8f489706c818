/// One terminal cell: a grapheme (or nothing, right of a wide one) and its style role.
public struct Cell: Sendable, Hashable {
  /// The grapheme drawn here; empty for the right half of a wide grapheme.
  public var text: String
  public var role: StyleRole

  public init(_ text: String = " ", role: StyleRole = .screen) {
    self.text = text
    self.role = role
  }

  /// True for the right half of a wide (CJK, emoji) grapheme.
  public var isContinuation: Bool { text.isEmpty }
}
