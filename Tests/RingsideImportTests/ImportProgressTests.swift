import Foundation
import RingsideImport
import XCTest

@testable import RingsideStore

/// An import reports how far it has read: records, and a percentage of the input's bytes when
/// every input is a plain file.
final class ImportProgressTests: XCTestCase {
  func testProgressCountsRecordsAndAPercentageOfTheBytesThatOnlyGrows() throws {
    let sample = try String(
      contentsOfFile: Support.fixture("intune-devices.csv"), encoding: .utf8)
    let lines = sample.split(whereSeparator: \.isNewline)
    let header = String(lines[0])
    let row = String(lines[1])
    let text = ([header] + Array(repeating: row, count: 25_000)).joined(separator: "\r\n") + "\r\n"
    let file = Support.file(self, "many.csv", text)
    var reports: [(records: Int, percent: Int?)] = []
    var events = ImportEvents()
    events.progress = { reports.append(($0.records, $0.percent)) }
    _ = try Importer.run(
      files: [file], into: try Support.store(self), options: ImportOptions(), events: events)
    XCTAssertEqual(reports.map(\.records), [10_000, 20_000])
    let percents = reports.compactMap(\.percent)
    XCTAssertEqual(percents.count, 2, "a plain file has a total")
    XCTAssertEqual(percents, percents.sorted())
    XCTAssertTrue(percents.allSatisfy { $0 > 0 && $0 <= 100 }, "\(percents)")
  }
}
