import Foundation
import RingsideDomain

/// Copying text to the clipboard through the terminal: the OSC 52 sequence
/// (`ESC ] 52 ; c ; base64 ESC \`), which xterm, iTerm2, kitty, WezTerm, Windows Terminal and
/// tmux (`set-clipboard on`) understand, also over SSH. Whether to send it at all depends on
/// the terminal and on `RINGSIDE_CLIPBOARD`.
public enum TerminalClipboard {
  /// The environment setting that turns copying off: `off`, `no`, `0` or `false`.
  public static let environmentKey = "RINGSIDE_CLIPBOARD"
  /// Text longer than this (in bytes) is never sent: a serial number is a few dozen at most.
  public static let maxBytes = 256

  /// True when OSC 52 may be sent: not turned off in the environment, and not a terminal
  /// known to show the sequence as text or to lack it (dumb, vt100 and relatives, the Linux
  /// console).
  public static func isAllowed(term: String?, environment: [String: String]) -> Bool {
    if let setting = environment[environmentKey]?.lowercased(),
      ["off", "no", "0", "false"].contains(setting)
    {
      return false
    }
    guard let term = term?.lowercased(), !term.isEmpty else { return false }
    if term == "dumb" || term == "linux" || term == "cons25" || term.hasPrefix("vt") {
      return false
    }
    return true
  }

  /// The exact bytes that ask the terminal to put `text` on the clipboard.
  public static func sequence(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8)
      + Array("\u{1B}\\".utf8)
  }

  /// `raw` with every control and format character left out and the ends trimmed, so
  /// neither the clipboard nor the status line gets a sequence from outside; nil when
  /// nothing is left or it is too long to be a serial number.
  public static func cleaned(_ raw: String) -> String? {
    let kept = raw.unicodeScalars.filter { Sanitized.isClean(String($0)) }
    let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, text.utf8.count <= maxBytes else { return nil }
    return text
  }

  /// Writes the sequence for `text` to `fd` whole (retrying short writes and interrupts);
  /// false when the descriptor refuses it.
  @discardableResult
  public static func write(_ text: String, to fd: Int32) -> Bool {
    let bytes = sequence(text)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += n
    }
    return true
  }
}
