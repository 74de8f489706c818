/// The themes shipped in `Themes/`, compiled in so an installed binary works without them.
/// A test keeps these texts identical to the files.
public enum ShippedThemes {
  /// Theme name to file text, in the order `:theme` lists them.
  public static let all: [(name: String, text: String)] = [
    ("default", defaultText),
    ("high-contrast", highContrastText),
    ("light", lightText),
    ("mono", monoText),
  ]

  /// The text of the shipped theme `name`, or nil.
  public static func text(named name: String) -> String? { all.first { $0.name == name }?.text }

  static let defaultText = #"""
    # Ringside default theme: for dark and light terminals alike, on the terminal's own background.
    #
    # A theme names semantic roles over a palette. Other themes start from this one and override
    # only the palette entries and roles they name; an unknown role is an error.
    #   palette.NAME = COLOR        COLOR: default, black red green yellow blue magenta cyan white,
    #                               bright-NAME, or 0-255
    #   ROLE = [fg:C] [bg:C] [bold] [dim] [reverse] [underline] [plain]   C: a palette name or a COLOR

    palette.fg = default
    palette.bg = default
    palette.bar = blue
    palette.bar-text = bright-white
    palette.accent = cyan
    palette.accent-text = black
    palette.good = green
    palette.warn = yellow
    palette.bad = red
    palette.info = blue
    palette.removed = magenta

    screen = fg:fg bg:bg
    header.bar = fg:bar-text bg:bar
    header.title = fg:bar-text bg:bar bold
    header.tab = fg:bar-text bg:bar
    header.tab.active = fg:accent-text bg:accent bold
    status.bar = fg:bar-text bg:bar
    footer.bar = fg:fg bg:bg
    footer.key = fg:accent bg:bg bold
    section.title = fg:accent bold
    label = dim
    dim = dim
    number = bold
    selected = fg:accent-text bg:accent bold
    table.header = bold underline
    table.header.sorted = fg:accent bold underline
    table.row = plain
    table.selected = fg:accent-text bg:accent
    bar.fill = fg:info
    bar.empty = dim
    progress.fill = fg:good
    state.current = fg:good
    state.rsr-available = fg:warn
    state.pulled-rsr = fg:bad bold
    state.os-update-first = fg:warn
    state.rsr-removed = fg:removed
    state.unknown = dim
    removal.blocked = fg:good
    removal.not-enforced = fg:bad bold
    removal.allowed = plain
    stale = fg:warn
    warning = fg:warn bold
    error = fg:bad bold
    input.prompt = fg:accent bold
    input.text = plain
    overlay = fg:fg bg:bg
    overlay.title = fg:accent bold
    overlay.key = fg:accent bold
    """#

  static let highContrastText = #"""
    # Ringside high-contrast theme: bright colours, bold text and black backgrounds for bars,
    # for projectors, low vision and washed-out terminals.

    palette.fg = bright-white
    palette.bg = black
    palette.bar = black
    palette.bar-text = bright-white
    palette.accent = bright-yellow
    palette.accent-text = black
    palette.good = bright-green
    palette.warn = bright-yellow
    palette.bad = bright-red
    palette.info = bright-cyan
    palette.removed = bright-magenta

    header.bar = fg:bar-text bg:bar bold
    header.tab = fg:bar-text bg:bar bold
    status.bar = fg:bar-text bg:bar bold underline
    label = fg:fg
    dim = fg:fg
    number = fg:fg bold
    table.header = fg:fg bold underline
    table.row = fg:fg
    table.selected = fg:accent-text bg:accent bold
    bar.fill = fg:info bold
    bar.empty = fg:fg
    state.current = fg:good bold
    state.rsr-available = fg:warn bold
    state.os-update-first = fg:warn bold
    state.rsr-removed = fg:removed bold
    state.unknown = fg:fg underline
    removal.blocked = fg:good bold
    removal.allowed = fg:fg
    stale = fg:warn bold
    """#

  static let lightText = #"""
    # Ringside light theme: dark text on a white background, colours chosen to stay readable
    # on white (no yellow text). 256-colour values fall back to the nearest basic colour.

    palette.fg = black
    palette.bg = bright-white
    palette.bar = 24
    palette.bar-text = bright-white
    palette.accent = 25
    palette.accent-text = bright-white
    palette.good = 28
    palette.warn = 130
    palette.bad = 160
    palette.info = 31
    palette.removed = 90

    footer.bar = fg:fg bg:bg
    label = fg:240
    dim = fg:240
    bar.empty = fg:250
    state.unknown = fg:240
    """#

  static let monoText = #"""
    # Ringside monochrome theme: no colours, only bold, underline, dim and reverse video.
    # Chosen automatically when NO_COLOR is set or the terminal has no colours (vt100).

    palette.fg = default
    palette.bg = default
    palette.bar = default
    palette.bar-text = default
    palette.accent = default
    palette.accent-text = default
    palette.good = default
    palette.warn = default
    palette.bad = default
    palette.info = default
    palette.removed = default

    header.bar = reverse
    header.title = reverse bold
    header.tab = reverse
    header.tab.active = bold underline
    status.bar = reverse
    footer.key = bold
    section.title = bold underline
    selected = reverse bold
    table.selected = reverse
    bar.fill = plain
    progress.fill = bold
    state.current = plain
    state.rsr-available = bold
    state.pulled-rsr = bold underline
    state.os-update-first = bold
    state.rsr-removed = underline
    state.unknown = dim
    removal.blocked = plain
    removal.not-enforced = bold underline
    stale = bold
    warning = bold
    error = bold underline
    input.prompt = bold
    """#
}
