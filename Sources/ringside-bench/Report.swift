import Foundation

/// The figures of one device count.
struct DeviceRun: Sendable {
  let devices: Int
  var figures: [Figure]
}

/// Prints the results as a table for people or as JSON for scripts.
enum Report {
  static func table(_ runs: [DeviceRun], wire: [Figure], machine: String, runs k: Int) -> String {
    var lines = ["ringside-bench: median of \(k) runs (min–max); \(machine)", ""]
    let header =
      pad("figure", 50) + pad("devices", 10) + lpad("median", 11)
      + lpad("min", 10) + lpad("max", 10) + "  " + pad("bar", 10) + "verdict"
    lines.append(header)
    lines.append(String(repeating: "-", count: header.count + 2))
    for run in runs {
      for f in run.figures {
        lines.append(row(f, devices: run.devices))
      }
      lines.append("")
    }
    for f in wire { lines.append(row(f, devices: 0, label: "120x40")) }
    return lines.joined(separator: "\n")
  }

  private static func row(_ f: Figure, devices: Int, label: String? = nil) -> String {
    let bar = Bars.bar(for: f.key, devices: devices)?.text ?? ""
    return pad(f.title, 50) + pad(label ?? count(devices), 10)
      + lpad(number(f.median) + " " + f.unit, 11) + lpad(number(f.min), 10)
      + lpad(number(f.max), 10) + "  " + pad(bar, 10) + Bars.verdict(f, devices: devices)
  }

  static func json(_ runs: [DeviceRun], wire: [Figure], machine: String, runs k: Int) throws
    -> String
  {
    func object(_ f: Figure, devices: Int) -> [String: Any] {
      var o: [String: Any] = [
        "title": f.title, "unit": f.unit, "median": f.median, "min": f.min, "max": f.max,
        "samples": f.samples,
      ]
      if let bar = Bars.bar(for: f.key, devices: devices) {
        o["bar"] = bar.limit
        o["met"] = Bars.met(f, devices: devices)
      }
      return o
    }
    let root: [String: Any] = [
      "machine": machine, "runs": k,
      "results": runs.map { run in
        [
          "devices": run.devices,
          "figures": Dictionary(
            uniqueKeysWithValues: run.figures.map { ($0.key, object($0, devices: run.devices)) }),
        ] as [String: Any]
      },
      "wire": Dictionary(uniqueKeysWithValues: wire.map { ($0.key, object($0, devices: 0)) }),
    ]
    let data = try JSONSerialization.data(
      withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  static func count(_ n: Int) -> String {
    n >= 1_000_000 && n % 1_000_000 == 0
      ? "\(n / 1_000_000)M" : n >= 1000 && n % 1000 == 0 ? "\(n / 1000)k" : "\(n)"
  }

  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "-" }
    if x >= 100 { return String(format: "%.0f", x) }
    if x >= 10 { return String(format: "%.1f", x) }
    return String(format: "%.2f", x)
  }

  private static func pad(_ s: String, _ n: Int) -> String {
    s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
  }

  private static func lpad(_ s: String, _ n: Int) -> String {
    s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
  }
}
