import Foundation
import XCTest

/// A tmux server of its own with one pane running a plain shell, for driving the real binary
/// the way a person at a terminal would.
final class TmuxPane {
  let socket = "ringside-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  let tmux: String

  /// Fails the test clearly when tmux is missing: CI installs it, so its absence is an error.
  init(width: Int, height: Int) throws {
    guard let tmux = TmuxPane.which("tmux") else {
      XCTFail("tmux is not installed: the end-to-end test needs it (apt-get install tmux)")
      throw XCTSkip("tmux missing")
    }
    self.tmux = tmux
    try run([
      "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)",
      "env", "PS1=e2e$ ", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
      // The host-wide config is never the machine's /etc/ringside one.
      "RINGSIDE_TEST_HOST_CONFIG=/nonexistent/ringside-host-config.json",
      "XDG_STATE_HOME=/proc/ringside-no-state", "bash", "--norc",
      "--noprofile",
    ])
    try run(["set-option", "-g", "window-size", "manual"])
    socketPath = try run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// Where the server's socket is, removed with the server.
  private var socketPath = ""

  deinit {
    _ = try? run(["kill-server"])
    if !socketPath.isEmpty { unlink(socketPath) }
  }

  static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    {
      let path = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Runs one tmux command and returns its output. Spawned and reaped directly: the server
  /// tmux forks must not keep a pipe or the child watcher of the test process busy.
  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(socket)-\(UUID()).out"
    ).path
    defer { try? FileManager.default.removeItem(atPath: outPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
    guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  }

  /// Types keys: each argument is a tmux key name (`Enter`, `Escape`, `Down`, `C-c`).
  func keys(_ names: String...) throws { try run(["send-keys", "-t", "e2e"] + names) }

  /// Types text literally.
  func type(_ text: String) throws { try run(["send-keys", "-t", "e2e", "-l", text]) }

  func resize(_ width: Int, _ height: Int) throws {
    try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
  }

  var screen: String { (try? run(["capture-pane", "-p", "-t", "e2e"])) ?? "" }

  /// The shell's pid in the pane.
  var shellPID: Int32 {
    Int32(
      (try? run(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]))?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? "") ?? 0
  }

  /// Waits up to `seconds` for the pane to satisfy `condition`; fails showing the pane if not.
  @discardableResult
  func wait(
    for description: String, seconds: Double = 15, file: StaticString = #filePath,
    line: UInt = #line,
    _ condition: (String) -> Bool
  ) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      last = screen
      if condition(last) { return true }
      usleep(100_000)
    }
    XCTFail(
      "waited \(seconds) s for \(description); the pane shows:\n\(last)", file: file, line: line)
    return false
  }
}
