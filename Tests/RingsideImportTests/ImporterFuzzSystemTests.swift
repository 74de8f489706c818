import Foundation
import RingsideDomain
import RingsideImport
import RingsideStore
import XCTest

/// Every importer, fed thousands of mutated versions of its own fixture (truncations, random
/// bytes, duplicated spans, huge fields, deep nesting, wrong types): each run must end in a
/// clean import or a clear error, never a crash or a hang, and a failed run stores nothing.
final class ImporterFuzzSystemTests: XCTestCase {
  var rng = SplitMix64(seed: 0x1F0A)

  private func mutate(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    switch rng.next() % 7 {
    case 0: out = Array(out.prefix(Int(rng.next() % UInt64(out.count + 1))))
    case 1:
      for _ in 0..<(1 + Int(rng.next() % 20)) where !out.isEmpty {
        out[Int(rng.next() % UInt64(out.count))] = UInt8(truncatingIfNeeded: rng.next())
      }
    case 2:
      let start = Int(rng.next() % UInt64(out.count))
      let length = min(out.count - start, Int(rng.next() % 400))
      out.insert(contentsOf: out[start..<(start + length)], at: Int(rng.next() % UInt64(out.count)))
    case 3:
      let at = Int(rng.next() % UInt64(out.count))
      out.insert(contentsOf: [UInt8](repeating: 0x41, count: 200_000), at: at)
    case 4:
      let quote = UInt8(ascii: "\"")
      let positions = out.indices.filter { out[$0] == quote }
      if let p = positions.randomElement(using: &rng) { out.remove(at: p) }
    case 5:
      // Replace a value with another type: a number, an object, a list, null.
      let replacements = [
        "12345", "{\"a\": [1, 2]}", "[[[[[]]]]]", "null", "true", "\"\u{1B}[2J\"",
      ]
      if let colon = out.indices.filter({
        out[$0] == UInt8(ascii: ":") || out[$0] == UInt8(ascii: ",")
      })
      .randomElement(using: &rng) {
        let text = replacements[Int(rng.next() % UInt64(replacements.count))]
        out.insert(contentsOf: Array(text.utf8), at: colon + 1)
      }
    default: out = Array(String(repeating: "[", count: 20_000).utf8) + out
    }
    return out
  }

  func testEveryImporterAnswersEveryMutation() throws {
    let store = try Support.store(self)
    let directory = Support.scratch(self)
    let fixtures = Support.allSources + ["intune-devices.zip"]
    var imported = 0
    var rejected = 0
    let started = Date()
    for round in 0..<(fixtures.count * 150) {
      let name = fixtures[round % fixtures.count]
      let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.fixture(name))))
      let path = directory.appendingPathComponent("fuzz-\(round % 7)-" + name).path
      try Data(mutate(original)).write(to: URL(fileURLWithPath: path))
      let before = try store.countDevices()
      var options = ImportOptions()
      options.skipInvalid = round % 3 == 0
      do {
        _ = try Importer.run(files: [path], into: store, options: options)
        imported += 1
      } catch {
        let message = String(describing: error)
        XCTAssertFalse(message.isEmpty)
        XCTAssertFalse(message.contains("\u{1B}"), "error echoes an escape sequence: \(message)")
        XCTAssertEqual(
          try store.countDevices(), before, "a failed import changed the store: \(message)")
        rejected += 1
      }
    }
    XCTAssertEqual(try store.integrityProblems(), [])
    XCTAssertLessThan(Date().timeIntervalSince(started), 300)
    XCTAssertGreaterThan(rejected, 100)
    print("importer fuzz: \(imported) imported, \(rejected) rejected with an error, store intact")
  }
}
