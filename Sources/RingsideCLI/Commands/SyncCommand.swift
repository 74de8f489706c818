import Foundation
import RingsideDomain
import RingsideImport
import RingsideServices
import RingsideStore
import RingsideSync

/// `ringside sync SOURCE`: pulls every device page from the MDM's API and imports them as one
/// all-or-nothing import; `--check` only tests the credentials.
enum SyncCommand {
  static let sources = SyncSource.allCases.map(\.rawValue)

  static let spec = CommandSpec(
    path: ["sync"],
    summary: "Pull the inventory from Microsoft Graph (Intune), Jamf Pro, Fleet or Kandji.",
    arguments: "SOURCE (graph, jamf, fleet or kandji)",
    options: [
      CommandSpec.dbOption,
      .init(
        "--url", value: "URL",
        help:
          "The API base (Graph: https://graph.microsoft.com/v1.0; Jamf, Fleet, Kandji: your server)."
      ),
      .init("--auth-url", value: "URL", help: "The token endpoint (national clouds, tests)."),
      .init(
        "--ring-from", value: "FIELD",
        help: "Take each device's ring from this field, as `import --ring-from` does."),
      .init(
        "--page-size", value: "N",
        help: "Devices per request (default: Graph's own, Jamf and Fleet 500, Kandji 300)."),
      .init(
        "--ca-file", value: "PEM",
        help: "Verify the servers against these CA certificates instead of the system's."),
      .init(
        "--check",
        help: "Test the credentials: fetch a token and one device, print what it may read."),
      .init("--dry-run", help: "Fetch every page and report what would change; store nothing."),
      .init(
        "--quiet",
        help: "Print only errors and warnings (for cron and systemd timers)."),
    ],
    discussion: """
      Fetches every page (Graph: @odata.nextLink with $select of the fields Ringside reads;
      Jamf: mobile-devices/detail and computers-inventory by page and page-size; Fleet:
      hosts by page and per_page; Kandji: devices by limit and offset), then imports them all
      at once with the rules of `ringside import`: one audit entry, the same summary, and
      nothing stored unless every page arrived and every record is valid.
      Credentials never go on the command line: $XDG_CONFIG_HOME/ringside/sources/SOURCE.conf
      (else /etc/ringside/sources/SOURCE.conf), KEY=VALUE lines (tenant_id, client_id,
      client_secret, client_certificate_file, token, url, auth_url), owned by the user and mode
      0600, or the variables RINGSIDE_GRAPH_TENANT_ID, RINGSIDE_GRAPH_CLIENT_ID,
      RINGSIDE_GRAPH_CLIENT_SECRET (or RINGSIDE_GRAPH_CERTIFICATE_FILE: a mode 0600 PEM with
      the app's RSA key and certificate, for a signed client assertion instead of the secret),
      RINGSIDE_JAMF_CLIENT_ID, RINGSIDE_JAMF_CLIENT_SECRET, RINGSIDE_FLEET_TOKEN,
      RINGSIDE_KANDJI_TOKEN (and RINGSIDE_JAMF_URL, RINGSIDE_FLEET_URL, RINGSIDE_KANDJI_URL;
      set alone, a URL variable only replaces the file's url).
      A busy server (429, 502, 503, 504) is waited for as its Retry-After asks (at most 5
      minutes), else with exponential backoff up to a minute; the whole sync may take 30
      minutes. TLS is always verified; http:// is accepted only to the loopback address.
      Exit 69: the server is unreachable or failed; 77: credentials missing, unsafe or refused;
      65: a page is not what the API documents. The message names the page and why.
      """,
    writes: true,
    run: { arguments, context in
      guard arguments.positional.count == 1,
        let source = SyncSource(rawValue: arguments.positional[0])
      else {
        throw CLIError.usage(
          "name one SOURCE: \(sources.joined(separator: ", "))", command: "sync")
      }
      let options = SyncOptions(
        source: source, baseURL: arguments.value("--url"), authURL: arguments.value("--auth-url"),
        caFile: arguments.value("--ca-file"),
        pageSize: try arguments.integer("--page-size", in: 1...10_000))
      let quiet = arguments.flag("--quiet")
      noCoreDumps()
      do {
        let credentials = try SourceCredentials.load(
          source, environment: context.environment,
          userDirectory: userSourcesDirectory(context.environment),
          sharedDirectory: sharedSourcesDirectory(context.environment))
        let transport: CurlTransport
        do {
          transport = try CurlTransport(caFile: options.caFile)
        } catch {
          throw SyncFailure.usage("--ca-file: \(error)")
        }
        if arguments.flag("--check") {
          let report = try Syncer.check(
            options, credentials: credentials, transport: transport, clock: SystemClock())
          context.print("\(source.rawValue): credentials from \(report.origin) accepted.")
          if !report.grants.isEmpty {
            context.print("The token may: \(report.grants.joined(separator: ", ")).")
          }
          for line in report.collections { context.print(line) }
          return ExitCode.ok.rawValue
        }
        return try sync(
          options, credentials: credentials, transport: transport, arguments: arguments,
          context: context, quiet: quiet)
      } catch let failure as SyncFailure {
        throw error(failure, context: context)
      }
    })

  private static func sync(
    _ options: SyncOptions, credentials: SourceCredentials, transport: CurlTransport,
    arguments: ParsedArguments, context: CommandContext, quiet: Bool
  ) throws -> Int32 {
    let importOptions = ImportOptions(
      ringFrom: arguments.value("--ring-from"), dryRun: arguments.flag("--dry-run"),
      now: context.now, actor: context.auditActor())
    let failing: (StoreError) -> any Error = { CLIError.store($0) }
    return try InventoryImport.withStore(
      at: context.storePath(arguments), dryRun: importOptions.dryRun, today: context.testToday,
      failing: failing
    ) { store in
      try sync(
        options, credentials: credentials, transport: transport, store: store,
        importOptions: importOptions, context: context, quiet: quiet)
    }
  }

  private static func sync(
    _ options: SyncOptions, credentials: SourceCredentials, transport: CurlTransport,
    store: InventoryStore, importOptions: ImportOptions, context: CommandContext, quiet: Bool
  ) throws -> Int32 {
    let name = options.source.rawValue
    let events = SyncEvents(
      page: { progress in
        if quiet { return }
        context.progressLine(
          "  \(name): \(progress.pages.grouped) pages · \(progress.records.grouped) devices fetched"
        )
      },
      waiting: { what, seconds in
        if quiet { return }
        let text = "\(what); trying again in \(Int(seconds.rounded(.up))) s"
        if context.stderrIsTerminal {
          context.progressLine("  " + text)
        } else {
          context.printError("ringside: note: \(text)")
        }
      })
    var importEvents = ImportEvents(
      progress: { progress in
        if !quiet { context.progressLine(ImportCommand.progressText(progress)) }
      },
      notice: { text in if !quiet { context.printError("ringside: note: \(text)") } },
      warning: { text in context.printError("ringside: warning: \(text)") })
    importEvents.finishing = ImportCommand.finishingLine(quiet: quiet, context: context)
    defer { if !quiet { context.progressLine(nil) } }
    let report = try Syncer.run(
      options, credentials: credentials, transport: transport, clock: SystemClock(),
      store: store, importOptions: importOptions, importEvents: importEvents, events: events)
    if !quiet {
      context.progressLine(nil)
      context.print(
        "Fetched \(report.pages.grouped) pages from \(name) in \(report.requests.grouped) requests."
      )
      context.write(ImportCommand.report(report.summary, dryRun: importOptions.dryRun))
    }
    return ExitCode.ok.rawValue
  }

  /// The CLI error for a failed sync: its exit code, and the promise that nothing was stored.
  private static func error(_ failure: SyncFailure, context: CommandContext) -> CLIError {
    switch failure {
    case .usage(let text): return CLIError.usage(text, command: "sync")
    case .unreachable(let text): return CLIError(.unavailable, "\(text)\nNothing was stored.")
    case .refused(let text): return CLIError(.noPermission, "\(text)\nNothing was stored.")
    case .badData(let text): return CLIError(.dataError, "\(text)\nNothing was stored.")
    case .importFailed(let failure):
      switch failure {
      case .usage(let text): return CLIError.usage(text, command: "sync")
      case .file(let issue, _): return CLIError(.dataError, "\(issue)\nNothing was stored.")
      case .store(let storeError): return CLIError.store(storeError)
      case .rejected(let summary, let issues):
        for issue in issues.prefix(ImportCommand.shownIssues) {
          context.printError("ringside: \(issue)")
        }
        return CLIError(
          .dataError,
          "\(summary.rejected) of \(summary.read) records are invalid; nothing was stored.")
      }
    }
  }

  /// Sets the core file size limit to 0 before any secret is read: a crash mid-sync must not
  /// write the client secret or the bearer token to a core file.
  static func noCoreDumps() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0 else { return }
    limit.rlim_cur = 0
    _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
  }

  /// `$XDG_CONFIG_HOME/ringside/sources` (else `~/.config/ringside/sources`).
  static func userSourcesDirectory(_ environment: [String: String]) -> String {
    let home = environment["HOME"] ?? NSHomeDirectory()
    let xdg =
      environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
    return xdg + "/ringside/sources"
  }

  /// `/etc/ringside/sources`, the shared store's credentials. Debug builds (the ones `swift
  /// test` runs) read `$RINGSIDE_TEST_SHARED_SOURCES` instead when it is set, so no test reads
  /// the machine's; release builds ignore it.
  static func sharedSourcesDirectory(_ environment: [String: String]) -> String {
    #if DEBUG
      if let path = environment["RINGSIDE_TEST_SHARED_SOURCES"], path.hasPrefix("/") {
        return path
      }
    #endif
    return "/etc/ringside/sources"
  }
}
