import Foundation

/// Where `ringside install` puts each file under a prefix, and what it writes there: the
/// program itself, the man page, the bash, zsh and fish completions and the shipped themes,
/// all generated from the running binary (which holds them), so one copied file is enough.
struct InstallLayout {
  /// One file of the installation.
  struct File {
    /// The path under the prefix, e.g. `share/man/man1/ringside.1`.
    let relativePath: String
    let mode: mode_t
    /// The bytes, or nil for the program itself (copied from the running binary).
    let contents: Data?
  }

  /// An absolute prefix such as `/usr/local`.
  let prefix: String
  /// A staging root the prefix is placed under (for packaging), or "".
  let destination: String

  static let binary = "bin/ringside"
  static let themes = "share/ringside/themes"

  /// The full path a file lands at: DESTDIR + PREFIX + relative path.
  func path(of relativePath: String) -> String {
    let root = destination.hasSuffix("/") ? String(destination.dropLast()) : destination
    let base = prefix == "/" ? "" : prefix
    return root + base + "/" + relativePath
  }

  /// Every file of an installation, in the order they are written (the program first); the
  /// systemd units start the program at its place under `prefix`.
  static func files(prefix: String = "/usr/local") -> [File] {
    var files = [
      File(relativePath: binary, mode: 0o755, contents: nil),
      File(
        relativePath: "share/man/man1/ringside.1", mode: 0o644,
        contents: Data(DocsCommand.manPageText().utf8)),
    ]
    let completions = [
      ("bash", "share/bash-completion/completions/ringside"),
      ("zsh", "share/zsh/site-functions/_ringside"),
      ("fish", "share/fish/vendor_completions.d/ringside.fish"),
    ]
    for (shell, path) in completions {
      if let script = DocsCommand.completionScript(shell) {
        files.append(File(relativePath: path, mode: 0o644, contents: Data(script.utf8)))
      }
    }
    let program = (prefix == "/" ? "" : prefix) + "/" + binary
    files.append(
      File(
        relativePath: SyncUnits.servicePath, mode: 0o644,
        contents: Data(SyncUnits.service(binary: program).utf8)))
    files.append(
      File(relativePath: SyncUnits.timerPath, mode: 0o644, contents: Data(SyncUnits.timer.utf8)))
    for theme in DashboardCommand.shippedThemes {
      files.append(
        File(
          relativePath: "\(themes)/\(theme.name).theme", mode: 0o644,
          contents: Data(theme.text.utf8)))
    }
    return files
  }
}
