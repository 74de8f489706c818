import XCTest

@testable import RingsideStore

/// The letter and pair codes a PostgreSQL store keeps per device (`WordGrams`), worked out
/// by hand for small texts.
final class WordGramsTests: XCTestCase {
  /// The code of one printable ASCII character, lower case for letters.
  private func single(_ c: Character) -> Int16 { Int16(1 + Int(c.asciiValue!) - 0x20) }

  /// The code of a pair.
  private func pair(_ a: Character, _ b: Character) -> Int16 {
    Int16(96 + (Int(a.asciiValue!) - 0x20) * 95 + Int(b.asciiValue!) - 0x20)
  }

  func testATextHoldsItsFoldedLettersAndTheirPairsOnce() {
    XCTAssertEqual(
      WordGrams.codes(of: ["AbA"]),
      [single("a"), single("b"), pair("a", "b"), pair("b", "a")].sorted())
  }

  func testPairsStopAtACharacterOutsidePrintableASCIIAndBetweenTexts() {
    // "x😀y" and "x\u{1}y" hold x and y but no pair; "q" then "z" in two texts hold no "qz".
    for text in ["x😀y", "x\u{1}y"] {
      XCTAssertEqual(WordGrams.codes(of: [text]), [single("x"), single("y")], text)
    }
    XCTAssertEqual(WordGrams.codes(of: ["q", nil, "z", ""]), [single("q"), single("z")])
  }

  func testAWordOfOneOrTwoPrintableASCIICharactersHasOneCode() {
    XCTAssertEqual(WordGrams.code(matching: "Q"), single("q"))
    XCTAssertEqual(WordGrams.code(matching: "oS"), pair("o", "s"))
    XCTAssertEqual(WordGrams.code(matching: "%_"), pair("%", "_"))
    for word in ["", "abc", "é", "aé", "a\u{1}"] {
      XCTAssertNil(WordGrams.code(matching: word), word)
    }
  }

  func testTheArrayTextIsWhatTheCodesSpell() {
    let texts: [String?] = ["RS-IPH-000123", nil, "user7@example.com", "iPhone 17 Pro"]
    XCTAssertEqual(
      WordGrams.arrayText(of: texts),
      "{" + WordGrams.codes(of: texts).map(String.init).joined(separator: ",") + "}")
    XCTAssertEqual(WordGrams.arrayText(of: [nil]), "{}")
    XCTAssertLessThan(Int(WordGrams.codes(of: ["~~"]).last!), WordGrams.codeCount)
  }
}
