import Foundation
import RingsideDomain
import RingsideServices
import RingsideStore

/// `ringside why SERIAL|NAME`: one device's versions, ring and policy, derived state, and the
/// reasons in words, citing the catalog, for the help desk.
enum WhyCommand {
  static let spec = CommandSpec(
    path: ["why"],
    summary: "Explain one device's RSR/BSI state and removal status in words.",
    arguments: "SERIAL|NAME",
    options: [
      CommandSpec.dbOption, CommandSpec.wideOption, CommandSpec.formatOption([.text, .json]),
    ],
    discussion:
      "Matches the serial (any case) or the exact device name; several matches are listed.",
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    guard arguments.positional.count == 1, let query = arguments.positional.first else {
      throw CLIError.usage("give one serial number or device name", command: "why")
    }
    let format = try arguments.outputFormat()
    let store = try context.openStore(arguments, readOnly: true)
    if let note = try context.outdatedStatesNote(store) {
      context.printError("ringside: note: \(note)")
    }
    let matches = try store.findDevices(matching: query)
    if matches.isEmpty {
      throw CLIError(
        .noInput, "no device has the serial or name \(Sanitized.text(query, limit: 60))")
    }
    if matches.count > 1 {
      context.print("\(matches.count) devices match \(Sanitized.text(query, limit: 60)):")
      for m in matches {
        context.print(
          "  \(Sanitized.text(m.device.serial ?? m.device.key))  \(Sanitized.text(m.device.name))  \(m.device.platform.displayName)  ring \(m.device.ring)"
        )
      }
      throw CLIError.usage("the name is ambiguous; give the serial number", command: "why")
    }
    let explanation = try DeviceExplanation.load(matches[0], store: store, now: context.now)
    context.write(
      format == .json
        ? explanation.json.serialized() + "\n"
        : explanation.text(width: context.outputWidth(arguments)))
    return ExitCode.ok.rawValue
  }
}

/// Everything `why` says about one device, gathered once for text and JSON: the facts the
/// dashboard's device page shows too, and the clock relative times are told against.
struct DeviceExplanation {
  let facts: DeviceFacts
  let now: Date

  var record: DeviceRecord { facts.record }
  var policy: RingPolicy { facts.policy }
  var assessment: StateAssessment { facts.assessment }
  var removalSentence: String { facts.removalSentence }
  var history: [HistoryEntry] { facts.history }
  var label: String { facts.versionLabel }
  var age: CatalogAge { facts.catalogAge }
  var catalog: ReleaseCatalog { facts.catalog }

  static func load(_ record: DeviceRecord, store: InventoryStore, now: Date) throws
    -> DeviceExplanation
  {
    DeviceExplanation(facts: try DeviceFacts.load(record, store: store), now: now)
  }

  func text(width: Int = .max) -> String {
    let d = record.device
    let v = d.version
    // Label and value; a value longer than the width wraps under itself (TextTable's last
    // column), the ring's policy and a long model name read to their end.
    var table = TextTable(["", ""])
    table.add(["OS version", v.base?.description ?? "not reported"])
    table.add(["RSR/BSI letter", letterText])
    table.add(["Build", v.build?.text ?? "not reported"])
    table.add(["Supplemental build", v.supplementalBuild?.text ?? "not reported"])
    table.add(["State", record.state.rawValue])
    if let target = assessment.target {
      table.add(
        [
          "Target", target.displayVersion + (target.build.map { " (\($0.text))" } ?? ""),
        ])
    }
    table.add(["Removal", record.removal.rawValue])
    table.add(["Ring", "\(d.ring): \(policy.summary)"])
    table.add(
      [
        "Supervised",
        Formatting.supervised(d.supervised) + (d.userEnrolled ? " (User Enrollment)" : ""),
      ])
    table.add(
      [
        "Last check-in",
        "\(Formatting.timestamp(d.lastCheckIn)) (\(Formatting.age(d.lastCheckIn, now: now)))",
      ])
    table.add(["Source", d.source.rawValue])
    if !facts.waiting.isEmpty {
      table.add(
        ["Waiting to install", facts.waiting.map(\.displayString).joined(separator: ", ")])
    }
    let heading =
      "\(Sanitized.text(d.name)) · \(d.platform.displayName) \(label)"
      + " · \(Sanitized.text(d.serial ?? "no serial")) · \(Sanitized.text(d.model ?? "model unknown"))"
    var out = (width == .max ? heading : DisplayWidth.truncate(heading, to: width)) + "\n"
    out +=
      table.render(indent: "  ", width: width).split(separator: "\n").dropFirst().joined(
        separator: "\n") + "\n"
    let stale = StaleVerdict.sentence(lastCheckIn: d.lastCheckIn, now: now).map { " " + $0 } ?? ""
    out +=
      wrapText("Why: \(assessment.explanation) \(removalSentence)\(stale)", width: width) + "\n"
    if let action = assessment.action {
      out += wrapText("What to do: \(action)", width: width) + "\n"
    }
    for line in sourceReports { out += line + "\n" }
    out +=
      wrapText(
        "Verdict from the \(age.short)" + (age.warning.map { "; warning: \($0)" } ?? "") + ".",
        width: width) + "\n"
    if !history.isEmpty {
      out += "History:\n"
      for h in history {
        let when =
          h.seenAt.map { Formatting.timestamp(Date(timeIntervalSince1970: Double($0))) }
          ?? "unknown time"
        out += "  \(when)  \(label(h))  (\(Sanitized.text(h.source)))\n"
      }
    }
    return out
  }

  /// What each source reported last, when they disagree: the newest check-in wins.
  var sourceReports: [String] {
    var latest: [String: HistoryEntry] = [:]
    for h in history { latest[h.source] = h }
    let shown = Set(latest.values.map(label))
    guard latest.count > 1, shown.count > 1 else { return [] }
    var lines = ["Sources disagree (the newest check-in wins):"]
    // Newest first; sources seen at the same time by name, so the lines keep one order.
    let newestFirst = latest.sorted {
      ($0.value.seenAt ?? 0, $1.key) > ($1.value.seenAt ?? 0, $0.key)
    }
    for (source, h) in newestFirst {
      let when =
        h.seenAt.map { Formatting.timestamp(Date(timeIntervalSince1970: Double($0))) }
        ?? "unknown time"
      lines.append("  \(Sanitized.text(source)): \(label(h)) at \(when)")
    }
    return lines
  }

  /// A version the history holds as the device list shows it (`DeviceFacts.label(of:)`).
  private func label(_ entry: HistoryEntry) -> String { facts.label(of: entry) }

  private var letterText: String {
    switch record.device.version.rsr {
    case .none: "none"
    case .unknown: "not reported by \(record.device.source)"
    case .letter(let c): "(\(c))"
    }
  }

  private var targetVersion: JSONValue {
    assessment.target.map { .string($0.displayVersion) } ?? .null
  }
  private var targetBuild: JSONValue {
    assessment.target?.build.map { .string($0.text) } ?? .null
  }
  private var actionValue: JSONValue { assessment.action.map { .string($0) } ?? .null }

  var json: JSONValue {
    func s(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    let head: [(String, JSONValue)] =
      [("schema_version", .int(DeviceJSON.schemaVersion))]
      + DeviceJSON.fields(record, catalog: catalog)
    return .object(
      head + [
        ("policy", policy.json),
        ("explanation", .string(assessment.explanation + " " + removalSentence)),
        ("target", targetVersion), ("target_build", targetBuild), ("action", actionValue),
        ("catalog_as_of", .string(age.asOf)), ("catalog_age_days", .int(age.days)),
        ("waiting_to_install", .array(facts.waiting.map { .string($0.displayString) })),
        (
          "history",
          .array(
            history.map { h in
              .object([
                (
                  "seen_at",
                  s(h.seenAt.map { Formatting.iso(Date(timeIntervalSince1970: Double($0))) })
                ),
                ("version", .string(label(h))), ("source", .string(h.source)),
              ])
            })
        ),
      ])
  }
}
