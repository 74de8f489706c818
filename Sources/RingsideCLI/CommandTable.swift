import Foundation

/// Every subcommand Ringside has, in the order `--help` lists them. Parsing, help, the man
/// page and completions are all generated from this table.
public enum CommandTable {
  public static let commands: [CommandSpec] = [
    InitCommand.spec,
    DemoCommand.spec,
    ReportCommand.spec,
    ImportCommand.spec,
    SyncCommand.spec,
    MigrateCommand.spec,
    DevicesCommand.spec,
    WhyCommand.spec,
    CheckCommand.spec,
    CatalogCommand.list,
    CatalogCommand.importFeed,
    StageCommand.policy,
    StageCommand.move,
    StagedCommand.spec,
    ApplyCommand.spec,
    DiscardCommand.spec,
    ConfigCommand.spec,
    AuditCommand.spec,
    DocsCommand.manpage,
    DocsCommand.completions,
    InstallCommand.install,
    InstallCommand.uninstall,
  ]

  /// Commands that work but are not listed in help.
  static let hidden: [CommandSpec] = [DocsCommand.complete]

  /// The bare program (`ringside [--db PATH] [--demo] ...`): the dashboard.
  public static let dashboard: CommandSpec = DashboardCommand.spec

  /// Theme names for completion, as `--theme` finds them.
  static func themeNames(_ environment: [String: String]) -> [String] {
    DashboardCommand.themeNames(environment)
  }

  /// The spec whose path is the longest prefix of `arguments`.
  static func match(_ arguments: [String]) -> (CommandSpec, Int)? {
    var best: (CommandSpec, Int)?
    for spec in commands + hidden where arguments.starts(with: spec.path) {
      if spec.path.count > (best?.1 ?? 0) { best = (spec, spec.path.count) }
    }
    // `ringside catalog` alone lists.
    if best == nil, arguments.first == "catalog" { return (CatalogCommand.list, 1) }
    return best
  }
}
