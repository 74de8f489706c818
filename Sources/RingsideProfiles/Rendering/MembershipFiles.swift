import RingsideDomain

/// The membership files of a ring whose devices changed: `RING.serials.txt`, one serial per
/// line, for MDMs and scripts that take a serial list, and `RING.members.csv` with a header
/// (`serial,name`) for spreadsheets and bulk tools. Only serials made of letters, digits and
/// `-` (1–64 characters) are written; device names pass through `Sanitized` and CSV quoting,
/// and a name that a spreadsheet would run as a formula gets a leading `'`.
public enum MembershipFiles {
  /// The two kinds of membership file, by their name suffix.
  public static let kinds: [ProfileFile.Kind] = [.serialList, .membersCSV]

  /// The files for every membership, in the order given.
  public static func files(for memberships: [RingMembership]) -> [ProfileFile] {
    memberships.flatMap { membership -> [ProfileFile] in
      let listed = membership.members.compactMap { member -> (String, String)? in
        guard let serial = member.serial, isPlainSerial(serial) else { return nil }
        return (serial, member.name)
      }
      let serials = listed.map { $0.0 + "\n" }.joined()
      let csv = "serial,name\n" + listed.map { field($0.0) + "," + field($0.1) + "\n" }.joined()
      return [
        ProfileFile(ring: membership.ring, kind: .serialList, text: serials),
        ProfileFile(ring: membership.ring, kind: .membersCSV, text: csv),
      ]
    }
  }

  /// How many of the ring's devices cannot be listed (no serial, or one that is not plain).
  public static func unlisted(_ membership: RingMembership) -> Int {
    membership.members.filter { !($0.serial.map(isPlainSerial) ?? false) }.count
  }

  /// The rings whose membership files Ringside wrote before, from the file names it knows:
  /// they are kept up to date on every apply rather than removed.
  public static func rings(inKnownNames names: some Sequence<String>) -> Set<String> {
    var rings: Set<String> = []
    for name in names {
      for kind in kinds where name.hasSuffix("." + kind.rawValue) {
        let ring = String(name.dropLast(kind.rawValue.count + 1))
        if Ring.isValidName(ring) { rings.insert(ring) }
      }
    }
    return rings
  }

  /// True for a serial an MDM import can take as it is.
  public static func isPlainSerial(_ serial: String) -> Bool {
    (1...64).contains(serial.utf8.count)
      && serial.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
      }
  }

  /// One RFC 4180 field: control characters made visible, formula starts defused, quoted
  /// when it holds a comma, quote or line break.
  static func field(_ raw: String) -> String {
    var value = Sanitized.isClean(raw) ? raw : Sanitized.text(raw)
    if let first = value.first, "=+-@".contains(first) { value = "'" + value }
    let special = value.utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
    guard special else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
