import Foundation
import XCTest

@testable import RingsideDomain

/// Thousands of generated and mutated inputs: every parser must answer with a value or a
/// clear error, never crash or hang.
final class ParserFuzzSystemTests: XCTestCase {
  var rng = SplitMix64(seed: 0xF022)

  private let seeds = [
    "16.4.1", "16.4.1 (a)", "iOS 16.4.1 (a)", "macOS 13.4.1 (c)", "26.3.1(a)", "20E772520a",
    "macOS Ventura 13.4.1 (c)", "16.4.1 (a) (20E772520a)", "a", "(c)", "",
  ]
  private let alphabet = Array("0123456789.() abcxyzAEZ[]-\u{1B}\u{0}é🍎\n\t\"\\")

  private func mutate(_ text: String) -> String {
    var chars = Array(text)
    for _ in 0..<(1 + Int(rng.next() % 4)) {
      switch rng.next() % 5 {
      case 0 where !chars.isEmpty: chars.remove(at: Int(rng.next() % UInt64(chars.count)))
      case 1:
        chars.insert(
          alphabet[Int(rng.next() % UInt64(alphabet.count))],
          at: Int(rng.next() % UInt64(chars.count + 1)))
      case 2 where !chars.isEmpty:
        chars = Array(chars.prefix(Int(rng.next() % UInt64(chars.count))))
      case 3: chars += chars
      default: chars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
      }
    }
    return String(chars)
  }

  func testVersionParsersAnswerEveryInput() {
    var parsed = 0
    var rejected = 0
    for i in 0..<20_000 {
      let input =
        i % 10 == 0
        ? String(repeating: "9.", count: Int(rng.next() % 5000)) : mutate(seeds[i % seeds.count])
      do {
        let v = try AppleOSVersion.parse(input)
        XCTAssertNotNil(v.base)
        parsed += 1
      } catch {
        XCTAssertTrue(error.description.contains("expected"), error.description)
        XCTAssertFalse(error.description.contains("\u{1B}"))
        rejected += 1
      }
      _ = try? RSRMark.parse(input)
      _ = try? AppleBuild(input)
      _ = try? DeviceFilter.parse(input)
    }
    XCTAssertGreaterThan(parsed, 1000)
    XCTAssertGreaterThan(rejected, 1000)
    print("version fuzz: \(parsed) parsed, \(rejected) rejected with a reason")
  }

  func testSOFAFeedParserAnswersEveryMutation() throws {
    let feed = try Fixtures.data("ios_data_feed.json")
    let bytes = [UInt8](feed.prefix(40_000))
    var parsed = 0
    var rejected = 0
    let started = Date()
    for i in 0..<400 {
      var mutated: [UInt8]
      switch i % 4 {
      case 0: mutated = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
      case 1:
        mutated = bytes
        for _ in 0..<10 {
          mutated[Int(rng.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: rng.next())
        }
      case 2: mutated = Array(String(repeating: "[", count: 5000 + Int(rng.next() % 5000)).utf8)
      default:
        let wrongTypes = [
          "{\"OSVersions\": 5}",
          "{\"OSVersions\": [{\"SecurityReleases\": [{\"ProductVersion\": 26}]}]}",
          "{\"OSVersions\": [], \"BackgroundSecurityImprovements\": {\"26\": [{\"Version\": \"26.3.1\", \"VersionExtra\": 7}]}}",
          "[]", "null", "\"x\"", String(repeating: "{\"a\":", count: 3000),
        ]
        mutated = Array(wrongTypes[Int(rng.next() % UInt64(wrongTypes.count))].utf8)
      }
      do {
        _ = try SOFAFeed.parse(Data(mutated), file: "fuzz.json")
        parsed += 1
      } catch {
        XCTAssertTrue(error.description.hasPrefix("fuzz.json"), error.description)
        rejected += 1
      }
    }
    XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    XCTAssertGreaterThan(rejected, 200)
    print("SOFA fuzz: \(parsed) parsed, \(rejected) rejected with file and place")
  }

  func testCatalogCSVParserAnswersEveryMutation() {
    let base = CatalogCSV.header + "\nios,16.4.1,a,20E772520a,20E252,2023-05-01,released,,,x"
    var rejected = 0
    for _ in 0..<5000 {
      do { _ = try CatalogCSV.parse(mutate(base), file: "c.csv") } catch {
        XCTAssertTrue(error.description.hasPrefix("c.csv"))
        rejected += 1
      }
    }
    XCTAssertGreaterThan(rejected, 100)
  }
}
