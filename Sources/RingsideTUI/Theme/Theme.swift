/// A named set of styles: semantic roles over a palette of named colours. Themes start from
/// the built-in default and override only the palette entries and roles they name, so a theme
/// that renames `accent` recolours every role that uses it.
public struct Theme: Sendable, Equatable {
  /// A colour as a role names it: a palette entry or a colour.
  enum ColorRef: Sendable, Hashable {
    case palette(String)
    case color(ThemeColor)
  }

  /// A role's style before the palette is applied.
  struct StyleSpec: Sendable, Hashable {
    var foreground: ColorRef?
    var background: ColorRef?
    var bold = false
    var dim = false
    var reverse = false
    var underline = false
  }

  public let name: String
  /// Where the theme came from: a file path, or `built-in`.
  public let origin: String
  var palette: [String: ThemeColor]
  var specs: [StyleRole: StyleSpec]

  /// The style of every role, palette applied; roles a theme leaves out look like `screen`.
  public var styles: [StyleRole: ResolvedStyle] {
    var out: [StyleRole: ResolvedStyle] = [:]
    for role in StyleRole.allCases {
      let spec = specs[role] ?? specs[.screen] ?? StyleSpec()
      let screen = specs[.screen]
      var style = ResolvedStyle(
        foreground: resolve(spec.foreground ?? screen?.foreground),
        background: resolve(spec.background ?? screen?.background))
      style.bold = spec.bold
      style.dim = spec.dim
      style.reverse = spec.reverse
      style.underline = spec.underline
      out[role] = style
    }
    return out
  }

  private func resolve(_ ref: ColorRef?) -> ThemeColor {
    switch ref {
    case .none: .terminalDefault
    case .color(let c): c
    case .palette(let name): palette[name] ?? .terminalDefault
    }
  }

  /// True when any role uses a colour other than the terminal's default.
  public var usesColor: Bool {
    styles.values.contains {
      $0.foreground != .terminalDefault || $0.background != .terminalDefault
    }
  }
}
