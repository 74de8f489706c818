/// Every subcommand Ringside has, in the order `--help` lists them. Parsing, help, the man
/// page and completions are all generated from this table.
public enum CommandTable {
  public static let commands: [CommandSpec] = [
    InitCommand.spec,
    DemoCommand.spec,
    ReportCommand.spec,
    ImportCommand.spec,
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
  ]

  /// Commands that work but are not listed in help.
  static let hidden: [CommandSpec] = [DocsCommand.complete]

  /// The bare program (`ringside [--db PATH] [--demo] ...`), set by the executable when the
  /// dashboard is part of the build.
  nonisolated(unsafe) public static var dashboard: CommandSpec?

  /// Theme names for completion; the dashboard module provides the lookup.
  nonisolated(unsafe) public static var themeNames: ([String: String]) -> [String] = { _ in [] }

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
