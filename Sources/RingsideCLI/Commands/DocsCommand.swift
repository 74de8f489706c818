import Foundation
import RingsideDomain
import RingsideStore

/// `ringside manpage`, `ringside completions SHELL` and the hidden `__complete` helper the
/// completion scripts call for ring and theme names.
enum DocsCommand {
  /// The bare program's spec: the executable's, else this module's own dashboard.
  static var dashboard: CommandSpec { CommandTable.dashboard ?? DashboardCommand.spec }

  static let manpage = CommandSpec(
    path: ["manpage"],
    summary: "Print the ringside(1) man page (roff), generated from the command table.",
    discussion: "Install it with: ringside manpage > /usr/local/share/man/man1/ringside.1",
    run: { _, context in
      context.write(
        ManPage.render(
          commands: CommandTable.commands, dashboard: dashboard, version: Ringside.version,
          keys: DashboardCommand.keyReference()))
      return ExitCode.ok.rawValue
    })

  static let completions = CommandSpec(
    path: ["completions"],
    summary: "Print a bash, zsh or fish completion script.",
    arguments: "bash|zsh|fish",
    discussion:
      "bash: ringside completions bash > /etc/bash_completion.d/ringside; zsh: put the zsh output in a file named _ringside on $fpath; fish: ringside completions fish > ~/.config/fish/completions/ringside.fish. `ringside install` puts all three in place.",
    run: { arguments, context in
      switch arguments.positional.first {
      case "bash":
        context.write(
          Completions.bash(commands: CommandTable.commands, dashboard: dashboard))
      case "zsh":
        context.write(
          Completions.zsh(commands: CommandTable.commands, dashboard: dashboard))
      case "fish":
        context.write(
          Completions.fish(commands: CommandTable.commands, dashboard: dashboard))
      default: throw CLIError.usage("give the shell: bash, zsh or fish", command: "completions")
      }
      return ExitCode.ok.rawValue
    })

  /// Not listed in help: completion scripts call it.
  static let complete = CommandSpec(
    path: ["__complete"],
    summary: "List ring or theme names for shell completion.",
    arguments: "rings|themes",
    options: [CommandSpec.dbOption],
    run: { arguments, context in
      switch arguments.positional.first {
      case "rings":
        let path = context.storePath(arguments)
        guard FileManager.default.fileExists(atPath: path),
          let store = try? InventoryStore(path: path, readOnly: true),
          let rings = try? store.rings()
        else { return ExitCode.ok.rawValue }
        for ring in rings { context.print(ring.name) }
      case "themes":
        for name in CommandTable.themeNames(context.environment) { context.print(name) }
      default:
        throw CLIError.usage("give rings or themes", command: "__complete")
      }
      return ExitCode.ok.rawValue
    })
}
