import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

/// Everything `ringside staged` shows: the staged changes, the files they produce compared with
/// the folder, and the warnings, gathered once and rendered as text or JSON.
struct StagedReport {
  static let listedMoves = 20
  /// Devices of one move group in the JSON (the text shows `listedMoves` of them).
  static let listedDevices = StagingReview.listedDevices

  let changes: [StagedChange]
  let stagedCount: Int
  let moveGroups: [StagedMoveGroup]
  /// The first `listedDevices` devices of each move group, by "from→to".
  let moveDevices: [RingMove: [StagedDevice]]
  let plan: ProfilePlan
  let warnings: [StagingWarning]

  /// Loads the review the dashboard's Staged view shows too, against the folder at `path`.
  static func load(
    store: InventoryStore, directory path: String, organization: ProfileOrganization
  ) throws -> StagedReport {
    let review = try StagingReview.load(
      store: store, output: .init(directory: path, organization: organization))
    if let problem = review.directoryProblem { throw ProfileOutputOptions.cliError(problem) }
    guard let plan = review.plan else {
      throw CLIError(.software, "no profile plan for \(Sanitized.text(path))")
    }
    return StagedReport(
      changes: review.changes, stagedCount: review.stagedCount, moveGroups: review.moveGroups,
      moveDevices: review.moveDevices, plan: plan, warnings: review.warnings)
  }

  private var policyChanges: [StagedChange] { changes.filter { $0.policyField != nil } }
  private var moveCount: Int { moveGroups.reduce(0) { $0 + $1.devices } }

  func text(diff: Bool, width: Int = .max) -> String {
    var out = ""
    if changes.isEmpty {
      out += "Nothing is staged.\n"
    } else {
      out += "Staged: \(policyChanges.count) policy change(s), \(moveCount) ring move(s)\n"
      // The change last: it is prose, and a last column wraps rather than losing its end (a
      // move's destination ring) at 80 columns.
      var table = TextTable(["id", "by", "staged", "change"])
      for change in policyChanges {
        table.add(["#\(change.id)", change.author, Self.timestamp(change.stagedAt), change.summary])
      }
      if moveCount <= Self.listedMoves {
        for change in changes where change.policyField == nil {
          table.add([
            "#\(change.id)", change.author, Self.timestamp(change.stagedAt),
            "move " + change.summary,
          ])
        }
      }
      if !table.rows.isEmpty { out += table.render(indent: "  ", width: width) + "\n" }
      if moveCount > Self.listedMoves {
        for group in moveGroups {
          out +=
            "  move \(group.devices) device(s) from ring \(group.fromRing) to ring \(group.toRing)"
          out += " (by \(group.authors.joined(separator: ", ")))\n"
          let listed = moveDevices[group.move] ?? []
          for device in listed.prefix(Self.listedMoves) {
            out += "    " + Sanitized.text(device.label, limit: 70) + "\n"
          }
          if group.devices > Self.listedMoves {
            out +=
              "    … and \(group.devices - Self.listedMoves) more (--format json lists up to \(Self.listedDevices) per move)\n"
          }
        }
      }
    }
    out +=
      "\n"
      + wrapText(
        "Profiles in \(Sanitized.text(plan.directoryPath)) (organisation \"\(Sanitized.text(plan.organization.name))\"):",
        width: width, indent: "  ") + "\n"
    if plan.reviews.isEmpty {
      out += "  none: no ring has a policy.\n"
    } else {
      var files = TextTable(["action", "file", "note"])
      for review in plan.reviews {
        files.add([review.action.rawValue, review.name, review.conflict ?? note(review)])
      }
      out += files.render(indent: "  ", width: width) + "\n"
      out += declarationSettings(width: width)
    }
    if !warnings.isEmpty {
      out += "\nWarnings:\n"
      for warning in warnings {
        out += wrapText("  ! " + warning.message, width: width, indent: "    ") + "\n"
      }
    }
    if diff {
      let text = plan.unifiedDiff
      out += text.isEmpty ? "\nNo file would change.\n" : "\n" + Self.terminalSafe(text)
    }
    if !plan.changes.isEmpty || !changes.isEmpty {
      out +=
        "\n"
        + wrapText(
          (diff ? "" : "Show the file changes with `ringside staged --diff`; ") + (diff ? "W" : "w")
            + "rite them with `ringside apply`, or drop the staged changes with `ringside discard`.",
          width: width) + "\n"
    }
    return out
  }

  /// Each declaration a write would change, setting by setting: for an MDM that offers the
  /// declaration's settings but takes no custom declaration file.
  func declarationSettings(width: Int) -> String {
    let declarations = plan.reviews.filter {
      $0.action != .unchanged && $0.action != .remove && $0.planned?.kind == .declaration
    }
    guard !declarations.isEmpty else { return "" }
    var out =
      "\n"
      + wrapText(
        "Declarations setting by setting (Apple's keys; upload the .ddm.json where the MDM takes "
          + "custom declarations, else enter these in its software update settings):",
        width: width, indent: "  ") + "\n"
    for review in declarations {
      guard let file = review.planned else { continue }
      let settings = DeclarationSettings.lines(ofDeclaration: file.text)
      out +=
        wrapText(
          "  \(review.name): "
            + (settings.isEmpty ? "no settings" : settings.joined(separator: "; ")),
          width: width, indent: "    ") + "\n"
      let intune = IntuneSettingsCatalog.lines(ofDeclaration: file.text)
      if !intune.entries.isEmpty {
        out +=
          wrapText(
            "    Intune settings catalog (DDM, Software Update Settings): "
              + intune.entries.joined(separator: "; "), width: width, indent: "      ") + "\n"
      }
      if !intune.unmapped.isEmpty {
        out +=
          wrapText(
            "    No Intune setting known for: " + intune.unmapped.joined(separator: ", "),
            width: width, indent: "      ") + "\n"
      }
    }
    return out
  }

  /// For a membership file: how many devices it lists, and how many it cannot.
  func note(_ review: FileReview) -> String {
    guard let file = review.planned, file.family == nil,
      let membership = plan.memberships.first(where: { $0.ring == file.ring })
    else { return "" }
    let unlisted = MembershipFiles.unlisted(membership)
    return "\(membership.members.count - unlisted) serials"
      + (unlisted > 0 ? "; \(unlisted) device(s) lack one" : "")
  }

  func json(diff: Bool) -> JSONValue {
    .object([
      ("schema_version", .int(DeviceJSON.schemaVersion)),
      ("staged_count", .int(stagedCount)),
      ("staged", .array(changes.map(Self.json))),
      (
        "moves",
        .array(
          moveGroups.map {
            .object([
              ("from", .string($0.fromRing)), ("to", .string($0.toRing)),
              ("devices", .int($0.devices)),
              ("authors", .array($0.authors.map { .string($0) })),
              (
                "listed",
                .array(
                  (moveDevices[$0.move] ?? []).map { device in
                    .object([
                      ("device_key", .string(device.key)),
                      ("serial", device.serial.map { .string($0) } ?? .null),
                      ("name", .string(device.name)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("directory", .string(plan.directoryPath)),
      ("organization", .string(plan.organization.name)),
      (
        "files",
        .array(
          plan.reviews.map { review in
            var fields: [(String, JSONValue)] = [
              ("name", .string(review.name)), ("action", .string(review.action.rawValue)),
              ("sha256", review.planned.map { .string($0.sha256) } ?? .null),
              ("on_disk_sha256", review.onDisk.sha256.map { .string($0) } ?? .null),
              ("conflict", review.conflict.map { .string($0) } ?? .null),
            ]
            if let planned = review.planned, planned.kind == .declaration {
              fields.append(Self.declarationSettingsJSON(planned.text))
            }
            if diff { fields.append(("diff", .string(review.unifiedDiff))) }
            return .object(fields)
          })
      ),
      (
        "warnings",
        .array(
          warnings.map {
            .object([
              ("kind", .string($0.kind.rawValue)), ("ring", .string($0.ring)),
              ("devices", .int($0.devices)), ("message", .string($0.message)),
            ])
          })
      ),
    ])
  }

  /// A declaration's settings under Apple's key paths, each with its Intune settings-catalog
  /// setting ID and value where one is known.
  static func declarationSettingsJSON(_ text: String) -> (String, JSONValue) {
    (
      "settings",
      .array(
        DeclarationSettings.settings(ofDeclaration: text).map { setting in
          let intune = IntuneSettingsCatalog.entry(for: setting)
          return .object([
            ("key_path", .string(setting.keyPath.joined(separator: "."))),
            ("value", json(setting)),
            ("intune_setting_id", intune.map { .string($0.settingID) } ?? .null),
            // Graph stores a number setting as a number, a choice as its option's ID.
            (
              "intune_value",
              intune.map { entry in isInteger(setting) ? json(setting) : .string(entry.value) }
                ?? .null
            ),
          ])
        })
    )
  }

  /// A declaration setting's value with the JSON type of its key: `true`, `7`, `"AlwaysOn"`.
  static func json(_ setting: DeclarationSetting) -> JSONValue {
    switch setting.scalar {
    case .boolean(let flag): .bool(flag)
    case .integer(let number): .int(number)
    case .string(let text): .string(text)
    case .other: .string(setting.valueText)
    }
  }

  private static func isInteger(_ setting: DeclarationSetting) -> Bool {
    if case .integer = setting.scalar { true } else { false }
  }

  static func json(_ change: StagedChange) -> JSONValue {
    var fields: [(String, JSONValue)] = [("id", .int(Int(change.id)))]
    switch change.kind {
    case .policy(let old, let new):
      fields += [
        ("kind", .string("policy")), ("ring", .string(change.ring)),
        ("setting", .string(new.field.rawValue)), ("old", .string(old.text)),
        ("new", .string(new.text)),
      ]
    case .move(let device, let from):
      fields += [
        ("kind", .string("move")), ("device_key", .string(device.key)),
        ("serial", device.serial.map { .string($0) } ?? .null), ("name", .string(device.name)),
        ("from", .string(from)), ("to", .string(change.ring)),
      ]
    }
    fields += [
      ("author", .string(change.author)), ("staged_at", .string(timestamp(change.stagedAt))),
    ]
    return .object(fields)
  }

  /// Multi-line text from files on disk with every control character but tab made visible.
  static func terminalSafe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map { Sanitized.text($0) }
        .joined(separator: "\t")
    }.joined(separator: "\n")
  }

  /// `2025-11-24T08:10:00Z`.
  static func timestamp(_ date: Date) -> String { Formatting.iso(date) }
}
