import RingsideDomain

/// Collects the keys of one payload or declaration for one platform family, dropping every key
/// the schema does not support there and nesting declaration subkeys under their parents.
struct SchemaKeyedValues {
  let family: PlatformFamily
  private(set) var entries: [String: PropertyListValue] = [:]
  /// The keys actually written, for descriptions and tests.
  private(set) var written: [SchemaKey] = []

  init(family: PlatformFamily) {
    self.family = family
  }

  var isEmpty: Bool { entries.isEmpty }

  /// Sets `key` to `value` when the schema supports it on this family; returns whether it did.
  @discardableResult
  mutating func set(_ key: SchemaKey, _ value: PropertyListValue) -> Bool {
    guard key.supports(family) else { return false }
    if case .integer(let number) = value, let range = key.range {
      precondition(range.contains(number), "\(key.name) \(number) outside \(range)")
    }
    entries = SchemaKeyedValues.inserting(value, at: key.path[...], into: entries)
    written.append(key)
    return true
  }

  private static func inserting(
    _ value: PropertyListValue, at path: ArraySlice<String>,
    into entries: [String: PropertyListValue]
  ) -> [String: PropertyListValue] {
    var entries = entries
    guard let head = path.first else { return entries }
    if path.count == 1 {
      entries[head] = value
      return entries
    }
    var child: [String: PropertyListValue] = [:]
    if case .dictionary(let existing)? = entries[head] { child = existing }
    entries[head] = .dictionary(inserting(value, at: path.dropFirst(), into: child))
    return entries
  }
}
