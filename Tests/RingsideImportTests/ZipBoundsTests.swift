import Foundation
import XCTest

@testable import RingsideImport

/// A hostile `.zip` costs bounded time and memory: inflating stops at the declared size,
/// overlapping entries and archives declaring more than the budget are refused up front.
final class ZipBoundsTests: XCTestCase {
  private func write(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-zip-\(UUID().uuidString).zip"
    ).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  private func issue(_ body: () throws -> Void) -> ImportIssue? {
    do {
      try body()
      return nil
    } catch let issue as ImportIssue {
      return issue
    } catch {
      XCTFail("unexpected \(error)")
      return nil
    }
  }

  func testAnEntryInflatingPastItsDeclaredSizeIsStoppedThere() throws {
    // 10 MB of "a" in about 5 KB of deflate, declaring 100 bytes.
    let data = ZipBuilder.deflatedRepeats(of: 0x61, runs: 40_000)
    var zip = ZipBuilder()
    zip.records.append(
      .init(name: "devices.csv", method: 8, data: data, crc: 0, declaredSize: 100))
    let path = try write(zip.bytes())
    let archive = try ZipArchive(path: path)
    let source = try archive.open(archive.entries[0])
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var total = 0
    let found = issue {
      while true {
        let n = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0) }
        if n == 0 { break }
        total += n
      }
    }
    XCTAssertLessThanOrEqual(total, 100)
    XCTAssertEqual(found?.location.file, "\(path)!devices.csv")
    XCTAssertTrue(
      found?.reason.contains("inflates past the 100 bytes the archive declares") == true,
      "\(String(describing: found))")
  }

  func testOverlappingEntriesAreRefused() throws {
    var zip = ZipBuilder()
    zip.stored("a.csv", "Device name,Serial number\nx,y\n")
    var twin = zip.records[0]
    twin.name = "b.csv"
    twin.headerIndex = 0
    zip.records.append(twin)
    let path = try write(zip.bytes())
    let found = issue { _ = try ZipArchive(path: path) }
    XCTAssertEqual(found?.location.file, path)
    XCTAssertTrue(
      found?.reason.contains("a.csv and b.csv overlap; overlapping or nested entries are refused")
        == true, "\(String(describing: found))")
  }

  func testCSVEntriesDeclaringMoreThanTheBudgetAreRefused() throws {
    var zip = ZipBuilder()
    zip.stored("a.csv", String(repeating: "x", count: 700))
    zip.stored("b.csv", String(repeating: "y", count: 700))
    let path = try write(zip.bytes())
    XCTAssertNoThrow(try ZipArchive(path: path, inflateBudget: 1400))
    let found = issue { _ = try ZipArchive(path: path, inflateBudget: 1000) }
    XCTAssertEqual(found?.location.file, path)
    XCTAssertTrue(
      found?.reason.contains("would inflate to 1400 bytes, more than the 1000 bytes limit") == true,
      "\(String(describing: found))")
  }

  func testAWellFormedArchiveStillReads() throws {
    var zip = ZipBuilder()
    zip.stored("a.csv", "one\n")
    zip.stored("b.csv", "two\n")
    let archive = try ZipArchive(path: try write(zip.bytes()))
    XCTAssertEqual(archive.csvEntries.map(\.name), ["a.csv", "b.csv"])
    let source = try archive.open(archive.entries[1])
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0) }
    XCTAssertEqual(String(decoding: buffer[0..<n], as: UTF8.self), "two\n")
  }
}
