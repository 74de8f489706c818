import Foundation
import RingsideDomain
import RingsideStore

/// `ringside init`: creates a personal store (mode 0600), or sets one up for a shared host
/// where the file system lets admins write and viewers only read.
enum InitCommand {
  static let spec = CommandSpec(
    path: ["init"],
    summary:
      "Create a store: personal (0600), or --shared for a management host with admins and viewers.",
    options: [
      CommandSpec.dbOption,
      .init("--shared", help: "Set up the folder and files for several users (see below)."),
      .init(
        "--admin-group", value: "G",
        help: "The group whose members may change things (default ringside-admins)."),
      .init(
        "--viewer-group", value: "V",
        help: "Only members of V (and admins, who must be in V too) may read."),
    ],
    discussion: """
      --shared: store, -wal and -shm files are group G, mode 0664; the folder is group V,
      mode 0750 (or 0755 without --viewer-group, letting every local user read). Viewers can
      read while admins write but cannot change the store, not even with the sqlite3 command.
      As root, init also writes /etc/ringside/config.json naming the admin group.
      """,
    writes: true,
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let path = context.storePath(arguments)
    guard arguments.flag("--shared") else {
      if arguments.value("--admin-group") != nil || arguments.value("--viewer-group") != nil {
        throw CLIError.usage("--admin-group and --viewer-group need --shared", command: "init")
      }
      let existed = FileManager.default.fileExists(atPath: path)
      _ = try context.openStore(arguments, create: true)
      context.print(
        existed
          ? "The store \(path) is ready (it existed already)."
          : "Created the store \(path) (mode 0600).")
      return ExitCode.ok.rawValue
    }
    let adminGroup = arguments.value("--admin-group") ?? AccessConfig.defaultAdminGroup
    let viewerGroup = arguments.value("--viewer-group")
    do {
      let layout = try SharedStoreLayout(
        storePath: path, adminGroup: adminGroup, viewerGroup: viewerGroup)
      try layout.apply()
    } catch {
      throw CLIError.store(error)
    }
    context.print(
      "Shared store \(path): admins (group \(adminGroup)) write, \(viewerGroup.map { "members of \($0)" } ?? "every local user") read."
    )
    if geteuid() == 0 {
      try writeConfig(
        adminGroup: adminGroup, viewerGroup: viewerGroup,
        path: SystemIdentity.hostConfigPath(environment: context.environment), context: context)
    } else {
      context.print(
        "Ask root to create /etc/ringside/config.json with {\"admin_group\": \"\(adminGroup)\"}.")
    }
    return ExitCode.ok.rawValue
  }

  private static func writeConfig(
    adminGroup: String, viewerGroup: String?, path configPath: String, context: CommandContext
  ) throws {
    var fields = ["\"admin_group\": \(JSONValue.quote(adminGroup))"]
    if let viewerGroup { fields.append("\"viewer_group\": \(JSONValue.quote(viewerGroup))") }
    let text = "{ " + fields.joined(separator: ", ") + " }\n"
    do {
      try FileManager.default.createDirectory(
        atPath: (configPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic)
      chmod(configPath, 0o644)
    } catch {
      throw CLIError(.cantCreate, "cannot write \(configPath): \(error.localizedDescription)")
    }
    context.print("Wrote \(configPath).")
  }
}
