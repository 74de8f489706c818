/// The `?` overlay's lines, generated from the command table and the keymap: every bound
/// command with its keys, grouped by scope, then the command-line names.
public enum HelpText {
  public static func lines(_ state: DashboardState, ascii: Bool = false) -> [(String, String)] {
    var out: [(String, String)] = []
    var scopes: [HelpScope] = []
    for command in state.commands where !scopes.contains(command.scope) {
      scopes.append(command.scope)
    }
    for scope in scopes {
      var group: [(String, String)] = []
      for command in state.commands where command.scope == scope {
        if state.readOnly && command.dangerous { continue }
        let bound = state.keymap.keys(for: command.id)
        let keys = bound.map { ascii ? $0.asciiLabel : $0.label }
        // A key another view binds to a command of its own is said so (Space selects in Devices).
        var help = command.help
        for key in bound {
          for other in state.keymap.overrides(of: key, boundTo: command.id) {
            guard let title = state.views.first(where: { $0.id == other.view })?.title,
              let name = state.commands.first(where: { $0.id == other.command })?.title
            else { continue }
            help += " In \(title), \(ascii ? key.asciiLabel : key.label) is \(name)."
          }
        }
        var names = command.names.map { ":" + $0 + (command.argument.map { " " + $0 } ?? "") }
        if keys.isEmpty && names.isEmpty { continue }
        if keys.isEmpty, command.argument != nil, names.isEmpty { names = [] }
        let keyText = (keys + names).joined(separator: " ")
        group.append((keyText, command.title + ": " + help))
      }
      guard !group.isEmpty else { continue }
      out.append(("", ""))
      out.append((scope.title, ""))
      out += group
    }
    out.append(("", ""))
    out.append(
      (
        "Filter",
        "words match name, serial, user, model; fields: os:16.5.1 os:\"16.5.1 (c)\" ring:test"
      ))
    out.append(
      (
        "",
        "state:pulled-rsr removal:blocked platform:macos supervised:no stale:yes build: model: source:"
      ))
    out.append(
      ("", "a b OR c: both a and b, or c; (a OR b) c groups; \"OR\" in quotes is a word"))
    out.append(
      ("", "-term excludes; Enter keeps the filter, Esc restores the one before, Ctrl-U clears"))
    return Array(out.dropFirst())
  }
}
