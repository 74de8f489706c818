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

  public init(
    environment: [String: String], now: Date = Date(), stderrIsTerminal: Bool = false,
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void
  ) {
    self.environment = environment
    self.now = now
    self.stderrIsTerminal = stderrIsTerminal
    self.writeOut = out
    self.writeErr = err
  }

  /// The real process: stdout and stderr, the process environment.
  public static func standard() -> CommandContext {
    CommandContext(
      environment: ProcessInfo.processInfo.environment, now: Date(),
      stderrIsTerminal: isatty(2) == 1,
      out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      err: { text in FileHandle.standardError.write(Data(text.utf8)) })
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
