import RingsideStore

/// `ringside staged`: what is staged, the files it produces compared with the profile folder,
/// the line diff of each, and the warnings admins need before writing.
enum StagedCommand {
  static let spec = CommandSpec(
    path: ["staged"],
    summary:
      "Show staged changes, the profiles they produce, warnings, and with --diff the file diffs.",
    options: [
      CommandSpec.dbOption, CommandSpec.wideOption,
      .init("--diff", help: "Show the line diff of each file against the folder."),
      ProfileOutputOptions.outOption, ProfileOutputOptions.orgOption,
      CommandSpec.formatOption([.text, .json]),
    ],
    discussion: """
      Warnings: a ring that blocks RSR/BSI installation or removal on devices that cannot enforce
      it (unsupervised iPhones and iPads, User Enrollment); a deferral, which also holds back
      RSR/BSIs; devices on OS 27 or later, which ignore the profile keys; devices before iOS 18 or
      macOS 15, which ignore the declaration.
      """,
    run: { arguments, context in
      let format = try arguments.outputFormat()
      let store = try context.openStore(arguments, readOnly: true)
      let settings = try ProfileOutputOptions.settings(store)
      let organization = try ProfileOutputOptions.organization(
        arguments, command: "staged", settings: settings)
      let report = try StagedReport.load(
        store: store,
        directory: try ProfileOutputOptions.directory(arguments, context, settings: settings),
        organization: organization)
      let diff = arguments.flag("--diff")
      if format == .json {
        context.print(report.json(diff: diff).serialized())
      } else {
        context.write(report.text(diff: diff, width: context.outputWidth(arguments)))
      }
      return ExitCode.ok.rawValue
    })
}
