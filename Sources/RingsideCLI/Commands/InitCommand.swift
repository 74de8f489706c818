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
      .init("--force", help: "As root, replace a different /etc/ringside/config.json."),
    ],
    discussion: """
      --shared: store, -wal and -shm files are group G, mode 0664; the folder is group V,
      mode 2750 (without --viewer-group: group G, mode 2775, letting every local user read and
      any admin recreate -wal/-shm after root removed them). Viewers can
      read while admins write but cannot change the store, not even with the sqlite3 command.
      init sets owners and modes only on what it creates: an existing folder or file must
      already have them (else it is refused, with the commands to run), and a symbolic link is
      never followed. As root, init also writes /etc/ringside/config.json naming the admin
      group; a different one is shown and kept unless --force.
      """,
    writes: true,
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let path = context.storePath(arguments)
    if case .postgres = StoreLocation(path) {
      // PostgreSQL: the schema and the two roles; the server's own roles replace unix groups.
      let store = try context.openStore(arguments, create: true)
      let access: (user: String, mayWrite: Bool)?
      do { access = try store.databaseUserAccess() } catch { throw CLIError.store(error) }
      if let access, !access.mayWrite {
        // A viewer's init finds the store current and changes nothing: it must not read as
        // though it had set the store up.
        context.print(
          "The PostgreSQL store \(store.path) exists and is current; the database user "
            + "\(Sanitized.text(access.user, limit: 64)) may only read it, so nothing was changed "
            + "(its owner creates, upgrades and grants).")
        return ExitCode.ok.rawValue
      }
      context.print(
        "The PostgreSQL store \(store.path) is ready: members of ringside_admin write, members "
          + "of ringside_viewer read (GRANT ringside_viewer TO some_login).")
      return ExitCode.ok.rawValue
    }
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
    // The host config is checked first, so a refusal leaves everything as it was.
    let config = HostConfigFile(
      path: SystemIdentity.hostConfigPath(environment: context.environment),
      adminGroup: adminGroup, viewerGroup: viewerGroup)
    let action = geteuid() == 0 ? try config.plan(force: arguments.flag("--force")) : nil
    let report: [String]
    do {
      let layout = try SharedStoreLayout(
        storePath: path, adminGroup: adminGroup, viewerGroup: viewerGroup)
      report = try layout.apply()
    } catch {
      throw CLIError.store(error)
    }
    for line in report { context.print("  " + line) }
    context.print(
      "Shared store \(path): admins (group \(adminGroup)) write, \(viewerGroup.map { "members of \($0)" } ?? "every local user") read."
    )
    switch action {
    case nil:
      context.print(
        "Ask root to create \(config.path) with {\"admin_group\": \"\(adminGroup)\"}.")
    case .keep?:
      context.print("\(config.path) already holds these settings; left as it was.")
    case .create?, .replace?:
      try config.write()
      context.print("\(action == .create ? "Wrote" : "Replaced (--force)") \(config.path).")
    }
    return ExitCode.ok.rawValue
  }
}
