import Foundation

/// The size of the terminal on standard output as the kernel reports it: the width of CLI
/// text, and the dashboard's size for its first queries before curses starts.
enum WindowSize {
  static func ofStandardOutput() -> (width: Int, height: Int)? {
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}
