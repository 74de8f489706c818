import Foundation
import RingsideDomain
import RingsideStore

/// What a command may touch besides its arguments: environment, output streams, the clock.
/// Tests pass their own to capture output and fix the time.
public final class CommandContext: @unchecked Sendable {
  public let environment: [String: String]
  public let now: Date
  private let writeOut: @Sendable (String) -> Void
  private let writeErr: @Sendable (String) -> Void
  /// True when stderr is a terminal, for progress lines.
  public let stderrIsTerminal: Bool
  /// The columns of the terminal on stdout, or nil when stdout is not a terminal.
  public let terminalColumns: Int?

  public init(
    environment: [String: String], now: Date = Date(), stderrIsTerminal: Bool = false,
    terminalColumns: Int? = nil,
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void
  ) {
    self.environment = environment
    self.now = now
    self.stderrIsTerminal = stderrIsTerminal
    self.terminalColumns = terminalColumns
    self.writeOut = out
    self.writeErr = err
  }

  /// The real process: stdout and stderr, the process environment.
  public static func standard() -> CommandContext {
    CommandContext(
      environment: ProcessInfo.processInfo.environment, now: Date(),
      stderrIsTerminal: isatty(2) == 1, terminalColumns: stdoutColumns(),
      out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      err: { text in FileHandle.standardError.write(Data(text.utf8)) })
  }

  /// The width of stdout's terminal from the kernel, or nil when stdout is not a terminal.
  private static func stdoutColumns() -> Int? {
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// How wide human-readable output may be: unlimited with `--wide`, else `$COLUMNS`, else the
  /// terminal's width, else 80 (a pipe or a cron mail).
  public func outputWidth(_ arguments: ParsedArguments) -> Int {
    if arguments.flag("--wide") { return .max }
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return max(40, columns)
    }
    return max(40, terminalColumns ?? 80)
  }

  /// Writes a line (or several) to stdout.
  public func print(_ text: String) { writeOut(text + "\n") }
  /// Writes raw text to stdout.
  public func write(_ text: String) { writeOut(text) }
  /// Writes a line to stderr.
  public func printError(_ text: String) { writeErr(text + "\n") }

  /// The session's role for the store at `path`; `--read-only` on the command line wins.
  public func access(storePath path: String, readOnlyRequested: Bool) throws(CLIError) -> Access {
    if let forced = accessOverride { return forced }
    return Access.decide(
      identity: SystemIdentity.current(),
      config: try SystemIdentity.config(environment: environment),
      storeOwnerUID: SystemIdentity.owner(of: path), readOnlyRequested: readOnlyRequested)
  }

  /// Tests set this to act as a viewer or an admin regardless of the unix user.
  public var accessOverride: Access?

  /// The store path from `--db`, `$RINGSIDE_DB` or the XDG default.
  public func storePath(_ arguments: ParsedArguments) -> String {
    StorePath.resolve(explicit: arguments.value("--db"), environment: environment)
  }

  /// Opens the store, translating failures to one-line errors with exit codes.
  public func openStore(_ arguments: ParsedArguments, create: Bool = false, readOnly: Bool = false)
    throws(CLIError) -> InventoryStore
  {
    do {
      let store = try InventoryStore(path: storePath(arguments), create: create, readOnly: readOnly)
      try store.refreshStatesIfTheDayChanged()
      return store
    } catch {
      throw CLIError.store(error)
    }
  }
}
