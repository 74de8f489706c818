import RingsideDomain

/// The devices one input file lists more than once. The same record again (the same source
/// id) means the export repeats records, as Jamf's pages do when the inventory changes while
/// they are fetched, and others may be missing: a warning. Another record of the device (a
/// second enrolment the MDM keeps, such as Intune's stale record after a re-enrolment) is
/// ordinary: a note. Either way the device is stored once, the newest check-in winning, and
/// the repeats are counted apart from the added, updated and unchanged devices.
///
/// One entry per device the file names, by its store row id (some 25 bytes each), cleared
/// at the next file.
struct FileRepeats {
  /// How the first record of a device was counted, and which source id it carried, packed in
  /// 32 bits (a 1M-device file: some 25 MB of dictionary instead of 50): the source id's
  /// fingerprint in the high 31, whether it counted as unchanged in the lowest.
  private struct First {
    let packed: UInt32

    init(idPrint: UInt32, countedUnchanged: Bool) {
      packed = idPrint << 1 | (countedUnchanged ? 1 : 0)
    }

    var idPrint: UInt32 { packed >> 1 }
    var countedUnchanged: Bool { packed & 1 == 1 }
  }

  /// A device listed more than once, for the messages.
  private struct Repeated {
    let key: String
    let name: String
    /// Its place among the repeated devices of the file.
    let order: Int
    var times = 1
    /// Where the first few repeats sit.
    var again: [SourceLocation] = []
  }

  /// Devices named in the messages, per kind; the others are counted.
  static let shown = 5

  private var firsts: [Int64: First] = [:]
  private var sameRecord: [Int64: Repeated] = [:]
  private var otherRecord: [Int64: Repeated] = [:]

  /// What a record means for the counts.
  enum Outcome: Equatable {
    /// The first record of the device in this file.
    case first
    /// A repeat; `upgradesUnchanged` when it changed a device its first record left unchanged,
    /// so that device now counts as updated.
    case repeated(upgradesUnchanged: Bool)
  }

  /// Notes record `r` of stored device `id` (merge key `key`); `changed` tells whether the
  /// merge changed the stored device.
  mutating func note(id: Int64, record r: ImportRecord, key: String, changed: Bool) -> Outcome {
    let idPrint = Self.fingerprint(r.sourceID)
    guard let first = firsts[id] else {
      firsts[id] = First(idPrint: idPrint, countedUnchanged: !changed)
      return .first
    }
    let upgrades = first.countedUnchanged && changed
    if upgrades { firsts[id] = First(idPrint: first.idPrint, countedUnchanged: false) }
    let order = sameRecord.count + otherRecord.count
    let fresh = Repeated(key: key, name: r.name, order: order)
    if idPrint == first.idPrint {
      Self.count(&sameRecord[id, default: fresh], at: r.location)
    } else {
      Self.count(&otherRecord[id, default: fresh], at: r.location)
    }
    return .repeated(upgradesUnchanged: upgrades)
  }

  private static func count(_ r: inout Repeated, at location: SourceLocation) {
    r.times += 1
    if r.again.count < 3 { r.again.append(location) }
  }

  /// The warning and note for `file`, once it is read; nil for a kind with no repeats.
  func messages(file: String) -> (warning: String?, note: String?) {
    let name = Sanitized.text(file, limit: 200)
    var warning: String?
    if !sameRecord.isEmpty {
      warning =
        "\(name): the same record of \(Self.devices(sameRecord.count)) appears more than once: "
        + Self.list(sameRecord)
        + ". Each device was stored once, from its newest check-in; an export that repeats records may have left others out (pages fetched while the inventory changed?): fetch it again."
    }
    var note: String?
    if !otherRecord.isEmpty {
      note =
        "\(name): \(Self.devices(otherRecord.count)) \(otherRecord.count == 1 ? "is" : "are") listed under more than one id (an old enrolment the MDM still keeps?): "
        + Self.list(otherRecord) + ". Each device was stored once, from its newest check-in."
    }
    return (warning, note)
  }

  /// "5C28FDAE (Banezicron) 3 times (again at results[1], results[2])", the first few, then
  /// how many more.
  private static func list(_ repeats: [Int64: Repeated]) -> String {
    let named = repeats.values.sorted { $0.order < $1.order }.prefix(shown)
    var parts = named.map { r in
      let label =
        r.key == r.name
        ? Sanitized.text(r.key, limit: 60)
        : "\(Sanitized.text(r.key, limit: 60)) (\(Sanitized.text(r.name, limit: 60)))"
      let places = r.again.map { $0.path ?? $0.line.map { "line \($0)" } ?? "" }
        .filter { !$0.isEmpty }.map { Sanitized.text($0, limit: 60) }
      return "\(label) \(r.times) times"
        + (places.isEmpty ? "" : " (again at \(places.joined(separator: ", ")))")
    }
    if repeats.count > named.count { parts.append("and \(repeats.count - named.count) more") }
    return parts.joined(separator: "; ")
  }

  /// "1 device", "2 devices".
  static func devices(_ n: Int) -> String { n == 1 ? "1 device" : "\(n) devices" }

  /// A source id reduced to a number: equal ids give equal numbers within one import.
  private static func fingerprint(_ id: String?) -> UInt32 {
    var h = Hasher()
    h.combine(id)
    return UInt32(truncatingIfNeeded: h.finalize()) >> 1
  }
}
