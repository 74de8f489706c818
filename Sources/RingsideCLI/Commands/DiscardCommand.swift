import RingsideStore

/// `ringside discard`: drops staged changes, all of them or the ones named by id.
enum DiscardCommand {
  static let spec = CommandSpec(
    path: ["discard"],
    summary: "Drop staged changes: all of them, or those with the ids `ringside staged` shows.",
    arguments: "[ID...]",
    options: [CommandSpec.dbOption],
    writes: true,
    run: { arguments, context in
      let ids = try arguments.positional.map { text throws(CLIError) -> Int64 in
        guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
          throw CLIError.usage("\(text) is not a staged change id", command: "discard")
        }
        return id
      }
      let store = try context.openStore(arguments)
      let actor = AuditActor.current(environment: context.environment)
      if ids.isEmpty {
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
