import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// `COPY` in PostgreSQL's text format: every character the format treats specially escaped
/// and read back, NULL kept apart from the text "\N", and a refused row leaving nothing.
final class PostgresCopyTests: XCTestCase {
  /// Texts that break a COPY written carelessly.
  static let hostile: [String] = [
    "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "\\.", "\\", "",
    "ends with backslash \\", "\t\n\r\\ all", "Zoë’s iPhone 📱 (Ü)", "\u{1B}[31mred\u{7}",
    "\\x41 \\101 \\t literal", "end of data\n\\.\nafter",
  ]

  private func encoded(_ row: [SQLiteValue]) throws -> String {
    var bytes: [UInt8] = []
    try PostgresCopyText.appendRow(row, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func parsed(_ line: String, _ kinds: [PostgresCopyText.ColumnKind]) -> [SQLiteValue]? {
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { PostgresCopyText.parseRow($0, kinds: kinds) }
  }

  func testTheTextFormatEscapesBackslashTabNewlineAndCarriageReturnAndWritesNullAsBackslashN()
    throws
  {
    XCTAssertEqual(
      try encoded([.integer(-7), .null, .text("a\tb\nc\rd\\e"), .text("\\N"), .text("")]),
      "-7\t\\N\ta\\tb\\nc\\rd\\\\e\t\\\\N\t\n")
    XCTAssertEqual(try encoded([.text("Zoë 📱")]), "Zoë 📱\n")
    XCTAssertEqual(try encoded([.real(1.5), .real(.infinity)]), "1.5\tInfinity\n")
    XCTAssertEqual(
      try encoded([.integer(0), .integer(Int64.min), .integer(Int64.max), .integer(10)]),
      "0\t-9223372036854775808\t9223372036854775807\t10\n")
    XCTAssertEqual(
      try encoded([.text("\\\\x\t"), .text("\r\n\u{1}"), .text("plain é")]),
      "\\\\\\\\x\\t\t\\r\\n\u{1}\tplain é\n")
  }

  func testEveryHostileTextReadsBackAsItWasAndNullStaysNull() throws {
    let kinds: [PostgresCopyText.ColumnKind] = [.integer, .text, .text]
    for (index, text) in Self.hostile.enumerated() {
      let row: [SQLiteValue] = [.integer(Int64(index)), .text(text), .null]
      XCTAssertEqual(parsed(try encoded(row), kinds), row, text.debugDescription)
    }
  }

  func testReadingUnderstandsEveryEscapeTheServerMaySend() {
    XCTAssertEqual(
      parsed("\\b\\f\\v\\101\\x42\\q\t\\N\n", [.text, .text]),
      [.text("\u{8}\u{C}\u{B}ABq"), .null])
    XCTAssertEqual(
      parsed("t\tf\t12\n", [.boolean, .boolean, .integer]),
      [.integer(1), .integer(0), .integer(12)])
    XCTAssertNil(parsed("one\ttwo\n", [.text]), "more fields than columns")
    XCTAssertNil(parsed("one\n", [.text, .text]), "fewer fields than columns")
  }

  func testATextWithANulCharacterIsRefusedNamingTheColumn() {
    XCTAssertThrowsError(try encoded([.integer(1), .text("a\u{0}b")])) { error in
      XCTAssertTrue("\(error)".contains("column 2 holds a NUL character"), "\(error)")
    }
  }

  func testHostileTextsGoInThroughCOPYAndComeOutAsTheyWent() throws {
    let server = try TestPostgres()
    let connection = try PostgresConnection(url: server.url)
    try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, body TEXT, other TEXT)")
    var rows: [[SQLiteValue]] = Self.hostile.enumerated().map {
      [.integer(Int64($0.offset)), .text($0.element), $0.offset % 2 == 0 ? .null : .text("x")]
    }
    // Enough rows to fill several chunks.
    for id in Self.hostile.count..<(Self.hostile.count + 3000) {
      rows.append([.integer(Int64(id)), .text(String(repeating: "é\t\\", count: 50)), .null])
    }
    var queue = rows[...]
    let written = try connection.copyIn(into: "t", columns: ["id", "body", "other"]) {
      queue.popFirst()
    }
    XCTAssertEqual(written, rows.count)

    let selected = try connection.prepare("SELECT id, body, other FROM t ORDER BY id").query {
      [$0.value(at: 0), $0.value(at: 1), $0.value(at: 2)]
    }
    XCTAssertEqual(selected, rows)
    var copiedOut: [[SQLiteValue]] = []
    try connection.copyOut(
      query: "SELECT id, body, other FROM t ORDER BY id", kinds: [.integer, .text, .text]
    ) { copiedOut.append($0) }
    XCTAssertEqual(copiedOut, rows)
    XCTAssertEqual(
      try connection.scalar("SELECT body FROM t WHERE id = 4")?.string, "\\N",
      "the text \\N is not NULL")
    XCTAssertEqual(try connection.scalar("SELECT other IS NULL FROM t WHERE id = 0")?.int, 1)
  }

  func testARefusedRowStoresNothingAndTheConnectionStaysUsable() throws {
    let server = try TestPostgres()
    let connection = try PostgresConnection(url: server.url)
    try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, body TEXT NOT NULL)")
    var queue: ArraySlice<[SQLiteValue]> = [[.integer(1), .text("ok")], [.integer(2), .null]]
    XCTAssertThrowsError(
      try connection.copyIn(into: "t", columns: ["id", "body"]) { queue.popFirst() }
    ) { error in
      XCTAssertTrue("\(error)".contains("null value in column \"body\""), "\(error)")
    }
    XCTAssertEqual(try connection.scalar("SELECT COUNT(*) FROM t")?.int, 0)

    // A failure on this side (a NUL) cancels the COPY too.
    queue = [[.integer(1), .text("ok")], [.integer(2), .text("nul\u{0}")]]
    XCTAssertThrowsError(
      try connection.copyIn(into: "t", columns: ["id", "body"]) { queue.popFirst() }
    ) { error in
      XCTAssertTrue("\(error)".contains("row 2: column 2 holds a NUL"), "\(error)")
    }
    XCTAssertEqual(try connection.scalar("SELECT COUNT(*) FROM t")?.int, 0)
  }
}
