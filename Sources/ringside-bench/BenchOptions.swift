import Foundation

/// The command line of `ringside-bench`.
struct BenchOptions: Sendable {
  var deviceCounts = [100_000, 1_000_000]
  var runs = 3
  var json = false
  /// Skip the pty measurement of the real `ringside` binary.
  var skipWire = false
  /// Skip the import figures (CSV, importer, sqlite3, Graph JSON pages).
  var skipImport = false
  /// Where the CSV files and stores go; removed at the end unless `keep`.
  var workDirectory: String?
  var keep = false
  /// A PostgreSQL server (`postgresql://` URL whose user may create databases) to measure too.
  var postgres: String?
  /// Hidden: run one phase in this process and print its figures as JSON (see `Phase`).
  var phase: String?
  var phaseArguments: [String] = []

  static let usage = """
    usage: ringside-bench [--devices N[,N...]]... [--runs K] [--json] [--no-wire] [--no-import]
                          [--work-dir DIR] [--keep] [--dashboard PATH] [--postgres URL]

    Measures, for each N (default 100000 and 1000000 devices): imports of Intune-shaped CSVs
    with 53 and 27 columns against sqlite3 .import, and of the same fleet as Graph JSON pages;
    first frame, keys, field filters, sorts and drill-ins on the imported fleet and on the demo
    fleet, in process and (launch to first frame) in tmux; apply and peak memory; and the bytes
    the dashboard writes at 120x40.
    --json prints JSON on standard output and the table on standard error.
    --dashboard PATH launches that ringside binary in tmux and on the pty (the shipped one from
    `bash .ci/build-release` is .build/dist/ringside); default: that shipped binary when it was
    built after the last change to its sources, else the release build beside the bench.
    --postgres URL also imports the 27-column CSV into a new database on that server (its user
    must be allowed to create databases; it is dropped at the end) and measures the dashboard
    there, alone and beside 9 other open sessions, and its launch.
    Build with `swift build -c release` and run .build/release/ringside-bench.
    """

  static func parse(_ arguments: [String]) throws -> BenchOptions {
    var options = BenchOptions()
    var explicitCounts: [Int] = []
    var i = 0
    func value() throws -> String {
      i += 1
      guard i < arguments.count else { throw BenchError("\(arguments[i - 1]) needs a value") }
      return arguments[i]
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--devices":
        for part in try value().split(separator: ",") {
          guard let n = Int(part.replacingOccurrences(of: "_", with: "")), n > 0 else {
            throw BenchError("--devices takes positive counts such as 100000, not \(part)")
          }
          explicitCounts.append(n)
        }
      case "--runs":
        guard let k = Int(try value()), k > 0 else { throw BenchError("--runs takes a count > 0") }
        options.runs = k
      case "--json": options.json = true
      case "--no-wire": options.skipWire = true
      case "--no-import": options.skipImport = true
      case "--work-dir": options.workDirectory = try value()
      case "--keep": options.keep = true
      case "--postgres": options.postgres = try value()
      case "--dashboard":
        let path = try value()
        guard FileManager.default.isExecutableFile(atPath: path) else {
          throw BenchError("--dashboard \(path): not an executable file")
        }
        // The phases run in child processes, which inherit the choice.
        setenv(WireBytes.dashboardVariable, path, 1)
      case "--phase":
        options.phase = try value()
        options.phaseArguments = Array(arguments[(i + 1)...])
        i = arguments.count
        continue
      case "-h", "--help":
        print(usage)
        exit(0)
      default: throw BenchError("unknown argument \(arguments[i])\n\(usage)")
      }
      i += 1
    }
    if !explicitCounts.isEmpty { options.deviceCounts = explicitCounts }
    return options
  }
}

/// A failure that ends the benchmark with a message.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
