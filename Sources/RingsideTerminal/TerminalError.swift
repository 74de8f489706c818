/// Why the dashboard cannot use this terminal.
public enum TerminalError: Error, Sendable, Equatable {
  /// `TERM` is unset, `dumb`, or has no cursor addressing.
  case dumb(String)
  /// No terminfo entry for `TERM`.
  case unknown(String)
  /// Standard input or output is not a terminal.
  case notATerminal
}
