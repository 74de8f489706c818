import Foundation
import RingsideCLI
import RingsideDomain
import RingsideStore

/// Runs `ringside` in-process with captured output, a fixed clock and a private environment.
final class CLIHarness: @unchecked Sendable {
  let directory: URL
  private let lock = NSLock()
  private var outBuffer = ""
  private var errBuffer = ""
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    BuiltBinary.clearAppendOnly(under: directory.path)
    try? FileManager.default.removeItem(at: directory)
  }

  /// When set, every command runs with this role instead of the unix user's.
  var access: Access?

  var dbPath: String { directory.appendingPathComponent("ringside.db").path }

  /// The host-wide config these commands read and `init --shared` as root writes, in place of
  /// /etc/ringside/config.json; absent unless a test writes it.
  var hostConfigPath: String { directory.appendingPathComponent("host/config.json").path }

  /// Runs one command; returns exit status, stdout and stderr.
  @discardableResult
  func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
    run(arguments)
  }

  /// `stderrIsTerminal` stands for a terminal on stderr (progress lines); `now` for the clock.
  func run(
    _ arguments: [String], environment extra: [String: String] = [:],
    stderrIsTerminal: Bool = false, now: Date = CLIHarness.now
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
      out: { [self] text in lock.withLock { outBuffer += text } },
      err: { [self] text in lock.withLock { errBuffer += text } })
    context.accessOverride = access
    let status = Ringside.run(arguments, context: context)
    return lock.withLock { (status, outBuffer, errBuffer) }
  }
}
