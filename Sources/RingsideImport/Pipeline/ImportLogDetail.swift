import RingsideDomain

/// The audit entry's text for one import: its inputs with their formats, and its counts.
enum ImportLogDetail {
  static func text(files: [String], summary: ImportSummary, names: [String: String] = [:])
    -> String
  {
    var formats: [String: String] = [:]
    for choice in summary.choices { formats[choice.file] = choice.format.rawValue }
    let inputs = files.prefix(20).map { file -> String in
      let name = FormatDetector.displayName(file, names: names)
      let shown = Sanitized.text(name, limit: 120)
      return formats[name].map { "\(shown) (\($0))" } ?? shown
    }
    let more = files.count > 20 ? " and \(files.count - 20) more" : ""
    return
      "from \(inputs.joined(separator: ", "))\(more): read \(summary.read), added \(summary.added), "
      + "updated \(summary.updated), unchanged \(summary.unchanged), "
      + (summary.repeated > 0 ? "repeated \(summary.repeated), " : "")
      + "rejected \(summary.rejected), "
      + "skipped \(summary.skipped), warnings \(summary.warnings)"
  }
}
