/// The values a profile or a declaration holds. Dictionaries are written with their keys in
/// byte order, so the output depends only on the content, never on construction order.
public indirect enum PropertyListValue: Sendable, Hashable {
  case string(String)
  case integer(Int)
  case boolean(Bool)
  case array([PropertyListValue])
  case dictionary([String: PropertyListValue])

  /// The entries of a dictionary in the order they are written; empty for other values.
  public var sortedEntries: [(key: String, value: PropertyListValue)] {
    guard case .dictionary(let entries) = self else { return [] }
    return entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      .map { (key: $0.key, value: $0.value) }
  }

  /// The value under `key` when this is a dictionary.
  public subscript(key: String) -> PropertyListValue? {
    guard case .dictionary(let entries) = self else { return nil }
    return entries[key]
  }
}
