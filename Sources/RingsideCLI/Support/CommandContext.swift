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
  /// True when stdout is a terminal: then what goes there is sanitized too (a file or pipe gets
  /// the exact bytes, which the commands already keep free of control characters).
  public let stdoutIsTerminal: Bool
  /// The columns of the terminal on stdout, or nil when stdout is not a terminal.
  public let terminalColumns: Int?
  /// The remote host the system's login record gives for this terminal (LoginRecord); tests
  /// give their own, so they never read the machine's records.
  public let loginHost: String?
  /// The folder a relative path given on the command line is relative to: the process's
  /// working directory, or a test's own folder.
  public let workingDirectory: String

  public init(
    environment: [String: String], now: Date = Date(), stderrIsTerminal: Bool = false,
    stdoutIsTerminal: Bool = false, terminalColumns: Int? = nil, loginHost: String? = nil,
    workingDirectory: String = FileManager.default.currentDirectoryPath,
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void
  ) {
    self.environment = environment
    self.now = now
    self.stderrIsTerminal = stderrIsTerminal
    self.stdoutIsTerminal = stdoutIsTerminal
    self.terminalColumns = terminalColumns
    self.loginHost = loginHost
    self.workingDirectory = workingDirectory
    self.writeOut = out
    self.writeErr = err
  }

  /// The real process: stdout and stderr, the process environment.
  public static func standard() -> CommandContext {
    CommandContext(
      environment: ProcessInfo.processInfo.environment, now: Date(),
      stderrIsTerminal: isatty(2) == 1, stdoutIsTerminal: isatty(1) == 1,
      terminalColumns: stdoutColumns(), loginHost: LoginRecord.hostOfControllingTerminal(),
      out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      err: { text in FileHandle.standardError.write(Data(text.utf8)) })
  }

  /// The same context with stdout discarded (`--quiet`).
  func withoutStandardOutput() -> CommandContext {
    let quiet = CommandContext(
      environment: environment, now: now, stderrIsTerminal: stderrIsTerminal,
      stdoutIsTerminal: stdoutIsTerminal, terminalColumns: terminalColumns, loginHost: loginHost,
      workingDirectory: workingDirectory, out: { _ in }, err: writeErr)
    quiet.accessOverride = accessOverride
    return quiet
  }

  /// The width of stdout's terminal from the kernel, or nil when stdout is not a terminal.
  private static func stdoutColumns() -> Int? { WindowSize.ofStandardOutput()?.width }

  /// How wide human-readable output may be: unlimited with `--wide`, else `$COLUMNS`, else the
  /// terminal's width, else 80 (a pipe or a cron mail).
  public func outputWidth(_ arguments: ParsedArguments) -> Int {
    arguments.sharedFlag("--wide") ? .max : textWidth
  }

  /// `$COLUMNS`, else the terminal's width, else 80: the width of text with no `--wide`
  /// (help, and every table unless asked for).
  public var textWidth: Int {
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return max(40, columns)
    }
    return max(40, terminalColumns ?? 80)
  }

  /// Writes a line (or several) to stdout.
  public func print(_ text: String) { write(text + "\n") }
  /// Writes text to stdout, sanitized when stdout is a terminal.
  public func write(_ text: String) { writeOut(stdoutIsTerminal ? Sanitized.lines(text) : text) }
  /// Shows `text` as the one progress line on stderr, redrawn in place, when stderr is a
  /// terminal; nil clears it. The text is built from numbers, and sanitized all the same.
  public func progressLine(_ text: String?) {
    guard stderrIsTerminal else { return }
    writeErr("\r" + Sanitized.text(text ?? "", limit: 200) + "\u{1B}[K")
  }

  /// Writes a line to stderr, always sanitized: messages quote arguments, paths and file
  /// contents, and none of them may put a control sequence on a terminal.
  public func printError(_ text: String) { writeErr(Sanitized.lines(text) + "\n") }

  /// The session's role for the store at `path`; `--read-only` on the command line wins.
  public func access(storePath path: String, readOnlyRequested: Bool) throws(CLIError) -> Access {
    if let forced = accessOverride { return forced }
    // On PostgreSQL the database roles decide, and the server enforces them: the unix user and
    // groups do not apply (`access(to:readOnlyRequested:)` asks the server).
    if case .postgres = StoreLocation(path), !readOnlyRequested {
      return Access(role: .admin, refusal: nil)
    }
    return Access.decide(
      identity: SystemIdentity.current(),
      config: try SystemIdentity.config(environment: environment),
      storeOwnerUID: SystemIdentity.owner(of: path), readOnlyRequested: readOnlyRequested)
  }

  /// The access a session on the open `store` has: as `access(storePath:readOnlyRequested:)`,
  /// and on PostgreSQL no more than the database user may do (a member of `ringside_viewer`
  /// gets a viewer's dashboard, not an admin's whose every write the server refuses).
  public func access(to store: InventoryStore, readOnlyRequested: Bool) throws(CLIError) -> Access {
    let access = try access(storePath: store.path, readOnlyRequested: readOnlyRequested)
    guard access.canWrite, accessOverride == nil else { return access }
    let database: (user: String, mayWrite: Bool)?
    do {
      database = try store.databaseUserAccess()
    } catch {
      throw CLIError.store(error)
    }
    guard let database, !database.mayWrite else { return access }
    return Access(
      role: .viewer,
      refusal:
        "read-only: the database user \(Sanitized.text(database.user, limit: 64)) may only read this store"
    )
  }

  /// Who is acting and from where, for the audit log: on a PostgreSQL `store`, its database
  /// login (`InventoryStore.attributed`).
  public func auditActor(role: Role = .admin, on store: InventoryStore? = nil) -> AuditActor {
    let actor = AuditActor.current(environment: environment, loginHost: loginHost, role: role)
    return store?.attributed(actor) ?? actor
  }

  /// Tests set this to act as a viewer or an admin regardless of the unix user.
  public var accessOverride: Access?

  /// The store path from `--db`, `$RINGSIDE_DB` or the XDG default.
  public func storePath(_ arguments: ParsedArguments) -> String {
    StorePath.resolve(explicit: arguments.sharedValue("--db"), environment: environment)
  }

  /// The day tests fix with `RINGSIDE_TEST_TODAY=YYYY-MM-DD` (as `RINGSIDE_TEST_HOST_CONFIG`
  /// fixes the host's configuration), so text that counts days from the catalog's date stays
  /// the same from one day to the next; nil otherwise.
  var testToday: String? {
    guard let day = environment["RINGSIDE_TEST_TODAY"],
      day.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil
    else { return nil }
    return day
  }

  /// Opens the store, translating failures to one-line errors with exit codes. States that a
  /// closed signing window made wrong are derived again first: by this session when it writes,
  /// and for a reading command (`check`, `report`, `devices`, `why`) by a short writing session
  /// when this user may write the store, so a monitoring check run after a BSI expired does
  /// not count it as installable. A viewer reads the states as they are
  /// (`InventoryStore.statesOutdatedSince()` tells the day they date from); so does a session
  /// that must not write (`refreshing: false`, a dashboard opened read-only).
  public func openStore(
    _ arguments: ParsedArguments, create: Bool = false, readOnly: Bool = false,
    refreshing: Bool = true
  ) throws(CLIError) -> InventoryStore {
    let path = storePath(arguments)
    var store: InventoryStore
    do {
      store = try InventoryStore(path: path, create: create, readOnly: readOnly)
      if let day = testToday { store.today = day }
      if !readOnly {
        try store.refreshStatesIfTheDayChanged()
      } else if refreshing, try store.statesOutdatedSince() != nil,
        (try? access(to: store, readOnlyRequested: false))?.canWrite == true
      {
        let today = store.today
        refreshStates(ofStoreAt: path, today: today)
        // Read again: a reader of a SQLite store without a WAL sees the file as it was.
        store = try InventoryStore(path: path, readOnly: true)
        store.today = today
      }
    } catch {
      throw CLIError.store(error)
    }
    witness(store).record(store)
    return store
  }

  /// What a reader is told when the states it reads are outdated (`openStore` could not derive
  /// them again: a viewer, or the store busy); nil when they hold.
  public func outdatedStatesNote(_ store: InventoryStore) throws(CLIError) -> String? {
    let since: String?
    do {
      since = try store.statesOutdatedSince()
    } catch {
      throw CLIError.store(error)
    }
    guard let since else { return nil }
    let when = since.isEmpty ? "by an older Ringside" : "on \(since)"
    return "states derived \(when) are outdated (a signing window closed since): "
      + "an admin's next import or writing command derives them again"
  }

  /// Derives the states of the store at `path` again in a writing session of its own; a
  /// failure (the store busy with an import, a server refusing) leaves them as they were.
  private func refreshStates(ofStoreAt path: String, today: String) {
    do {
      let writer = try InventoryStore(path: path)
      writer.today = today
      try writer.refreshStatesIfTheDayChanged()
    } catch {
      return
    }
  }

  /// The file where this user notes the audit entries they saw in `store` (see AuditWitness).
  public func witness(_ store: InventoryStore) -> AuditWitness {
    AuditWitness(storePath: store.path, environment: environment)
  }
}
