import Foundation

/// A one-line description of the machine: cores, CPU model and memory, from /proc.
enum Machine {
  static func describe() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    let gb = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    return "\(cores) cores, \(model), \(String(format: "%.0f", gb)) GB RAM"
  }
}
