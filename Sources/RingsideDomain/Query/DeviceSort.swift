/// A device table column to order by, and the direction.
public struct DeviceSort: Sendable, Hashable {
  /// The sortable columns, in table order.
  public enum Column: String, Sendable, CaseIterable, Hashable {
    case name, platform, os, build, ring, supervised, removal, state, checkin
  }

  public var column: Column
  public var descending: Bool

  public init(_ column: Column = .name, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }

  /// Reads `name`, `-checkin` (descending) or `os:desc`.
  public static func parse(_ text: String) -> DeviceSort? {
    var t = text.lowercased()
    var descending = false
    if t.hasPrefix("-") {
      descending = true
      t.removeFirst()
    }
    if t.hasSuffix(":desc") {
      descending = true
      t.removeLast(5)
    } else if t.hasSuffix(":asc") {
      t.removeLast(4)
    }
    if t == "version" { t = "os" }
    if t == "last-checkin" || t == "check-in" { t = "checkin" }
    guard let c = Column(rawValue: t) else { return nil }
    return DeviceSort(c, descending: descending)
  }
}
