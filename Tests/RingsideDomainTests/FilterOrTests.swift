import XCTest

@testable import RingsideDomain

/// `OR` and parentheses in the filter language: AND binds tighter, quotes make words,
/// mistakes are named with their position, and the size bounds still hold.
final class FilterOrTests: XCTestCase {
  let v2631 = OSVersionNumber("26.3.1")!
  let v264 = OSVersionNumber("26.4")!

  func parse(_ text: String) throws -> [DeviceFilter.Term] { try DeviceFilter.parse(text).terms }

  func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
      let terms = try DeviceFilter.parse(text).terms
      XCTFail("\(text) parsed as \(terms)", file: file, line: line)
      return ""
    } catch {
      return error.message
    }
  }

  func testOrBetweenTwoTermsIsOneTermEitherOfWhichHolds() throws {
    XCTAssertEqual(try parse("ring:test OR ring:pilot"), [.or([.ring("test"), .ring("pilot")])])
    XCTAssertEqual(
      try parse("ring:test or ring:pilot OR ring:production"),
      [.or([.ring("test"), .ring("pilot"), .ring("production")])])
  }

  func testAndBindsTighterThanOr() throws {
    XCTAssertEqual(
      try parse("ring:test mac OR ring:pilot"),
      [.or([.and([.ring("test"), .text("mac")]), .ring("pilot")])])
    XCTAssertEqual(
      try parse("mac ring:test OR ring:pilot ipad"),
      [.or([.and([.text("mac"), .ring("test")]), .and([.ring("pilot"), .text("ipad")])])])
  }

  func testParenthesesGroupAnOrThatTheRestMustAlsoMeet() throws {
    XCTAssertEqual(
      try parse("(os:26.3.1 OR os:26.4) mac"),
      [.or([.os(v2631, nil), .os(v264, nil)]), .text("mac")])
    XCTAssertEqual(
      try parse("mac (os:26.3.1 OR os:26.4)"),
      [.text("mac"), .or([.os(v2631, nil), .os(v264, nil)])])
    XCTAssertEqual(try parse("((a)) (b c)"), [.text("a"), .text("b"), .text("c")])
    XCTAssertEqual(
      try parse("(a OR (b OR c)) d"), [.or([.text("a"), .text("b"), .text("c")]), .text("d")])
  }

  func testAMinusBeforeAParenthesisNegatesTheGroup() throws {
    XCTAssertEqual(
      try parse("-(ring:test OR ring:pilot) !(a b)"),
      [.not(.or([.ring("test"), .ring("pilot")])), .not(.and([.text("a"), .text("b")]))])
  }

  func testQuotedValuesAndQuotedOrStayWords() throws {
    XCTAssertEqual(
      try parse("os:\"16.5.1 (c)\" OR \"OR\""),
      [.or([.os(OSVersionNumber("16.5.1")!, .letter("c")), .text("OR")])])
    XCTAssertEqual(try parse("\"or\" name:\"a OR b\""), [.text("or"), .text("a OR b")])
    XCTAssertEqual(try parse("oregon orb"), [.text("oregon"), .text("orb")])
  }

  func testParenthesesInsideATermAreText() throws {
    XCTAssertEqual(try parse("os:26.3.1(?)"), [.os(v2631, .unknown)])
    XCTAssertEqual(
      try parse("(os:26.3.1(?) OR os:16.5.1(c))"),
      [.or([.os(v2631, .unknown), .os(OSVersionNumber("16.5.1")!, .letter("c"))])])
  }

  func testUnbalancedParenthesesNameTheirPosition() {
    XCTAssertEqual(error("(ring:test OR ring:pilot"), "( at position 1 is never closed")
    XCTAssertEqual(error("mac (a (b)"), "( at position 5 is never closed")
    XCTAssertEqual(error("ring:test) mac"), ") at position 10 has no ( before it")
    XCTAssertEqual(error("a () b"), "() at position 3 is empty")
  }

  func testADanglingOrNamesItsPosition() {
    XCTAssertEqual(error("OR ring:test"), "OR at position 1 has nothing before it")
    XCTAssertEqual(error("ring:test OR"), "OR at position 11 has nothing after it")
    XCTAssertEqual(error("a OR OR b"), "OR at position 3 has nothing after it")
    XCTAssertEqual(error("(a OR) b"), "OR at position 4 has nothing after it")
    XCTAssertEqual(error("a (OR b)"), "OR at position 4 has nothing before it")
  }

  func testPositionsCountCharactersNotBytes() {
    XCTAssertEqual(error("é🍎 OR"), "OR at position 4 has nothing after it")
  }

  func testDeepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
    XCTAssertEqual(
      error(deep), "( at position 17 nests deeper than \(FilterParser.maxDepth) parentheses")
  }

  func testTermBoundsCountTermsNotOperators() throws {
    let thousand = (0..<1000).map { "ring:r\($0)" }
    XCTAssertEqual(
      try parse(thousand.joined(separator: " OR ")),
      [.or(thousand.map { .ring(String($0.dropFirst(5))) })])
    let tooMany = (0..<1001).map { "w\($0)" }.joined(separator: " OR ")
    XCTAssertTrue(
      error(tooMany).hasPrefix("1001 terms; a filter takes at most 1000"), error(tooMany))
  }

  func testAPastedListWithOrIsNotAList() throws {
    let words = (0..<30).map { "c02x\($0)" }
    XCTAssertEqual(
      try parse(words.joined(separator: " ")), [.anyOf(words.map { $0.uppercased() })])
    let terms = try parse(words.joined(separator: " ") + " OR mac")
    guard case .or(let sides) = terms.first, terms.count == 1 else {
      return XCTFail("\(terms)")
    }
    XCTAssertEqual(sides.last, .text("mac"))
  }

  func testTenThousandSerialsParseQuickly() throws {
    let words = (0..<10_000).map { "C02X\($0)" }.joined(separator: "\n")
    let start = Date()
    XCTAssertEqual(try parse(words).count, 1)
    XCTAssertLessThan(Date().timeIntervalSince(start), 2)
  }
}
