import RingsideServices
import RingsideStore

/// `ringside audit`: the append-only log of staging, discards, applies and profile writes.
enum AuditCommand {
  static let spec = CommandSpec(
    path: ["audit"],
    summary: "Show who staged, applied and wrote what, when and from where.",
    options: [
      CommandSpec.dbOption, CommandSpec.wideOption, CommandSpec.formatOption([.text, .json]),
      .init("--limit", value: "N", help: "Show the newest N entries (default 100)."),
      .init(
        "--verify",
        help: "Check the log's hash chain: exit 0 when intact, 65 naming the first bad entry."),
    ],
    discussion: """
      Newest first. File entries carry the SHA-256 of the file before and after the write.
      The log is append-only in the store (updates and deletes are refused), and every entry is
      chained to the one before by SHA-256, so --verify finds entries changed or removed by hand.
      Every command notes the newest entry it saw in a file of your own
      ($XDG_STATE_HOME/ringside/witness/), which people who can write the store cannot rewrite:
      --verify also finds the log cut short, emptied, re-chained or forged below that entry.
      A shared store set up by root has STORE.anchor, an append-only file admins can add to
      but not rewrite, which --verify checks the same way for every user.
      """,
    run: { arguments, context in
      if arguments.flag("--verify") {
        let store = try context.openStore(arguments, readOnly: true)
        let verification = try AuditLog.verify(store, witness: context.witness(store))
        if let problem = verification.problem {
          throw CLIError(.dataError, "audit log \(store.path): \(problem)")
        }
        context.print(
          "The audit log is intact: \(verification.entries) entries, each chained to the one before, "
            + "including every entry you saw before.")
        return ExitCode.ok.rawValue
      }
      let format = try arguments.outputFormat()
      let limit = try arguments.integer("--limit", in: 1...1_000_000) ?? 100
      let store = try context.openStore(arguments, readOnly: true)
      let entries = try AuditLog.newest(store, limit: limit)
      if format == .json {
        context.print(
          JSONValue.object([
            ("schema_version", .int(DeviceJSON.schemaVersion)),
            ("entries", .array(entries.map(json))),
          ]).serialized())
        return ExitCode.ok.rawValue
      }
      guard !entries.isEmpty else {
        context.print("The audit log is empty.")
        return ExitCode.ok.rawValue
      }
      var table = TextTable(["at", "user", "role", "origin", "action", "detail"])
      // When and what are never cut; the detail gives way first.
      table.uncut = [0, 4]
      for entry in entries {
        var detail = entry.detail
        if entry.beforeHash != nil || entry.afterHash != nil {
          detail += " [sha256 \(short(entry.beforeHash)) → \(short(entry.afterHash))]"
        }
        table.add([
          StagedReport.timestamp(entry.at), entry.user, entry.role, entry.origin,
          entry.action.rawValue,
          detail,
        ])
      }
      context.print(table.render(width: context.outputWidth(arguments)))
      return ExitCode.ok.rawValue
    })

  static func short(_ hash: String?) -> String { hash.map { String($0.prefix(12)) } ?? "none" }

  static func json(_ entry: AuditEntry) -> JSONValue {
    .object([
      ("id", .int(Int(entry.id))), ("at", .string(StagedReport.timestamp(entry.at))),
      ("user", .string(entry.user)), ("role", .string(entry.role)),
      ("origin", .string(entry.origin)),
      ("action", .string(entry.action.rawValue)), ("detail", .string(entry.detail)),
      ("before_sha256", entry.beforeHash.map { .string($0) } ?? .null),
      ("after_sha256", entry.afterHash.map { .string($0) } ?? .null),
    ])
  }
}
