/// Device, user and model names for the demo fleet, a few with accents, CJK and emoji,
/// because real fleets have them and columns must stay aligned.
enum DemoNames {
  private static let people = [
    "alex", "maria", "jonas", "amélie", "sören", "chloé", "kenji", "yuki", "priya", "omar",
    "lena", "noah", "zoë", "mateo", "ingrid", "wei", "fatima", "lucas", "hana", "jakub",
  ]
  private static let special: [Platform: [String]] = [
    .iOS: ["Zoë’s iPhone", "李明的iPhone", "Łukasz’s iPhone", "テスト端末 7", "Støre 📦 Scanner"],
    .iPadOS: ["山田のiPad", "Café Kiosk iPad", "Élodie’s iPad", "教室 iPad 12", "Lab 🧪 iPad"],
    .macOS: ["Mac 🍎 Lab 3", "José’s MacBook Pro", "Ångström-Air", "Søren’s Mac mini", "会議室 iMac"],
  ]

  static func name(for platform: Platform, index: Int, model: String, rng: inout SplitMix64)
    -> (device: String, user: String?, model: String)
  {
    let person = people[Int(rng.next() % UInt64(people.count))]
    let user = "\(person.folding())\(index % 97)@example.com"
    let kind: String
    switch platform {
    case .iOS: kind = "IPH"
    case .iPadOS: kind = "IPD"
    case .macOS: kind = "MAC"
    }
    if index % 97 == 13 {
      let names = special[platform] ?? []
      return (names[(index / 97) % names.count], user, model)
    }
    return ("RS-\(kind)-\(String(index + 1).leftPadded(to: 6))", user, model)
  }

  /// Unique per index: the index times an odd multiplier prime to 34, modulo 34⁹, in base 34.
  static func serial(index: Int, platform: Platform) -> String {
    let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    let modulus: UInt64 = 34 * 34 * 34 * 34 * 34 * 34 * 34 * 34 * 34
    let n = (UInt64(index) % modulus).multipliedFullWidth(by: 2_654_435_761)
    var value = modulus.dividingFullWidth((n.high, n.low)).remainder
    var digits = ""
    for _ in 0..<9 {
      digits.append(letters[Int(value % 34)])
      value /= 34
    }
    let kind: Character = platform == .macOS ? "M" : "P"
    return "DM" + String(kind) + digits
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }

  /// ASCII-only lowercase, for e-mail local parts.
  func folding() -> String {
    String(
      lowercased().unicodeScalars.compactMap { s -> Character? in
        switch s {
        case "é", "è": "e"
        case "ö", "ø": "o"
        case "ë": "e"
        case "å", "ä": "a"
        default: s.isASCII ? Character(s) : nil
        }
      })
  }
}
