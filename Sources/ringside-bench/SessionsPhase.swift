import Foundation
import RingsideStore

/// `sessions DB N RUNS NOW LABEL`: the dashboard figures of one session while N-1 others are
/// open on the same store, each in its own process with its own connection (a PostgreSQL
/// store shared by several admins): they open, draw, build their facets, then look for
/// changes every quarter second, as an idle dashboard does. The measured session starts once
/// they are all up.
enum SessionsPhase {
  static func run(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 5, let sessions = Int(arguments[1]), sessions >= 1,
      Int(arguments[2]) != nil
    else { throw BenchError("sessions phase: DB N RUNS NOW LABEL") }
    let (store, now, label) = (arguments[0], arguments[3], arguments[4])
    var others: [Process] = []
    defer {
      for process in others where process.isRunning { process.terminate() }
      for process in others { process.waitUntilExit() }
    }
    var ready: [FileHandle] = []
    for _ in 1..<sessions {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: ChildPhase.selfPath())
      process.arguments = ["--phase", "idle-session", store, now]
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.standardError
      try process.run()
      others.append(process)
      ready.append(out.fileHandleForReading)
    }
    // Each idle session writes one line once its first frame is drawn and its facets built.
    for handle in ready where handle.availableData.isEmpty {
      throw BenchError("sessions phase: an idle session ended before it was ready")
    }
    return try DashboardPhase.run([store, arguments[2], now, label])
  }

  /// `idle-session DB NOW`: one dashboard that opens, draws, builds its facets, says `ready`
  /// and then ticks every quarter second until it is terminated.
  static func idle(_ arguments: [String]) throws -> Never {
    guard arguments.count == 2, let seconds = Double(arguments[1]) else {
      throw BenchError("idle-session phase: DB NOW")
    }
    let now = Date(timeIntervalSince1970: seconds)
    let store = try InventoryStore(path: arguments[0], readOnly: true)
    let driver = DashboardDriver(
      store: store, width: DashboardPhase.width, height: DashboardPhase.height, now: now)
    _ = driver.start()
    driver.finishCounts()
    _ = driver.finishIdleWork()
    FileHandle.standardOutput.write(Data("ready\n".utf8))
    while true {
      Thread.sleep(forTimeInterval: 0.25)
      driver.tick(now: now)
    }
  }
}
