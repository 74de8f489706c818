import Foundation

/// What paging needs from a page: whether it is an array or an object, how many elements
/// its arrays hold, and a few top-level values (`@odata.nextLink`, `totalCount`,
/// `meta.has_next_results`). Read with `JSONDecoder`, which checks the whole page is JSON but
/// builds none of its objects: `JSONSerialization` built every one (a 15 MB page of small
/// objects took 5.8 GB; this takes about 300 MB).
struct PageOutline: Decodable {
  /// True for a top-level array; then `count` is its length.
  var isArray = false
  var count = 0
  /// Top-level keys holding arrays, with their lengths.
  var arrays: [String: Int] = [:]
  var strings: [String: String] = [:]
  var numbers: [String: Int] = [:]
  /// `meta.has_next_results` (Fleet).
  var hasNextResults: Bool?

  /// The keys worth reading; the rest of an object is only checked to be JSON.
  static let keys: Set<String> = [
    "value", "results", "hosts", "@odata.nextLink", "totalCount", "meta",
  ]

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: Decoder) throws {
    if let list = try? decoder.unkeyedContainer() {
      isArray = true
      count = list.count ?? 0
      return
    }
    let object = try decoder.container(keyedBy: Key.self)
    for key in object.allKeys where Self.keys.contains(key.stringValue) {
      let name = key.stringValue
      if let list = try? object.nestedUnkeyedContainer(forKey: key) {
        arrays[name] = list.count ?? 0
      } else if let text = try? object.decode(String.self, forKey: key) {
        strings[name] = text
      } else if let number = try? object.decode(Double.self, forKey: key),
        let whole = Int(exactly: number.rounded(.down))
      {
        numbers[name] = whole
      } else if name == "meta",
        let meta = try? object.nestedContainer(keyedBy: Key.self, forKey: key)
      {
        hasNextResults = try? meta.decodeIfPresent(
          Bool.self, forKey: Key(stringValue: "has_next_results"))
      }
    }
  }

  /// The outline of `body`; throws when it is not complete JSON.
  static func read(_ body: Data) throws -> PageOutline {
    try JSONDecoder().decode(PageOutline.self, from: body)
  }
}
