import Foundation
import XCTest

@testable import RingsideCLI

/// Every option the code looks up by name is one the command table declares: a misspelt
/// lookup would silently read as "not given". ParsedArguments also stops debug builds on a
/// lookup the running command does not declare; this test covers lookups no test runs.
final class OptionDeclarationTests: XCTestCase {
  func testEveryOptionLookedUpInTheSourcesIsDeclared() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/RingsideCLI")
    var declared = Set(
      (CommandTable.commands + [CommandTable.dashboard]).flatMap { $0.allOptions.map(\.name) })
    declared.formUnion(CommandTable.hidden.flatMap { $0.allOptions.map(\.name) })
    let lookup = try NSRegularExpression(
      pattern: #"\.(?:flag|value|all|choice|integer|sharedFlag|sharedValue)\(\s*"(--[a-z0-9-]+)""#)
    var looked = 0
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
    for file in files ?? [] where file.hasSuffix(".swift") {
      let text = try String(
        contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      let range = NSRange(text.startIndex..., in: text)
      for match in lookup.matches(in: text, range: range) {
        guard let nameRange = Range(match.range(at: 1), in: text) else { continue }
        looked += 1
        XCTAssertTrue(declared.contains(String(text[nameRange])), "\(file): \(text[nameRange])")
      }
    }
    XCTAssertGreaterThan(looked, 40, "the scan found the lookups")
  }

  func testParsingRejectsAnUndeclaredOptionWithAUsageError() {
    XCTAssertThrowsError(try ParsedArguments(["--forse"], spec: ApplyCommand.spec)) { error in
      XCTAssertTrue((error as? CLIError)?.message.contains("unknown option --forse") ?? false)
    }
  }
}
