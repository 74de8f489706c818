import RingsideDomain

/// The output formats a command offers (`--format`); `text` is every command's default.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, csv
}

/// One subcommand as the command table describes it: the single source for argument
/// parsing, `--help`, the man page and the shell completions.
public struct CommandSpec: Sendable {
  /// One option the command accepts.
  public struct Option: Sendable {
    public let name: String
    /// The placeholder of the option's value (`PATH`), or nil for a flag.
    public let value: String?
    public let help: String
    /// Values completion can offer; empty when free text.
    public let choices: [String]
    /// True when the option may be given several times.
    public let repeatable: Bool
    /// True when the command cannot run without it: the usage shows it without brackets.
    public let required: Bool

    public init(
      _ name: String, value: String? = nil, help: String, choices: [String] = [],
      repeatable: Bool = false, required: Bool = false
    ) {
      self.name = name
      self.value = value
      self.help = help
      self.choices = choices
      self.repeatable = repeatable
      self.required = required
    }

    /// How the usage line shows it: `[--db PATH]`, or `--from PATH` when required.
    var usagePiece: String {
      let text = value.map { "\(name) \($0)" } ?? name
      return required ? text : "[\(text)]"
    }
  }

  /// `catalog import` is `["catalog", "import"]`.
  public let path: [String]
  public let summary: String
  /// Positional arguments as shown in usage, e.g. `FILE...`.
  public let arguments: String
  public let options: [Option]
  public let discussion: String
  /// Whether the command changes the store or files (refused for viewers).
  public let writes: Bool
  public let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

  public init(
    path: [String], summary: String, arguments: String = "", options: [Option] = [],
    discussion: String = "", writes: Bool = false,
    run: @escaping @Sendable (ParsedArguments, CommandContext) throws -> Int32
  ) {
    self.path = path
    self.summary = summary
    self.arguments = arguments
    self.options = options
    self.discussion = discussion
    self.writes = writes
    self.run = run
  }

  public var name: String { path.joined(separator: " ") }

  /// Every option including the ones all commands share, and `--quiet` for every command that
  /// writes.
  public var allOptions: [Option] {
    var all = options + [CommandSpec.helpOption, CommandSpec.versionOption]
    if writes && !options.contains(where: { $0.name == CommandSpec.quietOption.name }) {
      all.append(CommandSpec.quietOption)
    }
    return all
  }

  static let helpOption = Option("--help", help: "Show this help and exit (also -h).")
  static let quietOption = Option(
    "--quiet", help: "Print nothing on success; errors and warnings still go to stderr.")
  static let versionOption = Option(
    "--version", help: "Show the version and exit (also -V); never opens a store.")
  static let dbOption = Option(
    "--db", value: "PATH",
    help: "The store. Default: $RINGSIDE_DB, else $XDG_DATA_HOME/ringside/ringside.db.")
  static let wideOption = Option(
    "--wide",
    help: "Text as wide as it needs to be; otherwise it fits $COLUMNS, the terminal or 80 columns.")
  static func formatOption(_ formats: [OutputFormat]) -> Option {
    let names = formats.map(\.rawValue)
    return Option(
      "--format", value: "FORMAT", help: "Output format: \(names.joined(separator: ", ")).",
      choices: names)
  }

  /// The usage line: `ringside report [--db PATH] [--format FORMAT]`.
  public var usage: String {
    var parts = ["ringside"] + path
    for o in options { parts.append(o.usagePiece) }
    if !arguments.isEmpty { parts.append(arguments) }
    return parts.joined(separator: " ")
  }

  /// The usage line, broken between options (never inside one) to fit `width`, the options
  /// of later lines under the first one.
  func usageLines(width: Int, label: String = "Usage: ") -> [String] {
    let start = label + (["ringside"] + path).joined(separator: " ")
    var pieces = options.map(\.usagePiece)
    if !arguments.isEmpty { pieces.append(arguments) }
    let indent = String(repeating: " ", count: min(start.count + 1, 24))
    var lines: [String] = []
    var line = start
    for piece in pieces {
      if line.count + 1 + piece.count > width, line != start, line != indent {
        lines.append(line)
        line = indent + piece
      } else {
        line += (line == indent ? "" : " ") + piece
      }
    }
    lines.append(line)
    return lines
  }

  /// The text `--help` prints, unwrapped.
  public var helpText: String { helpText(width: .max) }

  /// The text `--help` prints, the usage and option lines wrapped to `width` columns: the
  /// usage's options under its first, an option's help under the help column.
  public func helpText(width: Int) -> String {
    var lines = usageLines(width: width)
    lines += ["", Self.reflow(summary, width: width)]
    if !discussion.isEmpty { lines += ["", Self.reflow(discussion, width: width)] }
    lines += ["", "Options:"]
    let column = allOptions.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
    // The help column, unless the names leave it too little room: then help goes under them.
    let helpColumn = column + 4 <= width / 2 ? column + 4 : 8
    for o in allOptions {
      let head = "  " + o.name + (o.value.map { " " + $0 } ?? "")
      let help = DisplayWidth.wrap(o.help, width: max(20, width - helpColumn))
      if head.count + 2 <= helpColumn {
        lines.append(
          head.padding(toLength: helpColumn, withPad: " ", startingAt: 0) + (help.first ?? ""))
      } else {
        lines += [head, String(repeating: " ", count: helpColumn) + (help.first ?? "")]
      }
      lines += help.dropFirst().map { String(repeating: " ", count: helpColumn) + $0 }
    }
    return lines.joined(separator: "\n")
  }

  /// Paragraphs of prose wider than `width` wrapped again; a paragraph with an indented line
  /// (an example) is kept as written.
  static func reflow(_ text: String, width: Int) -> String {
    guard width < .max else { return text }
    return text.components(separatedBy: "\n\n").map { paragraph in
      let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
      guard lines.contains(where: { $0.count > width }),
        !lines.contains(where: { $0.hasPrefix(" ") })
      else { return paragraph }
      return DisplayWidth.wrap(lines.joined(separator: " "), width: width).joined(separator: "\n")
    }.joined(separator: "\n\n")
  }
}
