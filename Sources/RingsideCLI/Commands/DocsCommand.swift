import Foundation
import RingsideDomain
import RingsideStore

/// `ringside manpage`, `ringside completions SHELL` and the hidden `__complete` helper the
/// completion scripts call for ring and theme names.
enum DocsCommand {
  /// The man page of this program, as `ringside manpage` prints and `install` writes it.
  static func manPageText() -> String {
    ManPage.render(
      commands: CommandTable.commands, dashboard: CommandTable.dashboard,
      version: Ringside.version, keys: DashboardCommand.keyReference())
  }

  /// The completion script for `shell` (bash, zsh or fish), or nil for another shell.
  static func completionScript(_ shell: String) -> String? {
    let commands = CommandTable.commands
    let dashboard = CommandTable.dashboard
    switch shell {
    case "bash": return Completions.bash(commands: commands, dashboard: dashboard)
    case "zsh": return Completions.zsh(commands: commands, dashboard: dashboard)
    case "fish": return Completions.fish(commands: commands, dashboard: dashboard)
    default: return nil
    }
  }

  static let manpage = CommandSpec(
    path: ["manpage"],
    summary: "Print the ringside(1) man page (roff), generated from the command table.",
    discussion: "Install it with: ringside manpage > /usr/local/share/man/man1/ringside.1",
    run: { _, context in
      context.write(manPageText())
      return ExitCode.ok.rawValue
    })

  static let completions = CommandSpec(
    path: ["completions"],
    summary: "Print a bash, zsh or fish completion script.",
    arguments: "bash|zsh|fish",
    discussion:
      "bash: ringside completions bash > /etc/bash_completion.d/ringside; zsh: put the zsh output in a file named _ringside on $fpath; fish: ringside completions fish > ~/.config/fish/completions/ringside.fish. `ringside install` puts all three in place.",
    run: { arguments, context in
      guard let script = completionScript(arguments.positional.first ?? "") else {
        throw CLIError.usage("give the shell: bash, zsh or fish", command: "completions")
      }
      context.write(script)
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
        // No file, no rings; a PostgreSQL URL names no file, so its server is asked.
        if case .sqlite = StoreLocation(path), !FileManager.default.fileExists(atPath: path) {
          return ExitCode.ok.rawValue
        }
        guard let store = try? InventoryStore(path: path, readOnly: true),
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
