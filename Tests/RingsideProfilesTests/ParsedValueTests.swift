import Foundation
import XCTest

/// The schema checks rely on telling booleans, integers and strings apart after parsing.
final class ParsedValueTests: XCTestCase {
  func testPlistParsingKeepsBooleansIntegersAndStringsApart() throws {
    let plist = """
      <?xml version="1.0" encoding="UTF-8"?>
      <plist version="1.0"><dict>
      <key>a</key><true/><key>b</key><integer>1</integer><key>c</key><string>true</string>
      <key>d</key><string>1</string><key>e</key><false/><key>f</key><integer>0</integer>
      </dict></plist>
      """
    let value = try ParsedValue.plist(Data(plist.utf8))
    XCTAssertEqual(value["a"], .bool(true))
    XCTAssertEqual(value["b"], .int(1))
    XCTAssertEqual(value["c"], .string("true"))
    XCTAssertEqual(value["d"], .string("1"))
    XCTAssertEqual(value["e"], .bool(false))
    XCTAssertEqual(value["f"], .int(0))
  }

  func testJSONParsingKeepsBooleansIntegersAndStringsApart() throws {
    let value = try ParsedValue.json(Data(#"{"a":true,"b":1,"c":"true","d":0,"e":false}"#.utf8))
    XCTAssertEqual(value["a"], .bool(true))
    XCTAssertEqual(value["b"], .int(1))
    XCTAssertEqual(value["c"], .string("true"))
    XCTAssertEqual(value["d"], .int(0))
    XCTAssertEqual(value["e"], .bool(false))
  }
}
