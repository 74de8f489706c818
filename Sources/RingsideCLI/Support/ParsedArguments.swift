import RingsideDomain

/// The options and positional arguments of one invocation, checked against its spec.
public struct ParsedArguments: Sendable {
  public private(set) var values: [String: [String]] = [:]
  public private(set) var flags: Set<String> = []
  public private(set) var positional: [String] = []
  let command: String
  /// The options the command declares; looking up any other is a programming error (a typo
  /// such as `flag("--forse")` would otherwise read as "not given" forever).
  private let declared: Set<String>?
  /// The `--format` values the command declares.
  private var formatChoices: [String] = []

  /// Parses `arguments` (after the subcommand words); unknown options are usage errors.
  init(_ arguments: [String], spec: CommandSpec) throws(CLIError) {
    command = spec.name
    declared = Set(spec.allOptions.map(\.name))
    formatChoices = spec.allOptions.first { $0.name == "--format" }?.choices ?? []
    let options = Dictionary(spec.allOptions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var i = 0
    var onlyPositional = false
    while i < arguments.count {
      var arg = arguments[i]
      i += 1
      // The short forms every command-line tool takes.
      if !onlyPositional, arg == "-h" { arg = "--help" }
      if !onlyPositional, arg == "-V" { arg = "--version" }
      if arg == "--" && !onlyPositional {
        onlyPositional = true
        continue
      }
      if onlyPositional || !arg.hasPrefix("--") || arg == "-" {
        positional.append(arg)
        continue
      }
      var name = arg
      var inline: String?
      if let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      guard let option = options[name] else {
        throw CLIError.usage(
          "unknown option \(name) for `ringside \(spec.name)`", command: spec.name)
      }
      if option.value == nil {
        if inline != nil {
          throw CLIError.usage("\(name) takes no value", command: spec.name)
        }
        flags.insert(name)
        continue
      }
      let value: String
      if let inline {
        value = inline
      } else {
        guard i < arguments.count else {
          throw CLIError.usage("\(name) needs a value (\(option.value!))", command: spec.name)
        }
        value = arguments[i]
        i += 1
        // `--ring --help`: the value is missing, not the ring "--help".
        if value.hasPrefix("--"), value.count > 2 {
          throw CLIError.usage(
            "\(name) needs a value (\(option.value!)), not the option \(Sanitized.text(value, limit: 40)); write \(name)=\(Sanitized.text(value, limit: 40)) if you mean it",
            command: spec.name)
        }
      }
      if values[name] != nil && !option.repeatable {
        throw CLIError.usage("\(name) given twice", command: spec.name)
      }
      values[name, default: []].append(value)
    }
    if spec.arguments.isEmpty, let extra = positional.first, !flags.contains("--help"),
      !flags.contains("--version")
    {
      throw CLIError.usage(
        "unexpected argument \(Sanitized.text(extra, limit: 40)) for `ringside \(spec.name)`",
        command: spec.name)
    }
  }

  public init(values: [String: [String]] = [:], flags: Set<String> = [], positional: [String] = [])
  {
    self.values = values
    self.flags = flags
    self.positional = positional
    command = ""
    declared = nil
  }

  public func value(_ name: String) -> String? { values[checked(name)]?.last }
  public func all(_ name: String) -> [String] { values[checked(name)] ?? [] }
  public func flag(_ name: String) -> Bool { flags.contains(checked(name)) }

  /// For code shared by many commands: the flag `name` where the command declares it, else false.
  public func sharedFlag(_ name: String) -> Bool { declares(name) && flags.contains(name) }
  /// For code shared by many commands: the value of `name` where the command declares it.
  public func sharedValue(_ name: String) -> String? { declares(name) ? values[name]?.last : nil }

  private func declares(_ name: String) -> Bool { declared?.contains(name) ?? true }

  /// Stops debug builds (and so every test) on a lookup of an option the command lacks.
  private func checked(_ name: String) -> String {
    assert(
      declared?.contains(name) ?? true, "`ringside \(command)` looks up undeclared option \(name)")
    return name
  }

  /// The value of `name` as one of `choices`, or `default` when absent.
  public func choice(_ name: String, in choices: [String], default fallback: String)
    throws(CLIError) -> String
  {
    guard let v = value(name) else { return fallback }
    guard choices.contains(v) else {
      throw CLIError.usage(
        "\(name) must be one of \(choices.joined(separator: ", ")), not \(v)", command: command)
    }
    return v
  }

  /// `--format` as one of the output formats the command declares; `text` when absent.
  public func outputFormat() throws(CLIError) -> OutputFormat {
    let name = try choice("--format", in: formatChoices, default: OutputFormat.text.rawValue)
    return OutputFormat(rawValue: name) ?? .text
  }

  /// The value of `name` as an integer within `range`.
  /// A percentage from 0 to 100 with at most two decimals (`2.5`), or nil when not given.
  public func percent(_ name: String) throws(CLIError) -> Double? {
    guard let v = value(name) else { return nil }
    let parts = v.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
      parts.count == 1 || parts[1].count <= 2, let n = Double(v), (0...100).contains(n)
    else {
      throw CLIError.usage(
        "\(name) must be a percentage from 0 to 100 (at most two decimals, such as 2.5), not \(v)",
        command: command)
    }
    return n
  }

  public func integer(_ name: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
    guard let v = value(name) else { return nil }
    guard let n = Int(v.replacingOccurrences(of: "_", with: "")), range.contains(n) else {
      throw CLIError.usage(
        "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(v)",
        command: command)
    }
    return n
  }
}
