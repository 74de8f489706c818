import Foundation
import RingsideDomain

/// `ringside install` and `ringside uninstall`: put the running binary, its man page,
/// completions and themes in the standard places under a prefix, or take them away again.
/// A jump host needs nothing but the one (statically linked) file to start with.
enum InstallCommand {
  static let prefixOption = CommandSpec.Option(
    "--prefix", value: "DIR", help: "Where to install (absolute). Default: /usr/local.")
  static let destdirOption = CommandSpec.Option(
    "--destdir", value: "DIR",
    help: "A staging folder the prefix is placed under, for building packages.")
  static let quietOption = CommandSpec.Option("--quiet", help: "Print nothing on success.")

  static let install = CommandSpec(
    path: ["install"],
    summary: "Install this binary with its man page, completions and themes under a prefix.",
    options: [prefixOption, destdirOption, quietOption],
    discussion: """
      Writes PREFIX/bin/ringside (a copy of the running program), PREFIX/share/man/man1/ringside.1,
      bash, zsh and fish completions under PREFIX/share, the shipped themes in
      PREFIX/share/ringside/themes, and the systemd units ringside-sync@.service and .timer in
      PREFIX/lib/systemd/system (systemctl enable --now ringside-sync@jamf.timer). Each file is
      written beside its name and renamed into place, so a running ringside is never
      half-replaced. Run it again to upgrade.
      """,
    run: { arguments, context in try run(arguments, context, removing: false) })

  static let uninstall = CommandSpec(
    path: ["uninstall"],
    summary: "Remove what `ringside install` put under a prefix (never a store or settings).",
    options: [prefixOption, destdirOption, quietOption],
    run: { arguments, context in try run(arguments, context, removing: true) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext, removing: Bool)
    throws -> Int32
  {
    let command = removing ? "uninstall" : "install"
    let prefix = arguments.value("--prefix") ?? "/usr/local"
    guard prefix.hasPrefix("/"), !prefix.contains("\0") else {
      throw CLIError.usage(
        "--prefix must be an absolute path, not \(Sanitized.text(prefix, limit: 60))",
        command: command)
    }
    let destination = arguments.value("--destdir") ?? ""
    guard destination.isEmpty || destination.hasPrefix("/") else {
      throw CLIError.usage("--destdir must be an absolute path", command: command)
    }
    let layout = InstallLayout(prefix: prefix, destination: destination)
    let files = InstallLayout.files(prefix: prefix)
    let quiet = arguments.flag("--quiet")
    if removing {
      for file in files.reversed() {
        let path = layout.path(of: file.relativePath)
        if try remove(path) && !quiet { context.print("removed \(path)") }
      }
      rmdir(layout.path(of: InstallLayout.themes))
      rmdir((layout.path(of: InstallLayout.themes) as NSString).deletingLastPathComponent)
      return ExitCode.ok.rawValue
    }
    let program = try runningProgram()
    for file in files {
      let path = layout.path(of: file.relativePath)
      try write(file.contents ?? program, to: path, mode: file.mode)
      if !quiet { context.print("installed \(path)") }
    }
    return ExitCode.ok.rawValue
  }

  /// The bytes of the running binary.
  private static func runningProgram() throws -> Data {
    guard let path = DashboardCommand.executablePath() else {
      throw CLIError(.software, "cannot find the running program to copy")
    }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      throw CLIError(
        .ioError, "cannot read the running program \(path): \(error.localizedDescription)")
    }
  }

  /// Writes beside the name and renames into place; folders are made 0755 as needed.
  private static func write(_ data: Data, to path: String, mode: mode_t) throws {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o755])
    } catch {
      throw CLIError(.cantCreate, "cannot create \(folder): \(error.localizedDescription)")
    }
    let temporary =
      folder + "/.ringside-install-\(getpid())-" + (path as NSString).lastPathComponent
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw CLIError(.cantCreate, "cannot write \(temporary): \(String(cString: strerror(errno)))")
    }
    guard chmod(temporary, mode) == 0, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CLIError(.cantCreate, "cannot put \(path) in place: \(reason)")
    }
  }

  /// Removes a file install wrote; true when there was one. A folder or link is left alone.
  private static func remove(_ path: String) throws -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw CLIError(.cantCreate, "\(path) is not a file ringside installed; left as it is")
    }
    guard unlink(path) == 0 else {
      throw CLIError(.cantCreate, "cannot remove \(path): \(String(cString: strerror(errno)))")
    }
    return true
  }
}
