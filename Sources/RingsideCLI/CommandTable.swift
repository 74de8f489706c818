/// Every subcommand Ringside has, in the order `--help` lists them. Parsing, help, the man
/// page and completions are all generated from this table.
public enum CommandTable {
  public static let commands: [CommandSpec] = [
    DemoCommand.spec,
    ReportCommand.spec,
    ImportCommand.spec,
    CatalogCommand.list,
    CatalogCommand.importFeed,
  ]

  /// The spec whose path is the longest prefix of `arguments`.
  static func match(_ arguments: [String]) -> (CommandSpec, Int)? {
    var best: (CommandSpec, Int)?
    for spec in commands where arguments.starts(with: spec.path) {
      if spec.path.count > (best?.1 ?? 0) { best = (spec, spec.path.count) }
    }
    // `ringside catalog` alone lists.
    if best == nil, arguments.first == "catalog" { return (CatalogCommand.list, 1) }
    return best
  }
}
