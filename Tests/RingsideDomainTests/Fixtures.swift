import Foundation

/// Locates the reference files copied into `Fixtures/` beside this test target.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  static func text(_ name: String) throws -> String {
    String(decoding: try data(name), as: UTF8.self)
  }

  /// `rsr-releases.csv` as rows of named fields (quoted notes may hold commas).
  static func rsrReleases() throws -> [[String: String]] { try csv("rsr-releases.csv") }

  /// A reference CSV as rows of named fields (quoted notes may hold commas).
  static func csv(_ name: String) throws -> [[String: String]] {
    let lines = try text(name).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    return lines.dropFirst().map { line in
      var fields: [String] = []
      var current = ""
      var quoted = false
      for c in line {
        if c == "\"" {
          quoted.toggle()
        } else if c == "," && !quoted {
          fields.append(current)
          current = ""
        } else {
          current.append(c)
        }
      }
      fields.append(current)
      return Dictionary(uniqueKeysWithValues: zip(header, fields))
    }
  }
}
