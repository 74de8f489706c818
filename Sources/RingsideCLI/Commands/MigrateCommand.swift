import Foundation
import RingsideServices
import RingsideStore

/// `ringside migrate`: copies a whole store into a new one, between SQLite and PostgreSQL in
/// either direction, and verifies the copy before it is committed.
enum MigrateCommand {
  static let spec = CommandSpec(
    path: ["migrate"],
    summary: "Copy a whole store into a new one (SQLite or PostgreSQL), verified.",
    options: [
      .init(
        "--from", value: "PATH|URL", help: "The store to copy: a SQLite file or a URL.",
        required: true),
      .init(
        "--to", value: "PATH|URL",
        help: "The new store: a file that does not exist yet, or a database with no devices.",
        required: true),
    ],
    discussion: """
      Copies every table (devices, their sources and history, pending updates, rings,
      policies, staged changes, the audit log with its hash chain, catalog overrides, profile
      file hashes), ids as they are, reading the source in one snapshot while others may keep
      using it. The target is created as init creates it (on PostgreSQL with the
      ringside_admin and ringside_viewer roles); a target holding devices, audit entries or
      anything else init does not write is refused, never merged. Before committing, every
      table's rows are counted on both sides and the audit chain is verified on the target as
      audit --verify does; on any failure nothing is committed. A new SQLite file is written
      under a hidden name beside it and takes its name only when verified and committed. Into PostgreSQL rows go through COPY. PostgreSQL's audit columns
      database_user and client_host have no place in a SQLite store and are left behind.
      """,
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    guard let from = arguments.value("--from"), !from.isEmpty else {
      throw CLIError.usage("migrate needs --from PATH|URL", command: "migrate")
    }
    guard let to = arguments.value("--to"), !to.isEmpty else {
      throw CLIError.usage("migrate needs --to PATH|URL", command: "migrate")
    }
    let source = StoreLocation(from).displayName
    let target = StoreLocation(to).displayName
    let migration = StoreMigration(from: from, to: to)
    migration.verifyAudit = { store in
      let verification = try AuditLog.verify(store, witness: context.witness(store))
      return (verification.entries, verification.problem)
    }
    migration.progress = { table, written, total in
      context.progressLine("  \(table): \(written) of \(total) rows")
    }
    let summary: StoreMigration.Summary
    do {
      defer { context.progressLine(nil) }
      summary = try migration.run()
    } catch let error as StoreError {
      throw CLIError.store(
        StoreError(
          error.kind,
          "cannot migrate \(source) to \(target): \(error.message) (the target was left as it was)"
        ))
    }
    let width = summary.tables.map(\.name.count).max() ?? 0
    for (name, rows) in summary.tables {
      context.print("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(rows)")
    }
    context.print(
      "Copied \(summary.tables.count) tables, \(summary.rows) rows from \(source) to \(target) in "
        + String(format: "%.1f", summary.seconds) + " s; every table's rows match and the audit "
        + "log's \(summary.auditEntries) \(summary.auditEntries == 1 ? "entry verifies" : "entries verify") "
        + "on the target.")
    return ExitCode.ok.rawValue
  }
}
