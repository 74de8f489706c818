import Foundation
import RingsideDomain
import RingsideStore

/// `ringside check`: a monitoring plugin (Nagios/Icinga convention) answering "is the fleet
/// patched?" in one line with performance data.
enum CheckCommand {
  static let spec = CommandSpec(
    path: ["check"],
    summary:
      "Monitoring check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
    options: [
      CommandSpec.dbOption,
      CommandSpec.Option("--ring", value: "RING", help: "Check one ring only."),
      CommandSpec.Option(
        "--warn-pending", value: "PCT",
        help: "WARNING when more than PCT% need an update (default 10)."),
      CommandSpec.Option(
        "--crit-pending", value: "PCT",
        help: "CRITICAL when more than PCT% need an update (default 25)."),
      CommandSpec.Option(
        "--max-checkin-age", value: "DAYS",
        help: "WARNING when a device has not checked in for DAYS (default: report only, 14 days)."),
      CommandSpec.Option(
        "--warn-unknown", value: "PCT",
        help:
          "WARNING when more than PCT% have an unknown state (default 0: any; Intune reports no letters)."
      ),
      CommandSpec.Option(
        "--crit-unknown", value: "PCT",
        help: "CRITICAL when more than PCT% have an unknown state (default: never)."),
      CommandSpec.Option(
        "--max-catalog-age", value: "DAYS",
        help: "WARNING when the release catalog is older than DAYS (default 30)."),
      CommandSpec.Option(
        "--require", value: "VERSION|BUILD",
        help:
          "Require at least this version, RSR-aware: '16.5.1 (c)' or '20F770750d'; below it counts as pending."
      ),
      ImportAgeCheck.option,
      CommandSpec.Option(
        "--timeout", value: "SECONDS",
        help:
          "UNKNOWN when the store has not answered within SECONDS, e.g. while an import locks it (default 10)."
      ),
    ],
    discussion: """
      Pending devices are rsr-available, pulled-rsr, os-update-first and rsr-removed; with
      --require, devices below the required version count instead. Devices whose letter is
      not reported where it matters are counted as unknown and raise at least WARNING. A
      release catalog older than --max-catalog-age days raises WARNING, since Apple may have
      shipped releases it does not know; the status text says which rule fired.
      """,
    run: { arguments, context in
      do {
        return try run(arguments, context)
      } catch {
        let message = (error as? CLIError)?.message ?? "\(error)"
        // One line, whatever the message quotes (a --db path with a line break in it could
        // otherwise forge a status line of its own).
        context.print("RINGSIDE UNKNOWN - \(Sanitized.text(message, limit: 1000))")
        return ExitCode.checkUnknown
      }
    })

  static let pendingStates = DeviceState.pending

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let warn = try arguments.percent("--warn-pending") ?? 10
    let crit = try arguments.percent("--crit-pending") ?? 25
    let warnUnknown = try arguments.percent("--warn-unknown") ?? 0
    let critUnknown = try arguments.percent("--crit-unknown")
    let maxAge = try arguments.integer("--max-checkin-age", in: 1...3650)
    let maxCatalogAge =
      try arguments.integer("--max-catalog-age", in: 1...3650) ?? CatalogAge.defaultLimit
    let maxImportAge = try arguments.integer("--max-import-age", in: 1...87600)
    let timeout = try arguments.integer("--timeout", in: 1...3600) ?? 10
    // A warning above the critical level could never be seen: say so rather than check.
    let levels: [(String, Double, Double?)] = [
      ("pending", warn, crit), ("unknown", warnUnknown, critUnknown),
    ]
    for (name, warning, critical) in levels {
      if let critical, warning > critical {
        throw CLIError.usage(
          "--warn-\(name) \(pct(warning)) is above --crit-\(name) \(pct(critical)): warning comes first",
          command: "check")
      }
    }
    let store = try context.openStore(arguments, readOnly: true)
    try store.limitQueryTime(milliseconds: timeout * 1000)
    let age = CatalogAge(asOf: try store.catalog().asOf, today: store.today, limit: maxCatalogAge)
    var filter = DeviceFilter.all
    if let typed = arguments.value("--ring") {
      let ring = try store.ringName(typed: typed)
      guard try store.ringID(named: ring) != nil else {
        throw CLIError(.noInput, "no ring named \(Sanitized.text(ring, limit: 40))")
      }
      filter = DeviceFilter(terms: [.ring(ring)])
    }
    let summary = try store.summary(filter: filter, now: context.now)
    let staleFilter = DeviceFilter(
      terms: filter.terms + [.stale(true, days: maxAge ?? DeviceFilter.staleDays)])
    let stale = try store.countDevices(filter: staleFilter, now: context.now)
    var pending = pendingStates.reduce(0) { $0 + (summary.byState[$1] ?? 0) }
    var unknown = summary.byState[.unknown] ?? 0
    var subject = "current"
    var total = summary.devices
    var current = summary.byState[.current] ?? 0
    if let text = arguments.value("--require") {
      let (required, platforms): (AppleOSVersion, [Platform])
      let catalog = try store.catalog()
      do { (required, platforms) = try catalog.requirement(text) } catch {
        throw CLIError.usage("--require: \(error.description)", command: "check")
      }
      let count = try store.requirementCount(
        required: required, platforms: platforms, filter: filter, now: context.now)
      pending = count.below
      unknown = count.unknown
      total = count.considered
      current = count.meeting
      subject = "at or above \(required.displayString)"
      // A requirement names one platform family: say the others were not checked.
      let families = Set(platforms.map(\.family))
      if families.count < PlatformFamily.allCases.count {
        let names = PlatformFamily.allCases.filter(families.contains).map(\.displayName)
        subject += " (\(names.joined(separator: ", ")) only)"
      }
    }
    let percent: Double = total == 0 ? 0 : Double(pending) * 100 / Double(total)
    let unknownPercent: Double = total == 0 ? 0 : Double(unknown) * 100 / Double(total)
    // Every rule that fired, worst first, for the status text.
    var critical: [String] = []
    var warning: [String] = []
    if percent > crit {
      critical.append(String(format: "pending %.1f%% > ", percent) + pct(crit) + "%")
    } else if percent > warn {
      warning.append(String(format: "pending %.1f%% > ", percent) + pct(warn) + "%")
    }
    if let critUnknown, unknownPercent > critUnknown {
      critical.append(String(format: "unknown %.1f%% > ", unknownPercent) + pct(critUnknown) + "%")
    } else if unknownPercent > warnUnknown {
      warning.append(String(format: "unknown %.1f%% > ", unknownPercent) + pct(warnUnknown) + "%")
    }
    if let maxAge, stale > 0 { warning.append("\(stale) not seen for \(maxAge) days") }
    if age.isOld { warning.append("catalog \(age.days) days old > \(age.limit)") }
    if let note = try context.outdatedStatesNote(store) { warning.append(note) }
    let importAge = try maxImportAge.map {
      try ImportAgeCheck.evaluate(store, hours: $0, now: context.now)
    }
    if let importAge, importAge.status == ExitCode.checkCritical {
      critical.append(importAge.text)
    } else if let importAge, importAge.status == ExitCode.checkWarning {
      warning.append(importAge.text)
    }
    var status = ExitCode.ok.rawValue
    if !warning.isEmpty { status = ExitCode.checkWarning }
    if !critical.isEmpty { status = ExitCode.checkCritical }
    let words: [String] = ["OK", "WARNING", "CRITICAL", "UNKNOWN"]
    let word = words[Int(status)]
    let scope = arguments.value("--ring").map { " in ring \($0)" } ?? ""
    var message = "RINGSIDE " + word + " - "
    let fired: [String] = critical + warning
    if !fired.isEmpty { message += fired.joined(separator: ", ") + ": " }
    message += "\(current)/\(total) \(subject)\(scope), \(pending) pending"
    message += String(format: " (%.1f%%)", percent)
    if unknown > 0 { message += ", \(unknown) unknown" }
    message += ", \(stale) stale"
    if summary.waiting > 0 { message += ", \(summary.waiting) waiting" }
    if let importAge, importAge.status == 0 { message += ", \(importAge.text)" }
    message += ", \(age.short)"
    var perf: [String] = [
      "current=\(current)",
      "pending=\(pending);\(threshold(warn, total));\(threshold(crit, total));0;\(total)",
      "unknown=\(unknown);\(threshold(warnUnknown, total));"
        + "\(critUnknown.map { String(threshold($0, total)) } ?? "");0;\(total)",
      "stale=\(stale)", "waiting=\(summary.waiting)", "devices=\(total)",
      // Days are no unit of the plugin guidelines' (s, %, B, c): the label says it instead.
      "catalog_age_days=\(age.days);\(maxCatalogAge)",
      "pending_pct=\(String(format: "%.1f", percent))%;\(pct(warn));\(pct(crit));0;100",
    ]
    if let importAge { perf.append(importAge.perf) }
    context.print(message + " | " + perf.joined(separator: " "))
    return status
  }

  /// The device count a percentage level stands for, rounded down (perfdata gives counts).
  private static func threshold(_ percent: Double, _ total: Int) -> Int {
    Int((Double(total) * percent / 100).rounded(.down))
  }

  /// A percentage as given: `25`, `2.5`, `0.25`.
  static func pct(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
  }
}
