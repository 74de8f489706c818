import Foundation
import RingsideCLI
import RingsideDomain
import RingsideStore
import RingsideTestSupport

/// Runs `ringside` in-process with captured output, a fixed clock and a private environment.
final class CLIHarness: @unchecked Sendable {
  let directory: URL
  private let lock = NSLock()
  private var outBuffer = ""
  private var errBuffer = ""
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  /// The harness's own PostgreSQL database under `RINGSIDE_TEST_STORE_BACKEND=postgres`.
  private var postgres: TestPostgres?

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    postgres = TestBackend.isPostgres ? try TestPostgres(prefix: "ringside_cli_") : nil
  }

  deinit { removeEverything() }

  /// Removes the harness's folder and drops its database: at `deinit`, or at exit for a
  /// harness a suite keeps for the whole run.
  func removeEverything() {
    BuiltBinary.clearAppendOnly(under: directory.path)
    try? FileManager.default.removeItem(at: directory)
    postgres?.drop()
  }

  /// When set, every command runs with this role instead of the unix user's.
  var access: Access?

  /// The store the tests give `--db`: `sqlitePath`, or under `RINGSIDE_TEST_STORE_BACKEND=postgres`
  /// the URL of a database of the harness's own on the test server (`TestBackend`).
  var dbPath: String { postgres?.url ?? sqlitePath }

  /// A SQLite store file in the harness's folder, whichever backend the tests run on.
  var sqlitePath: String { directory.appendingPathComponent("ringside.db").path }

  /// Runs `demo --db dbPath` with `arguments`; returns its exit status. On PostgreSQL the
  /// harness's database becomes a copy (`CREATE DATABASE … TEMPLATE`) of one the first such call
  /// in this process filled: the demo writes its devices one round trip each there (2,000 in
  /// about 2 s), a copy takes a fraction of that.
  func demo(_ arguments: String...) -> Int32 {
    guard let empty = postgres else { return run(["demo", "--db", dbPath] + arguments).status }
    let filled = Self.templateLock.withLock { () -> Result<String, any Error> in
      if let template = Self.demoTemplates[arguments] { return .success(template.name) }
      return Result {
        let template = try TestPostgres(prefix: "ringside_demo_")
        let status = run(["demo", "--db", template.url] + arguments).status
        guard status == 0 else { throw DemoFailed(status: status) }
        // Kept for the whole run (a `TestPostgres` let go drops its database), dropped at exit.
        Self.demoTemplates[arguments] = template
        return template.name
      }
    }
    do {
      let copy = try TestPostgres(prefix: "ringside_cli_", template: filled.get())
      empty.drop()
      postgres = copy
      return 0
    } catch let failed as DemoFailed {
      return failed.status
    } catch {
      lock.withLock { errBuffer = "\(error)" }
      return 70
    }
  }

  private struct DemoFailed: Error { let status: Int32 }

  /// Filled demo databases by `demo` arguments, kept until the process exits.
  nonisolated(unsafe) private static var demoTemplates: [[String]: TestPostgres] = [:]
  private static let templateLock = NSLock()

  /// Whether a store exists at `path`: the file, or for a PostgreSQL URL Ringside's schema in
  /// that database (a fresh test database has none).
  static func storeExists(at path: String) -> Bool {
    guard case .postgres = StoreLocation(path) else {
      return FileManager.default.fileExists(atPath: path)
    }
    do {
      _ = try InventoryStore(path: path, readOnly: true)
      return true
    } catch {
      return false
    }
  }

  /// The host-wide config these commands read and `init --shared` as root writes, in place of
  /// /etc/ringside/config.json; absent unless a test writes it.
  var hostConfigPath: String { directory.appendingPathComponent("host/config.json").path }

  /// Runs one command; returns exit status, stdout and stderr.
  @discardableResult
  func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
    run(arguments)
  }

  /// `stderrIsTerminal` stands for a terminal on stderr (progress lines); `now` for the clock;
  /// `workingDirectory` for the folder relative paths start from (the harness's own unless
  /// given, never the test process's).
  func run(
    _ arguments: [String], environment extra: [String: String] = [:],
    stderrIsTerminal: Bool = false, now: Date = CLIHarness.now, workingDirectory: String? = nil
  ) -> (status: Int32, out: String, err: String) {
    lock.withLock {
      outBuffer = ""
      errBuffer = ""
    }
    let context = CommandContext(
      environment: [
        "HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
        BuiltBinary.hostConfigVariable: hostConfigPath,
      ].merging(extra) { $1 },
      now: now, stderrIsTerminal: stderrIsTerminal,
      workingDirectory: workingDirectory ?? directory.path,
      out: { [self] text in lock.withLock { outBuffer += text } },
      err: { [self] text in lock.withLock { errBuffer += text } })
    context.accessOverride = access
    let status = Ringside.run(arguments, context: context)
    return lock.withLock { (status, outBuffer, errBuffer) }
  }
}
