import Foundation
import RingsideDomain
import RingsideStore

/// The filter language evaluated on one device in memory, term by term, written from the
/// README's description and not from the SQL: the reference the store's queries must equal.
enum BruteForceFilter {
  static func holds(_ filter: DeviceFilter, _ record: DeviceRecord, now: Date) -> Bool {
    filter.terms.allSatisfy { holds($0, record, now: now) }
  }

  static func holds(_ term: DeviceFilter.Term, _ record: DeviceRecord, now: Date) -> Bool {
    let d = record.device
    switch term {
    case .text(let word):
      return [d.name, d.serial, d.userName, d.model].contains { contains($0, word) }
    case .os(let version, let mark):
      guard let base = d.version.base else { return false }
      let written = version.components.count
      let same =
        base.major == version.major && (written < 2 || base.minor == version.minor)
        && (written < 3 || base.patch == version.patch)
      return same && (mark.map { d.version.rsr == $0 } ?? true)
    case .ring(let name): return d.ring == name
    case .state(let state): return record.state == state
    case .states(let states): return states.contains(record.state)
    case .removal(let removal): return record.removal == removal
    case .platform(let platform): return d.platform == platform
    case .supervised(let supervised): return d.supervised == supervised
    case .stale(let stale, let days):
      let cutoff = Int(now.timeIntervalSince1970) - days * 86400
      guard let seen = d.lastCheckIn.map({ Int($0.timeIntervalSince1970) }) else { return stale }
      return stale ? seen < cutoff : seen >= cutoff
    case .build(let build):
      return d.version.build?.text == build || d.version.supplementalBuild?.text == build
    case .model(let model): return contains(d.model, model)
    case .source(let source): return d.source.rawValue == source
    case .anyOf(let list):
      return list.contains { $0 == d.serial || $0 == asciiUpper(d.name) }
    case .not(let inner): return !holds(inner, record, now: now)
    case .or(let terms): return terms.contains { holds($0, record, now: now) }
    case .and(let terms): return terms.allSatisfy { holds($0, record, now: now) }
    }
  }

  /// SQL `LIKE`: case folded for ASCII letters only, every other character compared by its
  /// bytes. Not `String.contains`, which takes canonically equivalent texts for equal: KELVIN
  /// SIGN (U+212A) for `K`, a decomposed `é` for a composed one; SQLite tells them apart.
  private static func contains(_ text: String?, _ word: String) -> Bool {
    guard let text else { return false }
    let hay = Array(asciiUpper(text).utf8)
    let needle = Array(asciiUpper(word).utf8)
    guard needle.count <= hay.count else { return false }
    return (0...(hay.count - needle.count)).contains {
      hay[$0..<($0 + needle.count)].elementsEqual(needle)
    }
  }

  private static func asciiUpper(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 }))
  }
}
