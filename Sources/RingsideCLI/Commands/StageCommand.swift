import RingsideDomain
import RingsideServices
import RingsideStore

/// `ringside stage policy` and `ringside stage move`: stage ring policy values and ring moves in
/// the store, for review with `staged` and writing with `apply`.
enum StageCommand {
  static let policy = CommandSpec(
    path: ["stage", "policy"],
    summary: "Stage ring policy values (RSR/BSI install and removal, deferral, critical updates).",
    arguments: "RING",
    options: [
      CommandSpec.dbOption,
      .init(
        "--rsr-install", value: "V", help: "RSR/BSI installation: allow, block or unset.",
        choices: settings),
      .init(
        "--rsr-removal", value: "V", help: "RSR/BSI removal: allow, block or unset.",
        choices: settings),
      .init("--defer", value: "DAYS", help: "Defer OS updates 1 to 90 days, or unset."),
      .init(
        "--critical-updates", value: "V", help: "macOS CriticalUpdateInstall: on, off or unset.",
        choices: CriticalUpdateSetting.allCases.map(\.rawValue)),
      .init(
        "--target-major", value: "V",
        help:
          "Which release counts as current: newest (the newest major the model runs), line (the newest of its own line) or unset.",
        choices: MajorTarget.allCases.map(\.rawValue)),
      .init(
        "--replace", help: "Replace a different value another admin staged for the same setting."),
    ],
    discussion: """
      Nothing changes on devices or in files until `ringside apply`. A value equal to the applied
      one drops the staged change; staging a setting again replaces your earlier staged value.
      A different value another admin staged is a conflict (exit 65) unless --replace.
      --target-major changes verdicts only (no profile key exists for it): with newest, a
      device on iOS 26.7.1 that can run 27 is not current.
      """,
    writes: true,
    run: { arguments, context in try runPolicy(arguments, context) })

  static let move = CommandSpec(
    path: ["stage", "move"],
    summary: "Stage moving devices (by serial) to a ring.",
    arguments: "SERIAL...",
    options: [
      CommandSpec.dbOption,
      .init("--ring", value: "RING", help: "The ring to move the devices to."),
    ],
    discussion: "Every serial must name one device, or nothing is staged.",
    writes: true,
    run: { arguments, context in try runMove(arguments, context) })

  static let settings = PolicySetting.allCases.map(\.rawValue)

  static func runPolicy(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    guard arguments.positional.count == 1 else {
      throw CLIError.usage("give exactly one ring", command: "stage policy")
    }
    let typed = arguments.positional[0]
    let changes = try policyChanges(arguments)
    guard !changes.isEmpty else {
      throw CLIError.usage(
        "give at least one of --rsr-install, --rsr-removal, --defer, --critical-updates, --target-major",
        command: "stage policy")
    }
    let store = try context.openStore(arguments)
    let ring = try store.ringName(typed: typed)
    let actor = context.auditActor(on: store)
    let outcomes = try store.stagePolicy(
      changes, ring: ring, by: actor, at: context.now, replacingOthers: arguments.flag("--replace"))
    for (change, outcome) in zip(changes, outcomes) {
      switch outcome {
      case .staged(let staged, let replaced):
        var line = "Staged " + staged.summary
        if let replaced, replaced.author != actor.user {
          line += " (replaces \(replaced.author)'s staged \(replaced.summary))"
        }
        context.print(line)
      case .reverted(let dropped):
        context.print(
          "ring \(ring): \(change.field.title) is already \(change.text)"
            + (dropped == nil ? "; nothing staged" : "; dropped the staged change"))
      }
    }
    // Said only when this command staged something: after "nothing staged" it read as though
    // there were something to review.
    if outcomes.contains(where: { if case .staged = $0 { true } else { false } }) {
      // A change that lifts a protection says so at once, with the devices it exposes, as
      // `staged` and the dashboard's question do; not only in a long review later.
      let review = try StagingReview.load(store: store, output: nil)
      for warning in review.warnings where warning.kind == .loosening && warning.ring == ring {
        context.print(warning.message)
      }
      context.print("Review with `ringside staged --diff`; write with `ringside apply`.")
    }
    return ExitCode.ok.rawValue
  }

  static func policyChanges(_ arguments: ParsedArguments) throws(CLIError) -> [PolicyChange] {
    var changes: [PolicyChange] = []
    if arguments.value("--rsr-install") != nil {
      let value = try arguments.choice("--rsr-install", in: settings, default: "unset")
      changes.append(.rsrInstallation(PolicySetting(rawValue: value)!))
    }
    if arguments.value("--rsr-removal") != nil {
      let value = try arguments.choice("--rsr-removal", in: settings, default: "unset")
      changes.append(.rsrRemoval(PolicySetting(rawValue: value)!))
    }
    if let days = arguments.value("--defer") {
      if days == "unset" {
        changes.append(.deferralDays(nil))
      } else {
        changes.append(
          .deferralDays(try arguments.integer("--defer", in: RingPolicy.deferralRange)))
      }
    }
    if arguments.value("--critical-updates") != nil {
      let value = try arguments.choice(
        "--critical-updates", in: CriticalUpdateSetting.allCases.map(\.rawValue), default: "unset")
      changes.append(.criticalUpdateInstall(CriticalUpdateSetting(rawValue: value)!))
    }
    if arguments.value("--target-major") != nil {
      let value = try arguments.choice(
        "--target-major", in: MajorTarget.allCases.map(\.rawValue), default: "unset")
      changes.append(.majorTarget(MajorTarget(rawValue: value) ?? .unset))
    }
    return changes
  }

  static func runMove(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    guard let typed = arguments.value("--ring") else {
      throw CLIError.usage("give the target ring with --ring RING", command: "stage move")
    }
    guard !arguments.positional.isEmpty else {
      throw CLIError.usage("give one or more device serials", command: "stage move")
    }
    let store = try context.openStore(arguments)
    let ring = try store.ringName(typed: typed)
    let outcome = try store.stageMove(
      serials: arguments.positional, toRing: ring,
      by: context.auditActor(on: store),
      at: context.now)
    var line = "Staged \(outcome.staged) device(s) to move to ring \(ring)"
    if outcome.unchanged > 0 { line += "; \(outcome.unchanged) already in it" }
    context.print(line + ".")
    context.print("Review with `ringside staged`; apply with `ringside apply`.")
    return ExitCode.ok.rawValue
  }
}
