/// The grid as text for tests and `--dump-screen`: the characters, then one letter per cell
/// naming its style role, with a legend. No escape sequences, so a diff reads like the screen.
public enum ScreenDump {
  static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

  /// The letter standing for a role in the role map; `.` for `screen`.
  public static func letter(_ role: StyleRole) -> Character {
    role == .screen ? "." : letters[role.index % letters.count]
  }

  /// Text, a separator, the legend of roles used, and the role map.
  public static func withRoles(_ grid: CellGrid) -> String {
    var used: [StyleRole] = []
    var map: [String] = []
    for y in 0..<grid.height {
      var row = ""
      for x in 0..<grid.width {
        let role = grid[x, y].role
        if !used.contains(role) { used.append(role) }
        row.append(letter(role))
      }
      map.append(row)
    }
    let legend = used.sorted { $0.index < $1.index }.map { "\(letter($0)) \($0.rawValue)" }
    return grid.text + "\n--- roles\n" + legend.joined(separator: "\n") + "\n---\n"
      + map.joined(separator: "\n")
  }
}
