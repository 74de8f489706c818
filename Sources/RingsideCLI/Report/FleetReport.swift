import Foundation
import RingsideDomain
import RingsideStore

/// The numbers `report` prints, gathered once and rendered as text, JSON or CSV.
struct FleetReport {
  let summary: FleetSummary
  let versions: [(platform: Platform, label: String, rsr: String, count: Int)]
  let models: [(platform: Platform, model: String, count: Int)]
  let rings: [RingSummary]
  let compliance: [ComplianceRow]
  /// Per platform family in `compliance`, the newest release of each line Apple still ships.
  let lines: [(family: PlatformFamily, releases: [CatalogRelease])]
  let age: CatalogAge

  static func load(store: InventoryStore, ring: String?, now: Date) throws(CLIError) -> FleetReport
  {
    let filter = ring.map { DeviceFilter(terms: [.ring($0)]) } ?? .all
    do {
      let catalog = try store.catalog()
      // One count of the fleet (the dashboard's) gives the summary, versions and rings.
      let counts = try store.fleetCounts(filter: filter, now: now)
      let versions = counts.versionTallies(catalog: catalog).map { tally in
        // A letter not reported where the catalog knows no RSR/BSI for the version is no
        // letter: the row reads and counts as the version's own.
        let rsr =
          tally.version.rsr == .unknown && !tally.label.hasSuffix("(?)")
          ? RSRMark.none : tally.version.rsr
        return (tally.platform, tally.label, rsr.description, tally.count)
      }
      let rings = counts.ringSummaries(rings: try store.rings()).filter {
        ring == nil || $0.ring.name == ring
      }
      let compliance = try ComplianceRow.load(
        store: store, catalog: catalog, rings: rings.map(\.ring.name), now: now)
      let lines = PlatformFamily.allCases.filter { f in compliance.contains { $0.family == f } }
        .map { ($0, catalog.complianceLines(for: $0.platforms[0])) }
      return FleetReport(
        summary: counts.summary, versions: versions,
        models: try store.modelCounts(filter: filter, now: now), rings: rings,
        compliance: compliance, lines: lines,
        age: CatalogAge(asOf: catalog.asOf, today: store.today))
    } catch {
      throw CLIError.store(error)
    }
  }

  func shows(_ section: String, _ grouping: String?) -> Bool {
    grouping == nil || grouping == section
  }

  func json(_ grouping: String?) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("schema_version", .int(DeviceJSON.schemaVersion)),
      ("devices", .int(summary.devices)),
      (
        "catalog",
        .object([
          ("as_of", .string(age.asOf)), ("age_days", .int(age.days)), ("old", .bool(age.isOld)),
        ])
      ),
    ]
    if shows("version", grouping) {
      pairs.append(
        (
          "by_version",
          .array(
            versions.map {
              .object([
                ("platform", .string($0.platform.rawValue)), ("version", .string($0.label)),
                ("rsr", .string($0.rsr)), ("count", .int($0.count)),
              ])
            })
        ))
    }
    if shows("state", grouping) {
      pairs.append(
        (
          "by_state",
          .object(DeviceState.allCases.map { ($0.rawValue, .int(summary.byState[$0] ?? 0)) })
        ))
      pairs.append(
        (
          "removal",
          .object(RemovalStatus.allCases.map { ($0.jsonKey, .int(summary.byRemoval[$0] ?? 0)) })
        ))
      pairs.append(("stale", .int(summary.stale)))
      pairs.append(("waiting", .int(summary.waiting)))
    }
    if grouping == "model" {
      pairs.append(
        (
          "by_model",
          .array(
            models.map {
              .object([
                ("platform", .string($0.platform.rawValue)), ("model", .string($0.model)),
                ("count", .int($0.count)),
              ])
            })
        ))
    }
    if shows("ring", grouping) {
      pairs.append(
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
        ))
    }
    if grouping == nil {
      pairs.append(("intune_compliance", .array(compliance.map(\.json))))
      pairs.append(
        (
          "intune_valid_builds",
          .array(
            lines.map { line in
              .object([
                ("platform", .string(line.family.rawValue)),
                (
                  "lines",
                  .array(
                    line.releases.map { r in
                      .object([
                        ("minimum_os_version", .string(r.version.description)),
                        ("minimum_os_build_version", r.build.map { .string($0.text) } ?? .null),
                        ("major", .int(r.version.major)),
                      ])
                    })
                ),
              ])
            })
        ))
    }
    return .object(pairs)
  }

  func csv(_ grouping: String?) -> String {
    var lines = [CSVWriter.row(["section", "platform", "name", "count"])]
    if shows("version", grouping) {
      for v in versions {
        lines.append(CSVWriter.row(["version", v.platform.rawValue, v.label, String(v.count)]))
      }
    }
    if shows("state", grouping) {
      for s in DeviceState.allCases {
        lines.append(CSVWriter.row(["state", "", s.rawValue, String(summary.byState[s] ?? 0)]))
      }
      for r in RemovalStatus.allCases {
        lines.append(CSVWriter.row(["removal", "", r.rawValue, String(summary.byRemoval[r] ?? 0)]))
      }
      lines.append(CSVWriter.row(["stale", "", "stale", String(summary.stale)]))
      lines.append(CSVWriter.row(["waiting", "", "waiting", String(summary.waiting)]))
    }
    if grouping == "model" {
      for m in models {
        lines.append(CSVWriter.row(["model", m.platform.rawValue, m.model, String(m.count)]))
      }
    }
    if shows("ring", grouping) {
      for r in rings { lines.append(CSVWriter.row(["ring", "", r.ring.name, String(r.devices)])) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func text(_ grouping: String?, width: Int = .max) -> String {
    var out = "Devices: \(summary.devices)"
    out += "  (stale, no check-in for \(DeviceFilter.staleDays) days: \(summary.stale))\n"
    if summary.waiting > 0 {
      out += "RSR/BSI waiting to install, as the MDM reports: \(summary.waiting) devices\n"
    }
    out += "Verdicts from the \(age.short)"
    out += age.warning.map { "\n" + wrapText("Warning: \($0).", width: width, indent: "  ") } ?? "."
    out += "\n"
    if shows("version", grouping) {
      var table = TextTable(["platform", "version", "devices"], rightAligned: [2])
      for v in versions { table.add([v.platform.displayName, v.label, String(v.count)]) }
      out += "\nBy platform and version\n" + table.render(indent: "  ", width: width) + "\n"
    }
    if shows("state", grouping) {
      var states = TextTable(["state", "devices"], rightAligned: [1])
      for s in DeviceState.allCases { states.add([s.rawValue, String(summary.byState[s] ?? 0)]) }
      out += "\nBy state\n" + states.render(indent: "  ", width: width) + "\n"
      var removal = TextTable(["status", "devices"], rightAligned: [1])
      for r in RemovalStatus.allCases {
        removal.add([r.rawValue, String(summary.byRemoval[r] ?? 0)])
      }
      out += "\nRSR/BSI removal\n" + removal.render(indent: "  ", width: width) + "\n"
    }
    if grouping == "model" {
      var table = TextTable(["platform", "model", "devices"], rightAligned: [2])
      for m in models {
        table.add([m.platform.displayName, m.model.isEmpty ? "unknown" : m.model, String(m.count)])
      }
      out += "\nBy model\n" + table.render(indent: "  ", width: width) + "\n"
    }
    if shows("ring", grouping) {
      var ringTable = TextTable(["ring", "devices", "current", "policy"], rightAligned: [1, 2])
      for r in rings {
        ringTable.add([
          r.ring.name, String(r.devices), String(r.byState[.current] ?? 0), r.ring.policy.summary,
        ])
      }
      out += "\nRings\n" + ringTable.render(indent: "  ", width: width) + "\n"
    }
    if grouping == nil && !compliance.isEmpty {
      var table = TextTable(
        [
          "ring", "platform", "Minimum OS version", "Minimum OS build version", "flagged",
          "unknown",
        ],
        rightAligned: [4, 5])
      for c in compliance {
        table.add([
          c.ring, c.platformTitle, c.release.version.description, c.release.build?.text ?? "",
          "\(c.count.below)/\(c.count.considered)", String(c.count.unknown),
        ])
      }
      out +=
        "\n"
        + wrapText(
          "Intune compliance helper (values for an iOS/iPadOS or macOS compliance policy)",
          width: width) + "\n"
      out += table.render(indent: "  ", width: width) + "\n"
      out +=
        wrapText(
          "  Devices below the build are flagged; \"unknown\" counts devices in state unknown (no OS version reported, or a letter that decides and is not reported): a compliance policy cannot judge them.",
          width: width, indent: "  ") + "\n"
      for (family, releases) in lines where releases.count > 1 {
        let ranges = releases.map { r in
          "\(r.version)\(r.build.map { " (\($0.text))" } ?? "") to \(r.version.major).x"
        }
        out +=
          wrapText(
            "  \(family.displayName) gets releases on \(releases.count) lines: a device on a newer line passes the minimum while behind that line's newest release. Require each line's newest instead (Intune's \"Valid operating system builds\"): "
              + ranges.joined(separator: ", ") + ".",
            width: width, indent: "  ") + "\n"
      }
    }
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
      ("major_target", .string(majorTarget.rawValue)),
    ])
  }
}
