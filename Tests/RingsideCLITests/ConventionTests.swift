import Foundation
import RingsideCLI
import XCTest

/// The habits of the command-line tools admins use, on every command.
final class ConventionTests: XCTestCase {
  func testHelpAndVersionWorkEverywhereWithoutTouchingAStore() throws {
    let cli = try CLIHarness()
    let missing = cli.dbPath
    for spec in CommandTable.commands {
      let db = spec.allOptions.contains { $0.name == "--db" } ? ["--db", missing] : []
      for flag in ["-h", "--help"] {
        let result = cli.run(spec.path + [flag] + db)
        XCTAssertEqual(result.status, 0, "\(spec.name) \(flag): \(result.err)")
        XCTAssertTrue(result.out.hasPrefix("Usage: ringside \(spec.name)"), "\(spec.name) \(flag)")
      }
      for flag in ["-V", "--version"] {
        let result = cli.run(spec.path + [flag] + db)
        XCTAssertEqual(result.status, 0, "\(spec.name) \(flag): \(result.err)")
        XCTAssertEqual(result.out, "ringside \(Ringside.version)\n", spec.name)
      }
    }
    XCTAssertFalse(CLIHarness.storeExists(at: missing), "no store was created")
  }

  func testEveryWritingCommandTakesQuietAndThenPrintsNothingOnSuccess() throws {
    for spec in CommandTable.commands where spec.writes {
      XCTAssertTrue(spec.allOptions.contains { $0.name == "--quiet" }, spec.name)
    }
    let cli = try CLIHarness()
    let db = ["--db", cli.dbPath]
    let runs: [[String]] = [
      ["demo", "--devices", "20"] + db,
      ["stage", "policy", "test", "--rsr-removal", "block"] + db,
      ["config", "--org", "Example"] + db,
      ["apply", "--out", cli.directory.appendingPathComponent("out").path] + db,
      ["stage", "policy", "test", "--rsr-removal", "allow"] + db,
      ["discard", "--all"] + db,
    ]
    for arguments in runs {
      let result = cli.run(arguments + ["--quiet"])
      XCTAssertEqual(result.status, 0, "\(arguments): \(result.err)")
      XCTAssertEqual(result.out, "", "\(arguments)")
    }
    XCTAssertFalse(
      cli.run("stage", "policy", "test", "--rsr-removal", "block", "--db", cli.dbPath).out.isEmpty)
  }

  func testUnexpectedArgumentsAreNamedAsUsageErrors() throws {
    let cli = try CLIHarness()
    for spec in CommandTable.commands where spec.arguments.isEmpty {
      let result = cli.run(spec.path + ["surplus-word"])
      let code: Int32 = spec.path == ["check"] ? 3 : 64
      XCTAssertEqual(result.status, code, spec.name)
      XCTAssertTrue(
        (result.err + result.out).contains("unexpected argument surplus-word"),
        "\(spec.name): \(result.err)\(result.out)")
    }
  }

  func testAnOptionValueThatIsAnOptionIsRefusedAndDoubleDashEndsOptions() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    let result = cli.run("report", "--db", cli.dbPath, "--ring", "--help")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(
      result.err.contains("--ring needs a value (RING), not the option --help"), result.err)
    let why = cli.run("why", "--db", cli.dbPath, "--", "-not-an-option")
    XCTAssertEqual(why.status, 66, why.err)
    XCTAssertTrue(why.err.contains("-not-an-option"), why.err)
  }
}

/// Completion scripts generated from the command table, run in the shells themselves.
final class CompletionScriptTests: XCTestCase {
  func testBashOffersEachCommandsOwnFormatValues() throws {
    let cli = try CLIHarness()
    let script = cli.directory.appendingPathComponent("ringside.bash")
    try cli.run("completions", "bash").out.write(to: script, atomically: true, encoding: .utf8)
    func complete(_ words: [String]) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      process.arguments = [
        "--norc", "-c",
        "source '\(script.path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _ringside; echo \"${COMPREPLY[*]}\"",
      ]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      process.waitUntilExit()
      return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    XCTAssertEqual(try complete(["ringside", "report", "--format", ""]), "text json csv")
    XCTAssertTrue(try complete(["ringside", "import", "--format", ""]).contains("intune-csv"))
    XCTAssertEqual(try complete(["ringside", "why", "--format", ""]), "text json")
    XCTAssertEqual(try complete(["ringside", "conf"]), "config")
  }

  func testZshRunsTheScriptThroughItsBashCompatibilityAndGetsEachCommandsValues() throws {
    let zsh = "/usr/bin/zsh"
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: zsh), "zsh is not installed")
    let cli = try CLIHarness()
    let script = cli.directory.appendingPathComponent("_ringside")
    try cli.run("completions", "zsh").out.write(to: script, atomically: true, encoding: .utf8)
    func complete(_ words: [String]) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: zsh)
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      // As zsh's bashcompinit calls it: sh emulation, arrays counted from 0. zsh itself then
      // narrows the words to what was typed.
      process.arguments = [
        "-fc",
        "autoload -U compinit; compinit -u; source '\(script.path)'; emulate -L sh; setopt ksharrays; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _ringside; print -r -- \"${COMPREPLY[*]}\"",
      ]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      process.environment = ["HOME": cli.directory.path, "PATH": "/usr/bin:/bin"]
      try process.run()
      process.waitUntilExit()
      return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    XCTAssertEqual(try complete(["ringside", "report", "--format", ""]), "text json csv")
    XCTAssertEqual(try complete(["ringside", "why", "--format", ""]), "text json")
    XCTAssertEqual(
      try complete(["ringside", "stage", "policy", "--rsr-removal", ""]), "unset allow block")
    XCTAssertTrue(try complete(["ringside", "st"]).contains("staged"))
  }

  func testFishGetsOneCompleteLinePerOption() throws {
    let fish = try CLIHarness().run("completions", "fish").out
    XCTAssertTrue(fish.contains("-l target-major"), fish)
    XCTAssertTrue(
      fish.contains("-a 'newest line unset'") || fish.contains("-a 'unset line newest'"), fish)
  }
}
