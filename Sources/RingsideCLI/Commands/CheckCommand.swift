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
      .init("--ring", value: "RING", help: "Check one ring only."),
      .init(
        "--warn-pending", value: "PCT",
        help: "WARNING when more than PCT% need an update (default 10)."),
      .init(
        "--crit-pending", value: "PCT",
        help: "CRITICAL when more than PCT% need an update (default 25)."),
      .init(
        "--max-checkin-age", value: "DAYS",
        help: "WARNING when a device has not checked in for DAYS (default: report only, 14 days)."),
      .init(
        "--require", value: "VERSION|BUILD",
        help:
          "Require at least this version, RSR-aware: '16.5.1 (c)' or '20F770750d'; below it counts as pending."
      ),
      ImportAgeCheck.option,
    ],
    discussion: """
      Pending devices are rsr-available, pulled-rsr, os-update-first and rsr-removed; with
      --require, devices below the required version count instead. Devices whose letter is
      not reported where it matters are counted as unknown and raise at least WARNING.
      """,
    run: { arguments, context in
      do {
        return try run(arguments, context)
      } catch {
        let message = (error as? CLIError)?.message ?? "\(error)"
        context.print("RINGSIDE UNKNOWN - \(message)")
        return ExitCode.checkUnknown
      }
    })

  static let pendingStates: [DeviceState] = [
    .rsrAvailable, .pulledRSR, .osUpdateFirst, .rsrRemoved,
  ]

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let warn = try arguments.integer("--warn-pending", in: 0...100) ?? 10
    let crit = try arguments.integer("--crit-pending", in: 0...100) ?? 25
    let maxAge = try arguments.integer("--max-checkin-age", in: 1...3650)
    let maxImportAge = try arguments.integer("--max-import-age", in: 1...87600)
    let store = try context.openStore(arguments, readOnly: true)
    var filter = DeviceFilter.all
    if let ring = arguments.value("--ring") {
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
    }
    let percent = total == 0 ? 0 : Double(pending) * 100 / Double(total)
    var status: Int32 = 0
    if percent > Double(crit) {
      status = ExitCode.checkCritical
    } else if percent > Double(warn) || unknown > 0 || (maxAge != nil && stale > 0) {
      status = ExitCode.checkWarning
    }
    let importAge = try maxImportAge.map {
      try ImportAgeCheck.evaluate(store, hours: $0, now: context.now)
    }
    if let importAge { status = max(status, importAge.status) }
    let word = ["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(status)]
    let scope = arguments.value("--ring").map { " in ring \($0)" } ?? ""
    var message = "RINGSIDE \(word) - \(current)/\(total) \(subject)\(scope), \(pending) pending"
    message += String(format: " (%.1f%%)", percent)
    if unknown > 0 { message += ", \(unknown) unknown" }
    message += ", \(stale) stale"
    if let importAge { message += ", \(importAge.text)" }
    var perf = [
      "current=\(current)",
      "pending=\(pending);\(threshold(warn, total));\(threshold(crit, total));0;\(total)",
      "unknown=\(unknown)", "stale=\(stale)", "devices=\(total)",
      "pending_pct=\(String(format: "%.1f", percent))%;\(warn);\(crit);0;100",
    ]
    if let importAge { perf.append(importAge.perf) }
    context.print(message + " | " + perf.joined(separator: " "))
    return status
  }

  private static func threshold(_ pct: Int, _ total: Int) -> Int { total * pct / 100 }
}
