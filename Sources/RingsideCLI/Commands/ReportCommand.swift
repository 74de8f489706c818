import Foundation
import RingsideDomain
import RingsideStore

/// `ringside report`: the fleet by platform and version, by derived state, by ring, and the
/// removal restriction's reach, plus what to enter in an Intune compliance policy, for people
/// (text) and scripts (json, csv).
enum ReportCommand {
  static let groupings = ["version", "state", "ring", "model"]

  static let spec = CommandSpec(
    path: ["report"],
    summary: "Print devices by platform and version, by RSR/BSI state and by ring.",
    options: [
      CommandSpec.dbOption, CommandSpec.wideOption,
      CommandSpec.formatOption([.text, .json, .csv]),
      .init(
        "--by", value: "GROUP", help: "Only one grouping: version, state, ring or model.",
        choices: groupings),
      .init("--ring", value: "RING", help: "Only the devices of one ring."),
    ],
    discussion: """
      States: current, rsr-available, pulled-rsr, os-update-first, rsr-removed, unknown.
      Removal: blocked, allowed, not-enforced (the ring blocks removal but the device is
      unsupervised or user-enrolled, so the restriction does not hold there).
      The Intune compliance helper gives, per ring and platform, the minimum OS version and
      build ("Minimum OS build version") that flags every device without the newest RSR/BSI.
      """,
    run: { arguments, context in
      let format = try arguments.outputFormat()
      let grouping = try arguments.value("--by").map {
        try arguments.choice("--by", in: groupings, default: $0)
      }
      let store = try context.openStore(arguments, readOnly: true)
      if let note = try context.outdatedStatesNote(store) {
        context.printError("ringside: note: \(note)")
      }
      let ring = try arguments.value("--ring").map { try store.ringName(typed: $0) }
      if let ring, try store.ringID(named: ring) == nil {
        throw CLIError(.noInput, "no ring named \(Sanitized.text(ring, limit: 40))")
      }
      let report = try FleetReport.load(store: store, ring: ring, now: context.now)
      switch format {
      case .json: context.print(report.json(grouping).serialized())
      case .csv: context.write(report.csv(grouping))
      default: context.write(report.text(grouping, width: context.outputWidth(arguments)))
      }
      return ExitCode.ok.rawValue
    })
}
