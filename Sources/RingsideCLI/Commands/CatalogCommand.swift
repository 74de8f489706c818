import Foundation
import RingsideDomain
import RingsideServices
import RingsideStore

/// `ringside catalog`: lists the release catalog and updates it from a SOFA v2 feed file.
enum CatalogCommand {
  static let list = CommandSpec(
    path: ["catalog", "list"],
    summary: "List the release catalog: OS releases and RSR/BSIs with their status.",
    options: [
      CommandSpec.dbOption, CommandSpec.wideOption,
      CommandSpec.formatOption([.text, .json, .csv]),
      .init("--rsr-only", help: "Only RSRs and BSIs, not full OS releases."),
      .init(
        "--platform", value: "P", help: "Only ios (iOS and iPadOS) or macos.",
        choices: ["ios", "macos"]),
    ],
    discussion: """
      Without a store (no --db, no $RINGSIDE_DB, no default store) the builtin catalog is listed.
      Sources: Apple's GDMF feed and AppleDB via the RSR table, and the SOFA v2 feeds.
      """,
    run: { arguments, context in try runList(arguments, context) })

  static let importFeed = CommandSpec(
    path: ["catalog", "import"],
    summary:
      "Update the store's catalog from Apple's GDMF feed or a SOFA v2 feed file, offline.",
    arguments: "FEED.json...",
    options: [CommandSpec.dbOption],
    discussion: """
      Reads Apple's GDMF response (curl https://gdmf.apple.com/v2/pmv -o pmv.json), SOFA's
      cached copy of it, and SOFA v2 feeds (ios_data_feed.json, macos_data_feed.json, also the
      spring-2026 ones whose BSI block used snake_case keys). Where sources disagree, Apple's
      feed wins and `catalog list` shows the disagreement. Every file is checked before anything
      is stored; device states are recomputed. The catalog's date becomes the newest date in
      the files (GDMF posting dates, SOFA LastCheck).
      """,
    writes: true,
    run: { arguments, context in try runImport(arguments, context) })

  static func runList(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let format = try arguments.outputFormat()
    let path = context.storePath(arguments)
    let catalog: ReleaseCatalog
    let isURL = StoreLocation(path) != .sqlite(path: path)
    if isURL || FileManager.default.fileExists(atPath: path) {
      do { catalog = try context.openStore(arguments, readOnly: true).catalog() } catch let e
        as StoreError
      {
        throw CLIError.store(e)
      }
    } else if arguments.value("--db") != nil {
      throw CLIError(.noInput, "no store at \(StoreLocation(path).displayName)")
    } else {
      catalog = .builtin
    }
    let releases = ReleaseCatalogs.listed(
      catalog, rsrOnly: arguments.flag("--rsr-only"), family: arguments.value("--platform"))
    switch format {
    case .csv:
      context.print(CatalogCSV.header)
      for r in releases { context.print(CatalogCSV.row(r)) }
    case .json:
      context.print(
        JSONValue.object([
          ("schema_version", .int(DeviceJSON.schemaVersion)),
          (
            "releases",
            JSONValue.array(
              releases.map { r in
                .object([
                  ("platform", .string(r.family.rawValue)), ("kind", .string(r.kindName)),
                  ("version", .string(r.displayVersion)),
                  ("build", r.build.map { .string($0.text) } ?? .null),
                  ("prerequisite_build", r.prerequisiteBuild.map { .string($0.text) } ?? .null),
                  ("released", r.released.map { .string($0) } ?? .null),
                  ("status", .string(r.status.rawValue)),
                  ("replaced_by", r.replacedBy.map { .string("\(r.version) (\($0))") } ?? .null),
                  ("superseded_by", r.supersededBy.map { .string($0.description) } ?? .null),
                  ("expires", r.expires.map { .string($0) } ?? .null),
                  ("devices", r.devices.isAll ? .null : .string(r.devices.summary)),
                  ("notes", r.notes.isEmpty ? .null : .string(readable(r.notes))),
                  ("source", .string(r.source)),
                ])
              })
          ),
        ]).serialized())
    default:
      context.print("Catalog as of \(catalog.asOf).")
      var table = TextTable([
        "os", "kind", "version", "build", "on build", "released", "expires", "status",
      ])
      table.uncut = [2, 3, 5, 6]
      var disagreements: [String] = []
      for r in releases {
        var status = r.status.rawValue
        if let c = r.replacedBy { status += " → (\(c))" }
        if let s = r.supersededBy { status += " by \(s)" }
        if !r.devices.isAll, r.isRSR || r.devices.models.map({ $0.count <= 5 }) == true {
          status += ", only \(r.devices.summary)"
        }
        table.add([
          r.family == .macOS ? "macOS" : "iOS", r.kindName, r.displayVersion,
          r.build?.text ?? "",
          r.prerequisiteBuild?.text ?? "", r.released ?? "", r.expires ?? "", status,
        ])
        if !r.notes.isEmpty {
          disagreements.append(
            "  \(r.family.rawValue) \(r.displayVersion): \(Sanitized.text(readable(r.notes), limit: 400))"
          )
        }
      }
      let width = context.outputWidth(arguments)
      context.print(table.render(width: width))
      if !disagreements.isEmpty {
        context.print("\nWhere sources disagree:")
        for line in disagreements { context.print(wrapText(line, width: width, indent: "    ")) }
      }
    }
    return ExitCode.ok.rawValue
  }

  static func runImport(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    guard !arguments.positional.isEmpty else {
      throw CLIError.usage("give one or more SOFA feed files", command: "catalog import")
    }
    let feeds: ReleaseCatalogs.Feeds
    do {
      feeds = try ReleaseCatalogs.read(arguments.positional)
    } catch {
      if case .unreadable = error { throw CLIError(.noInput, error.description) }
      throw CLIError(.dataError, error.description)
    }
    let store = try context.openStore(arguments, create: true)
    do {
      let imported = try ReleaseCatalogs.store(feeds, in: store)
      context.print(
        "Read \(imported.read) releases from \(arguments.positional.count) file(s); \(imported.added) new or changed, stored in \(store.path); catalog as of \(imported.asOf)."
      )
    } catch {
      throw CLIError.store(error)
    }
    return ExitCode.ok.rawValue
  }

  /// Notes as a person reads them: the catalog CSV keeps them with every comma written as a
  /// semicolon, which turned model identifiers into `Mac17;5` and `iPad7;1-7;6`; a semicolon
  /// between two digits is such a comma.
  static func readable(_ notes: String) -> String {
    notes.replacing(/(\d);(\d)/) { "\($0.output.1),\($0.output.2)" }
  }
}
