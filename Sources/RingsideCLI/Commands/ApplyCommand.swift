import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

/// `ringside apply`: writes the profiles for the staged policies, applies the staged changes to
/// the store and records it all in the audit log.
enum ApplyCommand {
  static let spec = CommandSpec(
    path: ["apply"],
    summary:
      "Write the profiles and declarations for the staged policies and apply the staged changes.",
    options: [
      CommandSpec.dbOption, ProfileOutputOptions.outOption, ProfileOutputOptions.orgOption,
      .init("--dry-run", help: "Show what would be written; change nothing."),
      .init(
        "--force",
        help:
          "Overwrite files changed outside Ringside since it wrote them; with --org, give profiles already written new identifiers."
      ),
    ],
    discussion: """
      Per ring with a policy: RING-ios.mobileconfig, RING-macos.mobileconfig, RING-ios.ddm.json and
      RING-macos.ddm.json (a file is left out when the policy sets nothing that platform takes).
      Per ring whose devices the staged moves change: RING.serials.txt (one serial per line) and
      RING.members.csv (serial,name), the ring's whole membership for its MDM group; once written,
      they are kept current on every apply.
      Each file is replaced atomically; the staged changes are cleared only after every file is in
      place. When a write or the store fails, every file is put back as it was and nothing is
      applied; an apply killed part-way is finished (and audited) by the next one. A file changed by someone else since Ringside wrote it stops the apply (exit 73)
      unless --force.
      """,
    writes: true,
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let dryRun = arguments.flag("--dry-run")
    let store = try context.openStore(arguments, readOnly: dryRun)
    let settings = try ProfileOutputOptions.settings(store)
    let organization = try ProfileOutputOptions.organization(
      arguments, command: "apply", settings: settings)
    let directory = try ProfileOutputOptions.directory(arguments, context, settings: settings)
    try ProfileOutputOptions.refuseNewIdentifiers(
      arguments, store: store, settings: settings, force: arguments.flag("--force"),
      fix: "repeat with --force")
    if !dryRun {
      try ProfileOutputOptions.rememberFirstUse(
        arguments, store: store, settings: settings, context: context)
    }
    let outcome: StagedApply.Outcome
    do {
      outcome = try StagedApply.run(
        store: store, actor: context.auditActor(on: store), now: context.now,
        options: .init(
          directory: directory, organization: organization, force: arguments.flag("--force"),
          dryRun: dryRun))
    } catch {
      throw ProfileOutputOptions.cliError(error)
    }
    let report = outcome.report
    context.print(
      (dryRun ? "Would apply" : "Applied")
        + " \(outcome.policyChanges) staged policy change(s) and \(outcome.moves) ring move(s).")
    var table = TextTable(["action", "file"])
    for review in report.plan.reviews {
      table.add([review.action.rawValue + (review.conflict != nil ? " (forced)" : ""), review.name])
    }
    if !table.rows.isEmpty {
      context.print(
        (dryRun ? "Would write to " : "Wrote to ") + Sanitized.text(report.plan.directoryPath)
          + ":\n"
          + table.render(indent: "  "))
    } else {
      context.print("No ring has a policy; no profiles to write.")
    }
    if !outcome.filesFinished.isEmpty {
      context.print(
        "Finished and audited \(outcome.filesFinished.count) file(s) an interrupted apply had already written: "
          + outcome.filesFinished.joined(separator: ", ") + ".")
    }
    if !outcome.membershipRings.isEmpty {
      context.print(
        wrapText(
          "Ring membership changed: set the MDM group of "
            + outcome.membershipRings.joined(separator: ", ")
            + " from its RING.serials.txt or RING.members.csv.",
          width: context.outputWidth(arguments)))
    }
    if dryRun { context.print("Dry run: nothing was written.") }
    return ExitCode.ok.rawValue
  }
}
