import Foundation
import RingsideDomain
import RingsideStore

/// `ringside devices`: the device table for scripts and spreadsheets, streamed from the store
/// so a million rows print in constant memory.
enum DevicesCommand {
  static let sortFields = DeviceSort.Column.allCases.map(\.rawValue)

  static let spec = CommandSpec(
    path: ["devices"],
    summary: "List devices, filtered and sorted, as text, JSON or CSV.",
    arguments: "[FILTER...]",
    options: [
      CommandSpec.dbOption,
      .init(
        "--filter", value: "EXPR",
        help:
          "The dashboard's filter language, e.g. 'os:16.5.1 ring:test state:pulled-rsr' or "
          + "'(ring:test OR ring:pilot) -state:current'."),
      .init(
        "--sort", value: "FIELD",
        help: "Sort by \(sortFields.joined(separator: ", ")); prefix - for descending.",
        choices: sortFields),
      CommandSpec.formatOption([.text, .json, .csv]), CommandSpec.wideOption,
      .init("--limit", value: "N", help: "Print at most N devices."),
    ],
    discussion: """
      Filter fields: \(DeviceFilter.fields.joined(separator: ", ")); plain words match name,
      serial, user or model; a leading - negates a term. Terms side by side must all hold;
      OR between them lets either side hold and binds looser (a b OR c is (a b) OR c);
      parentheses group, and "OR" in quotes is a word. FILTER words after the options are
      more of the same filter (ringside devices ring:test OR ring:pilot); with --filter, a
      device must pass both. CSV cells starting with =, +, -, @
      are prefixed with ' so spreadsheets never run them as formulas.
      """,
    run: { arguments, context in try run(arguments, context) })

  static let columns = [
    "name", "serial", "platform", "model", "os", "build", "ring", "supervised", "removal", "state",
    "last_checkin",
  ]

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let format = try arguments.outputFormat()
    let filter: DeviceFilter
    do {
      filter = try FilterArguments.filter(
        option: arguments.value("--filter"), words: arguments.positional)
    } catch {
      throw CLIError.usage(error.description, command: "devices")
    }
    var sort = DeviceSort()
    if let text = arguments.value("--sort") {
      guard let parsed = DeviceSort.parse(text) else {
        throw CLIError.usage(
          "--sort takes one of \(sortFields.joined(separator: ", "))", command: "devices")
      }
      sort = parsed
    }
    let limit = try arguments.integer("--limit", in: 0...Int(Int32.max))
    let store = try context.openStore(arguments, readOnly: true)
    if let note = try context.outdatedStatesNote(store) {
      context.printError("ringside: note: \(note)")
    }
    let catalog = try store.catalog()
    let out = BufferedOutput(context)
    var plan = ColumnPlan(width: context.outputWidth(arguments))
    let header = columns.map { $0.replacingOccurrences(of: "_", with: " ") }
    // With --wide the columns are as wide as their widest cell: the first rows are held back
    // to measure them (all of them up to `ColumnPlan.measuredRows`), then written.
    var heldBack: [[String]]? = format == .text && !plan.cuts ? [] : nil
    var count = 0
    var pendingJSON: String?
    switch format {
    case .csv: out.line(CSVWriter.row(columns))
    case .json: out.line("{\"schema_version\": \(DeviceJSON.schemaVersion), \"devices\": [")
    default: if heldBack == nil { out.line(plan.row(header)) }
    }
    func release(_ rows: [[String]]) {
      plan = plan.fitted(to: rows + [header])
      out.line(plan.row(header))
      for row in rows { out.line(plan.row(row)) }
    }
    try store.forEachDevice(filter: filter, sort: sort, limit: limit, now: context.now) { record in
      let cells = self.cells(record, catalog: catalog)
      switch format {
      case .csv: out.line(CSVWriter.row(cells))
      case .json:
        if let previous = pendingJSON { out.line(previous + ",") }
        pendingJSON =
          "  "
          + JSONValue.object(DeviceJSON.fields(record, catalog: catalog)).serialized(indent: nil)
      default:
        if heldBack != nil {
          heldBack!.append(cells)
          if heldBack!.count >= ColumnPlan.measuredRows {
            release(heldBack!)
            heldBack = nil
          }
        } else {
          out.line(plan.row(cells))
        }
      }
      count += 1
    }
    if let rows = heldBack { release(rows) }
    if format == .json {
      if let last = pendingJSON { out.line(last) }
      out.line("]}")
    }
    out.flush()
    if format == .text && count == 0 { context.printError("no devices match") }
    return ExitCode.ok.rawValue
  }

  static func cells(_ record: DeviceRecord, catalog: ReleaseCatalog) -> [String] {
    let d = record.device
    return [
      d.name, d.serial ?? "", d.platform.rawValue, d.model ?? "",
      catalog.label(for: d.version, on: d.platform),
      (d.version.supplementalBuild ?? d.version.build)?.text ?? "", d.ring,
      Formatting.supervised(d.supervised),
      record.removal.rawValue, record.state.rawValue, Formatting.iso(d.lastCheckIn),
    ]
  }

  /// Which text columns show, and how wide, for the output width: every column needs 160;
  /// narrower, the columns a help-desk person needs least go first (build, supervised,
  /// platform, check-in, removal, ring, model), then the name narrows to 16.
  struct ColumnPlan {
    static let widths = [24, 12, 8, 14, 12, 11, 12, 10, 12, 15, 20]
    static let dropOrder = [5, 7, 2, 10, 8, 6, 3]
    let shown: [Int]
    private(set) var widths: [Int]
    /// False with `--wide`: every cell at full width, a long name or model pushing the rest of
    /// its row right rather than being cut.
    let cuts: Bool

    init(width: Int) {
      var shown = Array(Self.widths.indices)
      var widths = Self.widths
      cuts = width != .max
      // Full width holds every removal status whole (`removed-anyway`).
      if !cuts { widths[8] = 14 }
      func total() -> Int {
        shown.dropLast().map { widths[$0] + 1 }.reduce(0, +) + widths[shown.last ?? 0]
      }
      for column in Self.dropOrder where total() > width {
        shown.removeAll { $0 == column }
      }
      while total() > width, widths[0] > 16 { widths[0] -= 1 }
      self.shown = shown
      self.widths = widths
    }

    /// How many rows `--wide` measures before it writes any: a larger list keeps the widths
    /// of its first rows.
    static let measuredRows = 50_000

    /// This plan with every column at least as wide as its widest cell in `rows` (`--wide`).
    func fitted(to rows: [[String]]) -> ColumnPlan {
      var fitted = self
      for row in rows {
        for i in shown where i < row.count {
          fitted.widths[i] = max(fitted.widths[i], DisplayWidth.of(Sanitized.text(row[i])))
        }
      }
      return fitted
    }

    func row(_ cells: [String]) -> String {
      var line = ""
      for (n, i) in shown.enumerated() {
        let text = Sanitized.text(cells[i])
        let last = n == shown.count - 1
        if !cuts {
          line +=
            last
            ? text
            : text + String(repeating: " ", count: max(1, widths[i] + 1 - DisplayWidth.of(text)))
          continue
        }
        line +=
          last
          ? DisplayWidth.truncate(text, to: widths[i]) : DisplayWidth.pad(text, to: widths[i]) + " "
      }
      return line
    }
  }
}
