import Foundation
import XCTest

@testable import RingsideImport

/// The reading thread and the writing thread hand records over in order, and either side's
/// failure stops both.
final class ItemPipeTests: XCTestCase {
  private struct Numbers: FormatReader {
    let file = "numbers"
    let count: Int
    let failAtEnd: Bool

    func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
      for i in 0..<count { try emit(.notice(String(i))) }
      if failAtEnd { throw ImportIssue(SourceLocation(file: file, line: count + 1), "cut off") }
    }
  }

  private struct Stop: Error {}

  func testRecordsArriveInOrderAcrossBatches() throws {
    var seen: [String] = []
    try ItemPipe.stream(Numbers(count: 5000, failAtEnd: false), ringFrom: nil) { item in
      if case .notice(let text) = item { seen.append(text) }
    }
    XCTAssertEqual(seen, (0..<5000).map(String.init))
  }

  func testReaderFailureArrivesAfterItsRecords() {
    var seen = 0
    XCTAssertThrowsError(
      try ItemPipe.stream(Numbers(count: 1500, failAtEnd: true), ringFrom: nil) { _ in seen += 1 }
    ) { error in
      XCTAssertEqual((error as? ImportIssue)?.location.line, 1501)
    }
    XCTAssertEqual(seen, 1500)
  }

  func testWriterFailureStopsTheReader() {
    var seen = 0
    XCTAssertThrowsError(
      try ItemPipe.stream(Numbers(count: 10_000_000, failAtEnd: false), ringFrom: nil) { _ in
        seen += 1
        if seen == 10 { throw Stop() }
      }
    ) { error in
      XCTAssertTrue(error is Stop)
    }
    XCTAssertEqual(seen, 10)
  }
}
