import Foundation

/// `ringside-bench`: see `BenchOptions.usage`. With the hidden `--phase`, runs one phase and
/// prints its figures as JSON for the parent process.
do {
  let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
  if let phase = options.phase {
    let set: FigureSet
    switch phase {
    case "import": set = try StorePhases.importCSV(options.phaseArguments)
    case "import-json": set = try StorePhases.importGraphJSON(options.phaseArguments)
    case "write-graph": set = try StorePhases.writeGraph(options.phaseArguments)
    case "csv": set = try StorePhases.writeCSV(options.phaseArguments)
    case "launch": set = try TerminalLaunch.phase(options.phaseArguments)
    case "demo": set = try StorePhases.demo(options.phaseArguments)
    case "dashboard": set = try DashboardPhase.run(options.phaseArguments)
    case "import-pg": set = try PostgresBench.importCSV(options.phaseArguments)
    case "import-floor-pg": set = try PostgresImportFloor.phase(options.phaseArguments)
    case "sessions": set = try SessionsPhase.run(options.phaseArguments)
    case "idle-session": try SessionsPhase.idle(options.phaseArguments)
    case "apply": set = try ApplyPhase.run(options.phaseArguments)
    default: throw BenchError("unknown phase \(phase)")
    }
    try set.emit()
  } else {
    try Benchmark.run(options)
  }
} catch {
  FileHandle.standardError.write(Data("ringside-bench: \(error)\n".utf8))
  exit(1)
}
