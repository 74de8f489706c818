import Foundation
import RingsideDomain
import RingsideStore

/// The `ringside` entry point: dispatches to a subcommand, or to the dashboard.
public enum Ringside {
  public static let version = "0.1.0"

  /// Runs one invocation and returns the exit status. The bare program
  /// (`ringside [--db PATH] [--demo] ...`) opens the dashboard.
  public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
    do {
      return try dispatch(arguments, context: context)
    } catch let error as CLIError {
      context.printError("ringside: \(error.message)")
      return error.code.rawValue
    } catch let error as StoreError {
      context.printError("ringside: \(error.message)")
      return CLIError.store(error).code.rawValue
    } catch {
      context.printError("ringside: \(error)")
      return ExitCode.software.rawValue
    }
  }

  static func dispatch(_ arguments: [String], context: CommandContext) throws -> Int32 {
    let first = arguments.first
    if first == "--version" || first == "-V" {
      context.print("ringside \(version)")
      return 0
    }
    if first == "--help" || first == "-h" || first == "help" {
      if first == "help", arguments.count > 1,
        let (spec, _) = CommandTable.match(Array(arguments.dropFirst()))
      {
        context.print(spec.helpText(width: context.textWidth))
      } else {
        context.print(programHelp(width: context.textWidth))
      }
      return 0
    }
    guard let first, !first.hasPrefix("-") else {
      return try run(spec: CommandTable.dashboard, arguments: arguments, context: context)
    }
    guard let (spec, consumed) = CommandTable.match(arguments) else {
      throw CLIError.usage("unknown command \(Sanitized.text(first, limit: 30))", command: nil)
    }
    return try run(spec: spec, arguments: Array(arguments.dropFirst(consumed)), context: context)
  }

  static func run(spec: CommandSpec, arguments: [String], context: CommandContext) throws -> Int32 {
    guard let parsed = try parse(arguments, spec: spec, context: context) else {
      return ExitCode.checkUnknown
    }
    if parsed.flag("--help") {
      context.print(spec.helpText(width: context.textWidth))
      return 0
    }
    if parsed.flag("--version") {
      context.print("ringside \(version)")
      return 0
    }
    if spec.writes {
      let access = try context.access(
        storePath: context.storePath(parsed), readOnlyRequested: parsed.sharedFlag("--read-only"))
      if let refusal = access.refusal { throw CLIError(.noPermission, refusal) }
    }
    // `--quiet` on a writing command: nothing on stdout; errors and warnings still on stderr.
    let quiet = spec.writes && parsed.sharedFlag("--quiet")
    return try spec.run(parsed, quiet ? context.withoutStandardOutput() : context)
  }

  /// The arguments as the spec reads them. A monitoring plugin (`check`) answers a usage error
  /// with UNKNOWN on stdout and exit 3, as the plugin guidelines ask: then nil.
  static func parse(_ arguments: [String], spec: CommandSpec, context: CommandContext) throws
    -> ParsedArguments?
  {
    do {
      return try ParsedArguments(arguments, spec: spec)
    } catch {
      guard spec.path == ["check"] else { throw error }
      context.print("RINGSIDE UNKNOWN - \(error.message)")
      return nil
    }
  }

  static func programHelp(width: Int = .max) -> String {
    var lines = [
      "Ringside \(version): RSR/BSI rollout dashboard for Apple device admins.", "",
      "Usage:",
    ]
    lines += CommandTable.dashboard.usageLines(width: width, label: "  ")
    lines.append("  ringside COMMAND [OPTIONS]")
    lines += ["", "Commands:"]
    let column = (CommandTable.commands.map(\.name.count).max() ?? 0) + 4
    for spec in CommandTable.commands {
      let summary = DisplayWidth.wrap(spec.summary, width: max(20, width - column))
      lines.append(
        "  " + spec.name.padding(toLength: column - 2, withPad: " ", startingAt: 0)
          + (summary.first ?? ""))
      lines += summary.dropFirst().map { String(repeating: " ", count: column) + $0 }
    }
    lines += [
      "", "Run `ringside COMMAND --help` for a command's options.",
      CommandSpec.reflow(
        "Exit status: 0 ok, 64 usage, 65 bad data, 66 no input, 69 unavailable, 73 cannot create, 75 busy, 77 no permission, 78 fix a kept setting.",
        width: width),
    ]
    return lines.joined(separator: "\n")
  }
}
