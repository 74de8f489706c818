import Foundation
import RingsideDomain
import RingsideStore
import RingsideTUI
import RingsideTerminal

/// The bare `ringside`: the interactive dashboard, or with `--script`/`--dump-screen` the
/// same dashboard headless, for tests and reproducible screens.
public enum DashboardCommand {
  public static let spec = CommandSpec(
    path: [],
    summary: "Open the dashboard: overview, devices and rings, live from the store.",
    options: [
      CommandSpec.dbOption,
      .init(
        "--demo",
        help:
          "Show the demo fleet from a temporary store; w writes into a temporary folder; both removed on exit."
      ),
      .init(
        "--theme", value: "NAME|PATH", help: "default, high-contrast, light, mono, or a theme file."
      ),
      .init("--read-only", help: "Open the store read-only; staging keys are not bound."),
      ProfileOutputOptions.outOption, ProfileOutputOptions.orgOption,
      .init(
        "--script", value: "FILE",
        help: "Headless: play the keys in FILE (text, <Enter>, <Down>, <resize 100x30>)."),
      .init("--dump-screen", help: "Headless: print the final screen as text."),
      .init("--dump-roles", help: "Headless: print the style role of every cell after the text."),
      .init("--size", value: "WxH", help: "Headless screen size (default 80x24)."),
    ],
    discussion: """
      Keys: ? help, / filter, Enter open, Esc back, Tab or 1-5 views, : commands, q quit.
      In Devices y copies the serial number (OSC 52; RINGSIDE_CLIPBOARD=off turns it off).
      Admins stage with keys (Rings: i r + - c; Devices: Space A m) and write from Staged (w);
      --out and --org say where and for whom `w` writes, as for `ringside apply`.
      Themes are looked up in $XDG_CONFIG_HOME/ringside/themes, $RINGSIDE_THEMES, the Themes
      folder next to the binary, then the built-in copies. NO_COLOR selects mono.
      A terminal without cursor addressing (TERM=dumb) gets `ringside report` instead.
      """,
    run: { arguments, context in try run(arguments, context) })

  /// Every key and `:` command of an admin's dashboard with what it does, from the same
  /// command table and keymap as its `?` help, for the man page.
  static func keyReference() -> [(String, String)] {
    let state = DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: true, now: Date(timeIntervalSince1970: 0))
    return HelpText.lines(state, ascii: true)
  }

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let startedAt = Date()
    let headless =
      arguments.value("--script") != nil || arguments.flag("--dump-screen")
      || arguments.flag("--dump-roles")
    let opened = try openStore(arguments, context)
    defer { opened.cleanup() }
    let (store, label) = (opened.store, opened.label)
    let access = try context.access(to: store, readOnlyRequested: arguments.flag("--read-only"))
    let settings = try ProfileOutputOptions.settings(store)
    if access.canWrite {
      try ProfileOutputOptions.refuseNewIdentifiers(
        arguments, store: store, settings: settings, force: false,
        fix: "set the organisation with `ringside config --org NAME --force`")
    }
    let staging = StagingContext(
      actor: context.auditActor(role: access.role, on: store),
      directory: try opened.demoProfiles
        ?? ProfileOutputOptions.directory(arguments, context, settings: settings),
      organization: try ProfileOutputOptions.organization(
        arguments, command: "dashboard", settings: settings))
    let locator = ThemeLocator(environment: context.environment, executablePath: executablePath())
    if headless {
      return try runHeadless(
        arguments, context, store: store, label: label, locator: locator, access: access,
        staging: staging, demo: opened.demoProfiles != nil)
    }
    // The built-in release catalog is parsed once (about 4 ms); on the other core while the
    // terminal starts, rather than in the worker's first-frame queries.
    Thread.detachNewThread { _ = ReleaseCatalog.builtin }
    // The worker opens its connection and answers the first frame's queries while curses and
    // the theme start (about 10 ms): for the window's size as the kernel reports it, which
    // curses then confirms (a different size is a resize).
    let path = store.reopenPath
    let readOnly = !access.canWrite
    let runner = BackgroundRunner(
      open: { try InventoryStore(path: path, readOnly: readOnly) },
      staging: readOnly ? nil : staging)
    let window: (width: Int, height: Int) =
      WindowSize.ofStandardOutput().flatMap { $0.height > 0 ? $0 : nil } ?? (80, 24)
    var state = DashboardState(
      width: window.width, height: window.height, storeLabel: label, readOnly: readOnly,
      themeName: "", asciiOnly: false, now: Date(), access: access)
    state.demo = opened.demoProfiles != nil
    DashboardSession.start(&state, runner: runner)
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(
        term: context.environment["TERM"],
        clipboard: TerminalClipboard.isAllowed(
          term: context.environment["TERM"], environment: context.environment))
    } catch {
      runner.stop()
      throw CLIError(.unavailable, terminalMessage(error, term: context.environment["TERM"]))
    }
    let theme: Theme
    do {
      theme = try chooseTheme(arguments, context, locator: locator, color: terminal.supportsColor)
    } catch {
      runner.stop()
      terminal.close()
      throw error
    }
    terminal.apply(theme)
    state.themeName = theme.name
    state.glyphs = terminal.asciiOnly ? Glyphs.ascii : Glyphs.unicode
    // PostgreSQL's change notices cost no round trip, so another host's change shows within
    // a quarter of a second; SQLite's data_version is read once a second.
    let session = DashboardSession(
      state: state, terminal: terminal, runner: runner, themes: locator,
      tickSeconds: store.sendsChangeNotices ? 0.25 : 1)
    session.startSubmitted = true
    session.startedAt = startedAt
    if let path = context.environment["RINGSIDE_TRACE"],
      let file = FileHandle(forWritingAtPath: path)
        ?? (FileManager.default.createFile(atPath: path, contents: nil)
          ? FileHandle(forWritingAtPath: path) : nil)
    {
      file.seekToEndOfFile()
      session.trace = { line in file.write(Data((line + "\n").utf8)) }
    }
    session.run()
    runner.stop()
    terminal.close()
    // The worker writes the audit entry of the last run of keys before it ends.
    runner.waitUntilStopped(seconds: 5)
    if let signal = session.endedBySignal { return 128 + signal }
    return ExitCode.ok.rawValue
  }

  static func runHeadless(
    _ arguments: ParsedArguments, _ context: CommandContext, store: InventoryStore, label: String,
    locator: ThemeLocator, access: Access, staging: StagingContext, demo: Bool = false
  ) throws -> Int32 {
    var input: [InputEvent] = []
    if let file = arguments.value("--script") {
      guard let data = FileManager.default.contents(atPath: file),
        let text = String(data: data, encoding: .utf8)
      else { throw CLIError(.noInput, "\(file): cannot read the key script") }
      do { input = try KeyScript.parse(text) } catch {
        throw CLIError(.dataError, "\(file): \(error)")
      }
    }
    let (width, height) = try size(arguments.value("--size"))
    let theme = try chooseTheme(arguments, context, locator: locator, color: true)
    let terminal = HeadlessTerminal(width: width, height: height, input: input)
    let now = context.now
    var state = DashboardState(
      width: width, height: height, storeLabel: label, readOnly: !access.canWrite,
      themeName: theme.name, asciiOnly: false, now: now, access: access)
    state.demo = demo
    let runner = SynchronousRunner(
      service: StoreService(
        store: store, clock: { now }, staging: access.canWrite ? staging : nil))
    let session = DashboardSession(
      state: state, terminal: terminal, runner: runner, themes: locator, clock: { now })
    let grid = session.run()
    runner.finishSession()
    if arguments.flag("--dump-roles") {
      context.print(ScreenDump.withRoles(grid))
    } else if arguments.flag("--dump-screen") {
      context.print(grid.text)
    }
    return ExitCode.ok.rawValue
  }

  static func size(_ text: String?) throws(CLIError) -> (Int, Int) {
    guard let text else { return (80, 24) }
    let parts = text.split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2, parts.allSatisfy({ (1...1000).contains($0) }) else {
      throw CLIError.usage("--size takes WIDTHxHEIGHT such as 80x24, not \(text)", command: nil)
    }
    return (parts[0], parts[1])
  }

  /// `--theme` when given; else mono for `NO_COLOR` or a terminal without colours; else default.
  static func chooseTheme(
    _ arguments: ParsedArguments, _ context: CommandContext, locator: ThemeLocator, color: Bool
  ) throws(CLIError) -> Theme {
    let explicit = arguments.value("--theme")
    let noColor = !(context.environment["NO_COLOR"] ?? "").isEmpty
    do {
      if !color { return explicit == nil ? ThemeLocator.builtinMono : try locator.load("mono") }
      if let explicit { return try locator.load(explicit) }
      return noColor ? ThemeLocator.builtinMono : try locator.load("default")
    } catch {
      throw CLIError(.dataError, "theme: \(error.description)")
    }
  }

  static func terminalMessage(_ error: TerminalError, term: String?) -> String {
    switch error {
    case .dumb(let t):
      "this terminal (TERM=\(t.isEmpty ? "unset" : Sanitized.text(t, limit: 30))) cannot move the cursor, so the dashboard cannot run; use `ringside report` for the same numbers as text"
    case .unknown(let t):
      "unknown terminal type TERM=\(Sanitized.text(t, limit: 30)); set TERM (e.g. xterm-256color) or use `ringside report`"
    case .notATerminal:
      "the dashboard needs a terminal on standard input and output; use `ringside report` in scripts"
    }
  }

  /// Theme names for completion, as `--theme` finds them.
  static func themeNames(_ environment: [String: String]) -> [String] {
    ThemeLocator(environment: environment, executablePath: executablePath()).availableNames()
  }

  /// The themes the binary holds, which `ringside install` writes out.
  static var shippedThemes: [(name: String, text: String)] { ShippedThemes.all }

  /// The running binary, to find the `Themes` folder shipped next to it.
  static func executablePath() -> String? {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? Bundle.main.executablePath
  }
}
