/// What the dashboard reads from a terminal.
public enum InputEvent: Sendable, Equatable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// Nothing arrived within the timeout.
  case timeout
  /// SIGTERM, SIGHUP or SIGINT arrived: leave now, restoring the terminal.
  case signal(Int32)
  /// No more input will come (the end of a script).
  case end
}

/// A terminal the session draws on and reads from: the ncurses driver, or a headless one
/// for scripts and tests.
public protocol TerminalIO: AnyObject {
  var width: Int { get }
  var height: Int { get }
  /// True when the locale is not UTF-8, so only ASCII may be drawn.
  var asciiOnly: Bool { get }
  func read(timeoutMS: Int) -> InputEvent
  func draw(_ grid: CellGrid)
  func apply(_ theme: Theme)
  /// True when keys already typed should all be taken before the next frame waits for the
  /// store (a person's terminal); false for scripts, whose every key gets its own frame.
  var batchesTypeahead: Bool { get }
  /// True when the terminal may be asked to put text on the clipboard (OSC 52).
  var canSetClipboard: Bool { get }
  /// Asks the terminal to put `text` (already cleaned) on the clipboard.
  func setClipboard(_ text: String)
}

extension TerminalIO {
  public var batchesTypeahead: Bool { false }
  public var canSetClipboard: Bool { false }
  public func setClipboard(_ text: String) {}
}
