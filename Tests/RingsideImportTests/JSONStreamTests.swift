import Foundation
import XCTest

@testable import RingsideImport

/// The streaming JSON reader: values exactly as written, errors with the line, bounded input.
final class JSONStreamTests: XCTestCase {
  private func parse(_ text: String) throws -> JSONValue {
    try JSONStreamReader(source: DataByteSource(Array(text.utf8)), file: "t.json").value()
  }

  private func failure(_ text: String) -> ImportIssue? {
    do {
      let r = JSONStreamReader(source: DataByteSource(Array(text.utf8)), file: "t.json")
      _ = try JSONEnvelope.walk(r, recordKeys: ["value"]) { _, _, _ in }
      return nil
    } catch {
      return error as? ImportIssue
    }
  }

  func testNumbersKeepTheTextTheyWereWrittenWith() throws {
    let v = try parse(#"{"a": 16.10, "b": 1, "c": true, "d": "1", "e": -0.5e3}"#)
    XCTAssertEqual(v["a"], .number("16.10"))
    XCTAssertEqual(v["b"], .number("1"))
    XCTAssertEqual(v["c"], .bool(true))
    XCTAssertEqual(v["d"], .string("1"))
    XCTAssertEqual(v["e"], .number("-0.5e3"))
  }

  func testEscapesAndSurrogatePairsDecode() throws {
    let v = try parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00"]"#)
    XCTAssertEqual(v.items, [.string("a\"b\\c/d\n"), .string("é😀")])
  }

  func testMalformedJSONNamesTheLine() {
    let text = "{\"value\": [\n{\"a\": 1},\n{\"a\": 2,,}\n]}"
    let issue = failure(text)
    XCTAssertEqual(issue?.location.line, 3)
    XCTAssertTrue(issue?.reason.contains("not valid JSON") ?? false, "\(String(describing: issue))")
  }

  func testTruncatedJSONSaysItEndsEarlyOnTheLastLine() {
    let issue = failure("{\"value\": [\n{\"a\": 1},\n{\"a\": \"tru")
    XCTAssertEqual(issue?.location.line, 3)
    XCTAssertTrue(issue?.reason.contains("ends early") ?? false, "\(String(describing: issue))")
  }

  func testTextAfterTheValueIsRefused() {
    XCTAssertNotNil(failure("{\"value\": []} {\"value\": []}"))
  }

  func testBadNumbersAndLiteralsAreRefused() {
    for bad in ["[01]", "[1.]", "[-]", "[tru]", "[nul]", "[1e]"] {
      XCTAssertThrowsError(try parse(bad), bad)
    }
  }

  func testDeepNestingIsRefusedNotAStackOverflow() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    XCTAssertThrowsError(try parse(deep))
  }

  func testOneRecordLargerThanTheBoundIsRefused() {
    let big = String(repeating: "x", count: 1 << 19)
    var text = "{\"value\": [{"
    for i in 0..<20 { text += "\"k\(i)\": \"\(big)\"," }
    text += "\"end\": 1}]}"
    let issue = failure(text)
    XCTAssertTrue(issue?.reason.contains("larger than") ?? false, "\(String(describing: issue))")
  }

  func testSkippedMembersAreStillCheckedForSyntax() {
    let r = JSONStreamReader(
      source: DataByteSource(Array(#"{"keep": 1, "skip": [1, {"x": tru}]}"#.utf8)), file: "t.json")
    XCTAssertThrowsError(try r.value(keeping: KeyFilter(["keep"])))
  }

  func testKeptMembersAreBuiltAndOthersLeftOut() throws {
    let r = JSONStreamReader(
      source: DataByteSource(
        Array(#"{"keep": "a", "skip": {"x": [1, 2]}, "osVersion": null}"#.utf8)),
      file: "t.json")
    let v = try r.value(keeping: KeyFilter(["keep", "osVersion"]))
    XCTAssertEqual(v.members?.count, 2)
    XCTAssertEqual(v["keep"], .string("a"))
  }

  /// Many records read one at a time: the reader never holds the file.
  func testAManyRecordFileStreamsInSmallChunks() throws {
    var text = "{\"value\": ["
    for i in 0..<5000 { text += (i > 0 ? "," : "") + "{\"id\": \"\(i)\", \"pad\": \"\(i)\"}" }
    text += "]}"
    let r = JSONStreamReader(source: DataByteSource(Array(text.utf8)), file: "t.json")
    var count = 0
    let walked = try JSONEnvelope.walk(r, recordKeys: ["value"]) { value, path, _ in
      XCTAssertEqual(value["id"], .string(String(count)))
      XCTAssertEqual(path, "value[\(count)]")
      count += 1
    }
    XCTAssertEqual(count, 5000)
    XCTAssertEqual(walked.records, 5000)
  }

  /// Graph writes `@odata.nextLink` after the device list: the members around a list larger
  /// than one record's bound are still read.
  func testMembersAfterALargeListAreRead() throws {
    let pad = String(repeating: "x", count: 1000)
    var text = "{\"value\": ["
    for i in 0..<10_000 { text += (i > 0 ? "," : "") + "{\"id\": \"\(i)\", \"pad\": \"\(pad)\"}" }
    text += "], \"@odata.nextLink\": \"https://graph.microsoft.com/v1.0/next\"}"
    XCTAssertGreaterThan(text.utf8.count, JSONEnvelope.maxRecordBytes)
    let r = JSONStreamReader(source: DataByteSource(Array(text.utf8)), file: "t.json")
    let walked = try JSONEnvelope.walk(r, recordKeys: ["value"]) { _, _, _ in }
    XCTAssertEqual(walked.records, 10_000)
    XCTAssertEqual(
      walked.others["@odata.nextLink"], .string("https://graph.microsoft.com/v1.0/next"))
  }

  func testKeyFilterMatchesExactNamesOfAnyLength() {
    let long = String(repeating: "k", count: 70)
    let filter = KeyFilter(["id", "osVersion", long])
    func match(_ name: String) -> String? {
      Array(name.utf8).withUnsafeBufferPointer { filter.match($0) }
    }
    XCTAssertEqual(match("id"), "id")
    XCTAssertEqual(match("osVersion"), "osVersion")
    XCTAssertEqual(match(long), long)
    XCTAssertNil(match("ix"))
    XCTAssertNil(match("osVersioN"))
    XCTAssertNil(match(String(repeating: "k", count: 71)))
    XCTAssertNil(match(""))
  }
}
