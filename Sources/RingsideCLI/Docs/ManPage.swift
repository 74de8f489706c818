/// Writes `ringside(1)` in roff from the command table, so the man page and `--help` never drift.
enum ManPage {
  /// `keys` are the dashboard's keys and commands as its `?` help lists them.
  static func render(
    commands: [CommandSpec], dashboard: CommandSpec?, version: String,
    keys: [(String, String)] = []
  ) -> String {
    var out = [
      ".TH RINGSIDE 1 \"\" \"Ringside \(version)\" \"User Commands\"",
      ".SH NAME",
      "ringside \\- RSR/BSI rollout dashboard and reports for Apple device admins",
      ".SH SYNOPSIS",
    ]
    for spec in [dashboard].compactMap({ $0 }) + commands {
      out += [".PP", ".B " + escape(spec.usage)]
    }
    out += [
      ".SH DESCRIPTION",
      escape(
        "Ringside keeps an inventory of iPhones, iPads and Macs in a local SQLite store, knows every "
          + "public Rapid Security Response (RSR) and Background Security Improvement (BSI), derives each "
          + "device's state, and writes ring policies as configuration profiles."),
    ]
    if let dashboard { out += section(dashboard) }
    if !keys.isEmpty {
      out.append(".SS Dashboard keys")
      for (key, text) in keys where !(key.isEmpty && text.isEmpty) {
        if key.isEmpty {
          out += [".IP", escape(text)]
        } else if text.isEmpty {
          out += [".PP", "\\fI" + escape(key) + "\\fR"]
        } else {
          out += [".TP", "\\fB" + escape(key) + "\\fR", escape(text)]
        }
      }
    }
    out.append(".SH COMMANDS")
    for spec in commands { out += section(spec) }
    out += [
      ".SH ENVIRONMENT",
      ".TP", ".B RINGSIDE_DB", "The store when --db is not given.",
      ".TP", ".B XDG_DATA_HOME", "The default store is $XDG_DATA_HOME/ringside/ringside.db.",
      ".TP", ".B NO_COLOR", "The dashboard uses the monochrome theme.",
      ".TP", ".B RINGSIDE_CLIPBOARD",
      escape(
        "off, no, 0 or false: y in the dashboard shows the serial number but sends no OSC 52."),
      ".SH EXIT STATUS",
      escape(
        "0 success, 64 usage error, 65 bad data, 66 no input, 69 unavailable, 73 cannot create, "
          + "75 the store stayed busy (locked by another session; try again), 77 no permission, "
          + "78 a setting kept in the store must be fixed first. "
          + "check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."),
    ]
    return out.joined(separator: "\n") + "\n"
  }

  private static func section(_ spec: CommandSpec) -> [String] {
    var out = [".SS " + escape(spec.path.isEmpty ? "ringside" : spec.name), escape(spec.summary)]
    if !spec.discussion.isEmpty {
      out += [".PP", escape(spec.discussion.split(separator: "\n").joined(separator: " "))]
    }
    for option in spec.allOptions {
      out += [
        ".TP",
        "\\fB" + escape(option.name) + "\\fR"
          + (option.value.map { " \\fI" + escape($0) + "\\fR" } ?? ""), escape(option.help),
      ]
    }
    return out
  }

  /// Escapes backslashes and leading dots or quotes that roff would read as requests.
  static func escape(_ text: String) -> String {
    var s = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(
      of: "-", with: "\\-")
    if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
    return s
  }
}
