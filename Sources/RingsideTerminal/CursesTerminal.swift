import CNcursesw
import Foundation
import RingsideTUI

/// The one ncurses driver: draws only the cells that changed since the last frame, reads
/// keys with a timeout (the dashboard's clock tick), and restores the terminal on exit, on
/// SIGINT, SIGTERM and SIGHUP, and as far as it can after a crash.
public final class CursesTerminal: TerminalIO {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  public let asciiOnly: Bool
  /// False on terminals without colours (vt100), where only attributes show.
  public let supportsColor: Bool
  private var styles: [(attr: attr_t, pair: Int16)] = []
  private var previous: CellGrid?
  private var closed = false
  /// True when `setClipboard` sends OSC 52 (see `TerminalClipboard.isAllowed`).
  public let canSetClipboard: Bool

  /// Checks `term`, then takes over the terminal; `clipboard` allows OSC 52 copies.
  public init(term: String?, clipboard: Bool = false) throws(TerminalError) {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    guard let term, !term.isEmpty, term != "dumb" else { throw .dumb(term ?? "") }
    switch ringside_check_terminal(term) {
    case 1: throw .unknown(term)
    case 2: throw .dumb(term)
    default: break
    }
    asciiOnly = ringside_codeset_is_utf8() == 0
    canSetClipboard = clipboard
    ringside_install_signal_handlers()
    ringside_save_tty()
    guard let screen = ringside_newterm(term), let window = ringside_stdscr() else {
      throw .unknown(term)
    }
    self.screen = screen
    self.window = window
    ringside_capture_restore_sequence()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    supportsColor = has_colors()
    if supportsColor {
      start_color()
      use_default_colors()
    }
  }

  deinit { close() }

  public var width: Int { Int(getmaxx(window)) }
  /// A paste arrives as many keys at once: the session takes them all before a frame.
  public var batchesTypeahead: Bool { true }
  public var height: Int { Int(getmaxy(window)) }

  /// Leaves curses and gives the terminal back as it was.
  public func close() {
    guard !closed else { return }
    closed = true
    // Without an alternate screen (TERM=vt100) the last frame would stay behind the prompt.
    if ringside_has_alternate_screen() == 0 {
      werase(window)
      wrefresh(window)
    }
    endwin()
    delscreen(screen)
    ringside_forget_restore_sequence()
  }

  /// Sends OSC 52 straight to the terminal, after everything curses has drawn; curses keeps
  /// no record of it, as it moves no cursor and draws no cell.
  public func setClipboard(_ text: String) {
    guard canSetClipboard, !closed else { return }
    doupdate()
    fflush(nil)
    TerminalClipboard.write(text, to: STDOUT_FILENO)
  }

  public func read(timeoutMS: Int) -> InputEvent {
    if let signal = pendingSignal() { return .signal(signal) }
    wtimeout(window, Int32(timeoutMS))
    var wch: wint_t = 0
    let rc = wget_wch(window, &wch)
    if let signal = pendingSignal() { return .signal(signal) }
    if rc == KEY_CODE_YES {
      if Int32(wch) == KEY_RESIZE {
        previous = nil
        return .resize(width: width, height: height)
      }
      return CursesKeys.function(Int32(wch)).map(InputEvent.key) ?? .timeout
    }
    if rc == OK { return CursesKeys.character(UInt32(wch)).map(InputEvent.key) ?? .timeout }
    return .timeout
  }

  private func pendingSignal() -> Int32? {
    let signal = ringside_take_signal()
    return signal == 0 ? nil : signal
  }

  public func apply(_ theme: Theme) {
    let resolved = theme.styles
    let colors = Int(ringside_colors())
    let pairs = Int(ringside_color_pairs())
    styles = StyleRole.allCases.map { role in
      let style = resolved[role] ?? ResolvedStyle()
      var attr = ringside_a_normal()
      if style.bold { attr |= ringside_a_bold() }
      if style.dim { attr |= ringside_a_dim() }
      if style.reverse { attr |= ringside_a_reverse() }
      if style.underline { attr |= ringside_a_underline() }
      var pair: Int16 = 0
      let pairNumber = role.index + 1
      if supportsColor, pairNumber < pairs {
        let fg = style.foreground.number(forTerminalColors: colors)
        let bg = style.background.number(forTerminalColors: colors)
        if fg >= 0 || bg >= 0 {
          init_pair(Int16(pairNumber), Int16(fg), Int16(bg))
          pair = Int16(pairNumber)
        }
      }
      return (attr, pair)
    }
    previous = nil
  }

  /// Sends the cells that differ from the last frame, grouped into runs of one role.
  public func draw(_ grid: CellGrid) {
    if previous == nil { werase(window) }
    for run in grid.changedRuns(since: previous) {
      var x = run.x
      let end = run.x + run.width
      while x < end {
        let role = grid[x, run.y].role
        var text = ""
        let start = x
        while x < end, grid[x, run.y].role == role {
          text += grid[x, run.y].text
          x += 1
        }
        let style =
          styles.indices.contains(role.index)
          ? styles[role.index] : (attr: ringside_a_normal(), pair: Int16(0))
        wattr_set(window, style.attr, style.pair, nil)
        mvwaddstr(window, Int32(run.y), Int32(start), text)
      }
    }
    wattr_set(window, ringside_a_normal(), 0, nil)
    wnoutrefresh(window)
    doupdate()
    previous = grid
  }
}
