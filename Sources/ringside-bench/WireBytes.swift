import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Counts the bytes the real `ringside` dashboard writes to a 120x40 pseudo-terminal
/// (TERM=xterm-256color) for its first frame and for single keys.
enum WireBytes {
  static let width: UInt16 = 120
  static let height: UInt16 = 40
  /// `TIOCSPTLCK` and `TIOCGPTN` from <asm/ioctls.h>, which Swift does not import.
  static let tiocsptlck: UInt = 0x4004_5431
  static let tiocgptn: UInt = 0x8004_5430

  /// Runs `ringside --db store` on a pty; returns the bytes per step, or nil when the
  /// `ringside` binary is not next to this one and cannot be built.
  static func measure(store: String, steps: Int) throws -> [Figure]? {
    guard let binary = dashboardBinary() else { return nil }
    // posix_openpt and friends are hidden from Swift's Glibc; /dev/ptmx and two ioctls are
    // what they do on Linux.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, tiocsptlck, &unlock) == 0,
      ioctl(master, tiocgptn, &number) == 0
    else { throw BenchError("cannot open a pseudo-terminal") }
    defer { close(master) }
    let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard slave >= 0 else { throw BenchError("cannot open the pty's terminal side") }
    var size = winsize(ws_row: height, ws_col: width, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["--db", store, "--read-only"]
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["LINES"] = nil
    environment["COLUMNS"] = nil
    environment["NO_COLOR"] = nil
    process.environment = environment
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    close(slave)
    defer {
      if process.isRunning { process.terminate() }
    }

    let first = drain(master, firstWaitMS: 15_000, quietMS: 800)
    _ = send("2", master)  // the Devices view, where cursor and page keys move rows
    _ = drain(master, firstWaitMS: 3_000, quietMS: 800)
    var down: [Double] = []
    var page: [Double] = []
    for _ in 0..<steps {
      down.append(Double(send("j", master)))
    }
    for _ in 0..<steps {
      page.append(Double(send("\u{1B}[6~", master)))
    }
    _ = write(master, "q", 1)
    process.waitUntilExit()
    return [
      Figure(
        key: "wire_first_frame_bytes", title: "bytes, first frame", unit: "B",
        samples: [Double(first)]),
      Figure(
        key: "wire_cursor_down_bytes", title: "bytes, cursor down (j)", unit: "B", samples: down),
      Figure(
        key: "wire_page_down_bytes", title: "bytes, page down (PgDn)", unit: "B", samples: page),
    ]
  }

  /// Types `keys` and returns the bytes the dashboard wrote until it went quiet.
  private static func send(_ keys: String, _ fd: Int32) -> Int {
    let bytes = Array(keys.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    return drain(fd, firstWaitMS: 3_000, quietMS: 400)
  }

  /// Reads until nothing arrives for `quietMS` (waiting up to `firstWaitMS` for the first byte).
  private static func drain(_ fd: Int32, firstWaitMS: Int32, quietMS: Int32) -> Int {
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 65536)
    var wait = firstWaitMS
    while true {
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, wait) > 0 else { return total }
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { return total }
      total += n
      wait = quietMS
    }
  }

  /// Names the `ringside` binary to launch (`--dashboard`), for this process and its phases.
  static let dashboardVariable = "RINGSIDE_BENCH_DASHBOARD"

  /// The binary `--dashboard` chose; else the shipped one (`.build/dist/ringside` from
  /// `bash .ci/build-release`, the file admins install) when it was built after the last
  /// change under `Sources/` (but the bench's own); else the `ringside` next to this binary. `swift run ringside-bench` builds only the
  /// bench, so when it is missing and this binary sits in a package's `.build`, build it the
  /// same way.
  static func dashboardBinary() -> String? {
    if let chosen = ProcessInfo.processInfo.environment[dashboardVariable] {
      return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
    }
    let directory = (ChildPhase.selfPath() as NSString).deletingLastPathComponent
    let binary = directory + "/ringside"
    var root = directory
    while root.count > 1 && !FileManager.default.fileExists(atPath: root + "/Package.swift") {
      root = (root as NSString).deletingLastPathComponent
    }
    let inPackage = FileManager.default.fileExists(atPath: root + "/Package.swift")
    let shipped = root + "/.build/dist/ringside"
    if inPackage, FileManager.default.isExecutableFile(atPath: shipped),
      modified(shipped) >= newestSource(in: root + "/Sources")
    {
      return shipped
    }
    if FileManager.default.isExecutableFile(atPath: binary) { return binary }
    guard inPackage else { return nil }
    let configuration = directory.hasSuffix("/release") ? "release" : "debug"
    FileHandle.standardError.write(
      Data(
        "ringside-bench: building ringside (\(configuration)) to count its bytes on the wire\n".utf8
      ))
    let build = Process()
    build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    build.arguments = ["swift", "build", "-c", configuration, "--product", "ringside"]
    build.currentDirectoryURL = URL(fileURLWithPath: root)
    build.standardOutput = FileHandle.standardError
    do { try build.run() } catch { return nil }
    build.waitUntilExit()
    return FileManager.default.isExecutableFile(atPath: binary) ? binary : nil
  }

  /// When the last file under `directory` changed.
  private static func newestSource(in directory: String) -> Date {
    var newest = Date.distantPast
    let files = FileManager.default.enumerator(atPath: directory)
    while let file = files?.nextObject() as? String {
      // The bench's own sources are not part of the binary it launches.
      if file.hasPrefix("ringside-bench") { continue }
      newest = max(newest, modified(directory + "/" + file))
    }
    return newest
  }

  /// A file's modification time, or the distant past when it is missing.
  private static func modified(_ path: String) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date)
      ?? .distantPast
  }
}
