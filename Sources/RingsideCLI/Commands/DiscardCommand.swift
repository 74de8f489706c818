import RingsideStore

/// `ringside discard`: drops staged changes, all of them or the ones named by id.
enum DiscardCommand {
  static let spec = CommandSpec(
    path: ["discard"],
    summary: "Drop staged changes: those with the ids `ringside staged` shows, or --all.",
    arguments: "ID...|--all",
    options: [
      CommandSpec.dbOption,
      CommandSpec.Option(
        "--all", help: "Drop every staged change, other admins' too (they are listed first)."),
    ],
    writes: true,
    run: { arguments, context in
      let ids = try arguments.positional.map { text throws(CLIError) -> Int64 in
        guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
          throw CLIError.usage("\(text) is not a staged change id", command: "discard")
        }
        return id
      }
      let store = try context.openStore(arguments)
      let actor = context.auditActor(on: store)
      if ids.isEmpty {
        guard arguments.flag("--all") else {
          throw CLIError.usage(
            "name the staged changes to drop by id (see `ringside staged`), or drop them all with --all",
            command: "discard")
        }
        let others = try store.stagedChanges(limit: 500).filter { $0.author != actor.user }
        for change in others {
          context.print("Dropping \(change.author)'s #\(change.id): \(change.summary)")
        }
        let count = try store.discardAllStaged(by: actor, at: context.now)
        context.print(count == 0 ? "Nothing was staged." : "Dropped \(count) staged change(s).")
      } else {
        let count = try store.discardStaged(ids: ids, by: actor, at: context.now)
        guard count > 0 else {
          throw CLIError(
            .noInput,
            "no staged change has id \(ids.map(String.init).joined(separator: ", ")); see `ringside staged`"
          )
        }
        context.print("Dropped \(count) staged change(s).")
      }
      return ExitCode.ok.rawValue
    })
}
