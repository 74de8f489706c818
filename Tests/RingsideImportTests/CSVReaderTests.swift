import Foundation
import XCTest

@testable import RingsideImport

final class CSVReaderTests: XCTestCase {
  private func rows(_ text: String, chunk: Int = 7, maxField: Int = 1 << 20) throws -> [[String]] {
    try rows(bytes: Array(text.utf8), chunk: chunk, maxField: maxField).map(\.fields)
  }

  private func rows(bytes: [UInt8], chunk: Int = 7, maxField: Int = 1 << 20) throws
    -> [(fields: [String], line: Int, problem: String?)]
  {
    let csv = CSVReader(source: DataByteSource(bytes), chunkSize: chunk, maxFieldBytes: maxField)
    var out: [(fields: [String], line: Int, problem: String?)] = []
    while try csv.next() {
      out.append(
        (
          (0..<csv.fieldCount).map { csv.string($0) ?? "<invalid>" }, csv.recordLine,
          csv.recordProblem
        ))
    }
    return out
  }

  func testQuotedFieldsKeepCommasQuotesAndNewlines() throws {
    let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,end\r\n"
    XCTAssertEqual(
      try rows(text),
      [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["plain", "", "end"]])
  }

  func testLineEndingsLFCRLFAndCRAllWork() throws {
    for sep in ["\n", "\r\n", "\r"] {
      XCTAssertEqual(
        try rows("h1,h2\(sep)1,2\(sep)3,4"), [["h1", "h2"], ["1", "2"], ["3", "4"]],
        sep.debugDescription)
    }
  }

  func testByteOrderMarkIsSkipped() throws {
    XCTAssertEqual(
      try rows("\u{FEFF}\"Device ID\",x\n1,2\n", chunk: 2), [["Device ID", "x"], ["1", "2"]])
  }

  func testBlankLinesAreSkippedAndRecordLinesCountEmbeddedNewlines() throws {
    let read = try rows(bytes: Array("a,b\n\n\"1\n2\",3\n4,5\n".utf8))
    XCTAssertEqual(read.map(\.fields), [["a", "b"], ["1\n2", "3"], ["4", "5"]])
    XCTAssertEqual(read.map(\.line), [1, 3, 5])
  }

  func testUnterminatedQuoteIsAFileError() {
    XCTAssertThrowsError(try rows("a,b\n1,\"never ends\n2,3\n")) { error in
      XCTAssertEqual(error as? CSVReader.Failure, .unterminatedQuote(line: 2))
    }
  }

  func testOversizedFieldIsReportedWithoutBufferingIt() throws {
    let big = String(repeating: "x", count: 10 << 20)
    let read = try rows(
      bytes: Array("a,b\n1,\(big)\n2,3\n".utf8), chunk: 1 << 20, maxField: 1 << 16)
    XCTAssertEqual(read.count, 3)
    XCTAssertEqual(read[1].problem, "field 2 is longer than 64 KB")
    XCTAssertLessThanOrEqual(read[1].fields[1].utf8.count, 1 << 16)
    XCTAssertEqual(read[2].fields, ["2", "3"])
  }

  func testFieldsPastTheFieldLimitAreNotBuffered() throws {
    let field = String(repeating: "y", count: 50)
    let record = Array(repeating: field, count: 100_000).joined(separator: ",")
    let csv = CSVReader(
      source: DataByteSource(Array("a,b\n\(record)\n2,3\n".utf8)), chunkSize: 1 << 16)
    XCTAssertTrue(try csv.next())
    XCTAssertTrue(try csv.next())
    XCTAssertEqual(csv.recordProblem, "more than 4096 fields")
    XCTAssertEqual(csv.fieldCount, 4096)
    XCTAssertLessThanOrEqual(csv.keptBytes, 4096 * 50)
    XCTAssertTrue(try csv.next())
    XCTAssertEqual([csv.string(0), csv.string(1)], ["2", "3"])
  }

  func testARecordPastTheRecordLimitIsReportedAndNotBuffered() throws {
    let field = String(repeating: "z", count: 60_000)
    let record = Array(repeating: field, count: 100).joined(separator: ",")
    let csv = CSVReader(
      source: DataByteSource(Array("\(record)\nend\n".utf8)), chunkSize: 1 << 16,
      maxRecordBytes: 1 << 20)
    XCTAssertTrue(try csv.next())
    XCTAssertEqual(csv.recordProblem, "the record is longer than 1024 KB")
    XCTAssertLessThanOrEqual(csv.keptBytes, 1 << 20)
    XCTAssertTrue(try csv.next())
    XCTAssertEqual(csv.string(0), "end")
  }

  func testInvalidUTF8FieldReadsAsNil() throws {
    let csv = CSVReader(source: DataByteSource([0x61, 0x2C, 0xE9, 0x0A]))
    XCTAssertTrue(try csv.next())
    XCTAssertEqual(csv.string(0), "a")
    XCTAssertNil(csv.string(1))
  }

  func testTextAfterAClosingQuoteIsAProblem() throws {
    let read = try rows(bytes: Array("\"a\"b,c\n".utf8))
    XCTAssertEqual(read[0].problem, "text after the closing quote of field 1")
  }
}
