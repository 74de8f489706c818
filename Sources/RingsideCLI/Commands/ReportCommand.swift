import Foundation
import RingsideDomain
import RingsideStore

/// `ringside report`: the fleet by platform and version, by derived state, by ring, and the
/// removal restriction's reach, for people (text) and scripts (json, csv).
enum ReportCommand {
  static let spec = CommandSpec(
    path: ["report"],
    summary: "Print devices by platform and version, by RSR/BSI state and by ring.",
    options: [CommandSpec.dbOption, CommandSpec.formatOption(["text", "json", "csv"])],
    discussion: """
      States: current, rsr-available, pulled-rsr, os-update-first, rsr-removed, unknown.
      Removal: blocked, allowed, not-enforced (the ring blocks removal but the device is
      unsupervised or user-enrolled, so the restriction does not hold there).
      """,
    run: { arguments, context in
      let format = try arguments.choice("--format", in: ["text", "json", "csv"], default: "text")
      let store = try context.openStore(arguments, readOnly: true)
      let report = try FleetReport.load(store: store, now: context.now)
      switch format {
      case "json": context.print(report.json.serialized())
      case "csv": context.write(report.csv)
      default: context.write(report.text)
      }
      return ExitCode.ok.rawValue
    })
}

/// The numbers `report` prints, gathered once and rendered in each format.
struct FleetReport {
  let summary: FleetSummary
  let versions: [(platform: Platform, label: String, rsr: String, count: Int)]
  let rings: [RingSummary]

  static func load(store: InventoryStore, now: Date) throws(CLIError) -> FleetReport {
    do {
      let catalog = try store.catalog()
      let versions = try store.versionCounts(now: now).map { vc in
        (
          vc.platform, catalog.label(for: vc.version, on: vc.platform), vc.version.rsr.description,
          vc.count
        )
      }
      return FleetReport(
        summary: try store.summary(now: now), versions: versions, rings: try store.ringSummaries())
    } catch {
      throw CLIError.store(error)
    }
  }

  var json: JSONValue {
    .object([
      ("devices", .int(summary.devices)),
      (
        "by_version",
        .array(
          versions.map {
            .object([
              ("platform", .string($0.platform.rawValue)), ("version", .string($0.label)),
              ("rsr", .string($0.rsr)), ("count", .int($0.count)),
            ])
          })
      ),
      (
        "by_state",
        .object(DeviceState.allCases.map { ($0.rawValue, .int(summary.byState[$0] ?? 0)) })
      ),
      (
        "removal",
        .object(RemovalStatus.allCases.map { ($0.jsonKey, .int(summary.byRemoval[$0] ?? 0)) })
      ),
      ("stale", .int(summary.stale)),
      (
        "rings",
        .array(
          rings.map { r in
            .object([
              ("name", .string(r.ring.name)), ("devices", .int(r.devices)),
              ("policy", r.ring.policy.json),
              (
                "by_state",
                .object(DeviceState.allCases.map { ($0.rawValue, .int(r.byState[$0] ?? 0)) })
              ),
            ])
          })
      ),
    ])
  }

  var csv: String {
    var lines = [CSVWriter.row(["section", "platform", "name", "count"])]
    for v in versions {
      lines.append(CSVWriter.row(["version", v.platform.rawValue, v.label, String(v.count)]))
    }
    for s in DeviceState.allCases {
      lines.append(CSVWriter.row(["state", "", s.rawValue, String(summary.byState[s] ?? 0)]))
    }
    for r in RemovalStatus.allCases {
      lines.append(CSVWriter.row(["removal", "", r.rawValue, String(summary.byRemoval[r] ?? 0)]))
    }
    lines.append(CSVWriter.row(["stale", "", "stale", String(summary.stale)]))
    for r in rings {
      lines.append(CSVWriter.row(["ring", "", r.ring.name, String(r.devices)]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var text: String {
    var out = "Devices: \(summary.devices)"
    out += "  (stale, no check-in for \(DeviceFilter.staleDays) days: \(summary.stale))\n\n"
    out += "By platform and version\n"
    var table = TextTable(["platform", "version", "devices"], rightAligned: [2])
    for v in versions { table.add([v.platform.displayName, v.label, String(v.count)]) }
    out += table.render(indent: "  ") + "\n\n"
    out += "By state\n"
    var states = TextTable(["state", "devices"], rightAligned: [1])
    for s in DeviceState.allCases { states.add([s.rawValue, String(summary.byState[s] ?? 0)]) }
    out += states.render(indent: "  ") + "\n\n"
    out += "RSR/BSI removal\n"
    var removal = TextTable(["status", "devices"], rightAligned: [1])
    for r in RemovalStatus.allCases {
      removal.add([r.rawValue, String(summary.byRemoval[r] ?? 0)])
    }
    out += removal.render(indent: "  ") + "\n\n"
    out += "Rings\n"
    var ringTable = TextTable(["ring", "devices", "current", "policy"], rightAligned: [1, 2])
    for r in rings {
      ringTable.add([
        r.ring.name, String(r.devices), String(r.byState[.current] ?? 0), r.ring.policy.summary,
      ])
    }
    out += ringTable.render(indent: "  ") + "\n"
    return out
  }
}

extension RingPolicy {
  var json: JSONValue {
    .object([
      ("rsr_install", .string(rsrInstallation.rawValue)),
      ("rsr_removal", .string(rsrRemoval.rawValue)),
      ("defer_days", deferralDays.map { .int($0) } ?? .null),
      ("critical_updates", .string(criticalUpdateInstall.rawValue)),
    ])
  }
}
