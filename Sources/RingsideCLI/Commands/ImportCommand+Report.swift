import RingsideDomain
import RingsideImport

/// The summary `ringside import` and `ringside sync` print once an import ends.
extension ImportCommand {
  /// The summary lines for people.
  static func report(_ s: ImportSummary, dryRun: Bool) -> String {
    var lines = [
      "Read \(s.read.grouped) records: \(s.added.grouped) added, \(s.updated.grouped) updated, "
        + "\(s.unchanged.grouped) unchanged, "
        + (s.repeated > 0 ? "\(s.repeated.grouped) repeated in the same file, " : "")
        + "\(s.rejected.grouped) rejected, "
        + "\(s.skipped.grouped) skipped (not iPhone, iPad or Mac)."
    ]
    if s.warnings > 0 {
      lines.append("\(counted(s.warnings, "warning")) (listed above).")
    }
    if s.pendingDevices > 0 {
      lines.append("Pending updates recorded for \(counted(s.pendingDevices, "device")).")
    }
    if !s.newRings.isEmpty { lines.append("New rings: \(s.newRings.joined(separator: ", ")).") }
    if s.ringChanges > 0 {
      let field = "--ring-from"
      let examples = s.ringChangeExamples.joined(separator: "; ")
      var line =
        "\(counted(s.ringChanges, "device")) \(s.ringChanges == 1 ? "was" : "were") in another Ringside ring than \(s.ringChanges == 1 ? "its" : "their") MDM group"
      line += " (\(field)) and moved to the group's ring, e.g. \(examples)."
      line +=
        " Change the group in the MDM, or import without --ring-from, to keep Ringside's rings."
      lines.append(line)
    }
    if s.unknownLetters > 0 { lines.append(unknownLetters(s)) }
    if dryRun { lines.append("Dry run: nothing was stored.") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "7 devices in the store have an unknown RSR/BSI letter: 6 from Intune or Graph, which
  /// report only the base version; 1 from Kandji, without supplemental_os_version_extra."
  static func unknownLetters(_ s: ImportSummary) -> String {
    let bySource = s.unknownLettersBySource.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    let parts = bySource.map { raw, n -> String in
      let from = "\(n.grouped) from "
      guard let source = ImportSource(rawValue: raw) else {
        return from + Sanitized.text(raw, limit: 40)
      }
      guard let field = source.letterField else {
        return from + source.title + ", which report only the base version"
      }
      return from + source.title + ", without " + field
    }
    let total = s.unknownLetters
    var line =
      "\(counted(total, "device")) in the store \(total == 1 ? "has" : "have") an unknown RSR/BSI letter"
    if !parts.isEmpty { line += ": " + parts.joined(separator: "; ") }
    let onlyIntune = bySource.allSatisfy { $0.key == ImportSource.intune.rawValue }
    line +=
      onlyIntune
      ? ". Import a source that reports it (Jamf, Fleet, Kandji or MDM)."
      : ". Import an export that has the field named, or a source that reports the letter (Jamf, Fleet, Kandji or MDM)."
    return line
  }

  /// "1 device", "3 devices".
  static func counted(_ n: Int, _ noun: String) -> String {
    "\(n.grouped) \(noun)\(n == 1 ? "" : "s")"
  }
}
