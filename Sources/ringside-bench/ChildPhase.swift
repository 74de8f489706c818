import Foundation

/// Runs one measurement phase in a fresh copy of this program, so each phase's peak memory
/// (`ru_maxrss`, a process-wide high-water mark) is its own and not the import's.
enum ChildPhase {
  /// Re-runs this executable with `--phase name arguments` and reads the figures it prints.
  static func run(_ name: String, _ arguments: [String]) throws -> [Figure] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: selfPath())
    process.arguments = ["--phase", name] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.standardError
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError("phase \(name) failed (exit \(process.terminationStatus))")
    }
    guard let line = data.split(separator: UInt8(ascii: "\n")).last,
      let result = try? JSONDecoder().decode(PhaseResult.self, from: Data(line))
    else { throw BenchError("phase \(name) printed no figures") }
    return result.figures.map(\.figure)
  }

  /// This program's path, from /proc on Linux.
  static func selfPath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }
}
