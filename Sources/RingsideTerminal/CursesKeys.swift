import CNcursesw
import RingsideTUI

/// Translates what `wget_wch` returns into dashboard keys.
enum CursesKeys {
  static func function(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_HOME: .home
    case KEY_END: .end
    case KEY_BTAB: .backTab
    case KEY_BACKSPACE: .backspace
    case KEY_DC: .delete
    case KEY_ENTER: .enter
    default:
      (1...24).first { ringside_key_f(Int32($0)) == code }.map { Key.function($0) }
    }
  }

  static func character(_ value: UInt32) -> Key? {
    switch value {
    case 10, 13: return .enter
    case 27: return .escape
    case 9: return .tab
    case 8, 127: return .backspace
    case 1...26: return .control(Character(UnicodeScalar(value + 96)!))
    case 0..<32: return nil
    default: return UnicodeScalar(value).map { .character(Character($0)) }
    }
  }
}
