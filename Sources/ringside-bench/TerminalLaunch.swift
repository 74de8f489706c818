import Foundation
import RingsideDomain

#if canImport(Glibc)
  import Glibc
#endif

/// Launch to first complete frame of the real `ringside` binary, as a person sees it: the
/// dashboard runs in a tmux pane of 120x40, and the pane is read until the Overview shows
/// the whole fleet's count (its "all devices" line with the store's device count).
enum TerminalLaunch {
  /// `launch DB N RUNS LABEL`: the measurement alone, for a store of N devices.
  static func phase(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 4, let n = Int(arguments[1]), let runs = Int(arguments[2]) else {
      throw BenchError("launch phase: DB N RUNS LABEL")
    }
    var set = FigureSet()
    if let f = try measure(
      store: arguments[0], devices: n, runs: runs, key: "\(arguments[3]).launch_ms",
      title: "\(arguments[3]): launch → first frame (tmux)")
    {
      set.add([f])
    }
    return set
  }

  /// The tmux on the PATH, if any.
  static func tmux() -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/tmux"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Milliseconds from starting `ringside --db store --read-only` in a pane until the first
  /// complete frame, `runs` times; nil without tmux or the ringside binary. The tmux server
  /// runs on a socket of its own and is stopped afterwards.
  static func measure(store: String, devices: Int, runs: Int, key: String, title: String)
    throws -> Figure?
  {
    guard let tmux = tmux(), let binary = WireBytes.dashboardBinary() else { return nil }
    // A socket of its own per measurement: a server told to stop by the last one may still
    // be going away, and would take a new session with it.
    let socket = "ringside-bench-\(getpid())-\(Int(Date().timeIntervalSince1970 * 1000))"
    // Spawned and reaped directly: Foundation's Process waits for every holder of a
    // descriptor it passes on, and the tmux server a first command starts keeps running.
    func run(_ arguments: [String]) throws -> String {
      try Spawn.output([tmux, "-L", socket] + arguments, read: arguments.first == "capture-pane")
    }
    defer { _ = try? run(["kill-server"]) }
    // A session that outlives the runs keeps the server up between them: a server whose last
    // session ends goes away, and the next run's `new-session` could reach it while it does,
    // which lost that run's pane (seen as "no complete frame within 30 s", 1 run in 10-20).
    _ = try run(["new-session", "-d", "-x", "120", "-y", "40", "-s", "keeper", "sleep 3600"])
    let total = grouped(devices)
    var samples: [Double] = []
    for _ in 0..<runs {
      _ = try run(["new-session", "-d", "-x", "120", "-y", "40", "-s", "bench", "sleep 600"])
      let command =
        "exec env TERM=tmux-256color LANG=C.UTF-8 '\(binary)' --db '\(store)' --read-only"
      let start = Stopwatch.now()
      _ = try run(["respawn-pane", "-k", "-t", "bench", command])
      var shown: Double?
      var screen = ""
      while Stopwatch.ms(since: start) < 30_000 {
        screen = try run(["capture-pane", "-p", "-t", "bench"])
        if screen.split(separator: "\n").contains(where: {
          $0.contains("all devices") && $0.contains(total)
        }) {
          shown = Stopwatch.ms(since: start)
          break
        }
      }
      _ = try run(["send-keys", "-t", "bench", "q"])
      _ = try run(["kill-session", "-t", "bench"])
      guard let shown else {
        // Reported, not fatal: the other figures of the run still count.
        Benchmark.progress(
          "\(title): no complete frame within 30 s; the pane showed:\n\(screen)")
        return nil
      }
      samples.append(shown)
    }
    return Figure(key: key, title: title, unit: "ms", samples: samples)
  }

  /// 1000000 as "1,000,000", as the Overview writes it.
  static func grouped(_ n: Int) -> String { n.grouped }
}

/// Runs a program with standard error discarded and standard output read or discarded.
enum Spawn {
  static func output(_ argv: [String], read: Bool) throws -> String {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw BenchError("pipe failed") }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if read {
      posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
    close(fds[1])
    defer { close(fds[0]) }
    guard rc == 0 else { throw BenchError("cannot run \(argv[0])") }
    var data = [UInt8]()
    if read {
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = Glibc.read(fds[0], &buffer, buffer.count)
        if n <= 0 { break }
        data += buffer[0..<n]
      }
    }
    var status: Int32 = 0
    _ = waitpid(pid, &status, 0)
    return String(decoding: data, as: UTF8.self)
  }
}
