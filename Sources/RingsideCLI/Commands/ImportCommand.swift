import Foundation
import RingsideDomain
import RingsideImport
import RingsideServices

/// `ringside import`: reads MDM exports into the store, all or nothing, and reports counts.
enum ImportCommand {
  static let formats = ["auto"] + ImportFormat.allCases.map(\.rawValue)
  /// Rejected records listed when an all-or-nothing import fails.
  static let shownIssues = 20

  static let spec = CommandSpec(
    path: ["import"],
    summary: "Import devices from Intune, Graph, Jamf, Fleet, Kandji or raw MDM exports.",
    arguments: "FILE... (- for standard input)",
    options: [
      CommandSpec.dbOption,
      .init(
        "--format", value: "FORMAT",
        help: "Input format (default auto: decided from each file's content).",
        choices: formats),
      .init(
        "--ring", value: "RING", help: "Put every imported device in RING (created if missing)."),
      .init(
        "--ring-from", value: "FIELD",
        help:
          "Take each device's ring from this column or field (Category, Update Ring, blueprint_name...)."
      ),
      .init("--skip-invalid", help: "Store the valid records and list the rejected ones."),
      .init("--dry-run", help: "Report what would change; store nothing."),
      .init(
        "--quiet",
        help:
          "Print only errors and warnings (for cron and systemd timers); the exit code tells the rest."
      ),
    ],
    discussion: """
      Formats: intune-csv (also inside the .zip Intune delivers), graph-json (several page files
      are one import), jamf-json (mobile-devices/detail, computers-inventory), fleet-json,
      kandji-json, mdm-plist (DeviceInformation and AvailableOSUpdates responses).
      Devices are matched by serial, else UDID, else the source's id. The newest check-in wins
      for the version, but a known RSR/BSI letter is never replaced by an unknown one for the same
      release (Intune reports no letters). New devices go to the ring named by --ring or
      --ring-from, else to production (or the last ring); existing devices keep their ring.
      By default one invalid record means nothing is stored (exit 65); --skip-invalid stores the
      rest and lists each rejected record. A file that cannot be read at all (unknown format,
      truncated, wrong encoding, damaged .zip) stops the import either way. Records of devices
      that are not iPhones, iPads or Macs are skipped and counted. A raw MDM response carries no
      time, so its file's modification time (from a pipe, the import's time) stands for when the
      device reported.
      FILE - reads standard input (curl ... | ringside import -); every input is read once, so
      pipes and FIFOs work. JSON is read record by record, so exports of any size fit in memory.
      A check-in more than a day in the future is ignored with a warning naming the record; a
      Graph page whose @odata.nextLink page is not in the same import gets a warning naming it,
      and so do pages holding fewer devices than Jamf's totalCount (or Graph's @odata.count),
      a page holding more records than its totalCount, and the same record listed twice in one
      file (the device is stored once and counted as repeated, not unchanged).
      Every import that stores is an audit entry (inputs, formats, counts); `ringside check
      --max-import-age HOURS` turns an import that stopped running into a WARNING.
      """,
    writes: true,
    run: { arguments, context in
      let formatName = try arguments.choice("--format", in: formats, default: "auto")
      let options = ImportOptions(
        format: ImportFormat(rawValue: formatName), ring: arguments.value("--ring"),
        ringFrom: arguments.value("--ring-from"), skipInvalid: arguments.flag("--skip-invalid"),
        dryRun: arguments.flag("--dry-run"), now: context.now,
        actor: context.auditActor())
      let quiet = arguments.flag("--quiet")
      var events = ImportEvents(
        chose: { choice in
          if quiet { return }
          context.progressLine(nil)
          context.print(
            "\(Sanitized.text(choice.file, limit: 200)): \(choice.format.title) (\(Sanitized.text(choice.reason, limit: 200)))"
          )
        },
        rejected: { issue in
          if options.skipInvalid { context.printError("ringside: rejected \(issue)") }
        },
        progress: { progress in
          if quiet { return }
          context.progressLine(ImportCommand.progressText(progress))
        },
        notice: { text in if !quiet { context.printError("ringside: note: \(text)") } },
        warning: { text in context.printError("ringside: warning: \(text)") })
      events.finishing = finishingLine(quiet: quiet, context: context)
      // The progress line goes away whatever the outcome, before anything else is printed.
      defer { if !quiet { context.progressLine(nil) } }
      do {
        let summary = try InventoryImport.run(
          files: arguments.positional, storePath: context.storePath(arguments), options: options,
          events: events, today: context.testToday)
        if !quiet { context.write(report(summary, dryRun: options.dryRun)) }
        return ExitCode.ok.rawValue
      } catch let error as ImportFailure {
        return try failure(error, context: context)
      }
    })

  /// The progress line while the import does its last long step (`ImportEvents.finishing`).
  static func finishingLine(quiet: Bool, context: CommandContext) -> (String) -> Void {
    { text in if !quiet { context.progressLine("  every record read · \(text)…") } }
  }

  /// `  45% · 450,000 records · 61,000 records/s`; without a total, no percentage.
  static func progressText(_ progress: ImportProgress) -> String {
    let share =
      progress.percent.map { DisplayWidth.pad("\($0)%", to: 4, right: true) + " · " } ?? ""
    return
      "  \(share)\(progress.records.grouped) records · \(progress.recordsPerSecond.grouped) records/s"
  }

  private static func failure(_ error: ImportFailure, context: CommandContext) throws -> Int32 {
    switch error {
    case .usage(let message): throw CLIError.usage(message, command: "import")
    case .file(let issue, let missing):
      throw CLIError(missing ? .noInput : .dataError, "\(issue)\nNothing was stored.")
    case .store(let storeError): throw CLIError.store(storeError)
    case .rejected(let summary, let issues):
      for issue in issues.prefix(shownIssues) { context.printError("ringside: \(issue)") }
      if summary.rejected > shownIssues {
        context.printError(
          "ringside: ... and \(summary.rejected - shownIssues) more rejected records")
      }
      throw CLIError(
        .dataError,
        "\(summary.rejected) of \(summary.read) records are invalid; nothing was stored. Fix them, or use --skip-invalid to store the valid ones."
      )
    }
  }
}
