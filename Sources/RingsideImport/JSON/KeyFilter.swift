import Foundation

/// The member names a reader uses, matched against a name's bytes in the input buffer
/// without building a string for the names it skips (an open-addressing table on FNV-1a).
final class KeyFilter: @unchecked Sendable {
  let names: Set<String>
  private let entries: [(bytes: [UInt8], name: String)]
  /// Entry index + 1 per slot; 0 is empty.
  private let slots: [Int]
  private let mask: Int
  /// Bit n set when a kept name is n bytes long (n < 64): most skipped names are rejected
  /// on their length alone, without hashing.
  private let lengths: UInt64
  private let hasLongNames: Bool

  init(_ names: Set<String>) {
    self.names = names
    let list = names.sorted().map { (Array($0.utf8), $0) }
    entries = list
    var size = 64
    while size < list.count * 4 { size *= 2 }
    mask = size - 1
    var table = [Int](repeating: 0, count: size)
    for (i, e) in list.enumerated() {
      var s = e.0.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & (size - 1)
      while table[s] != 0 { s = (s + 1) & (size - 1) }
      table[s] = i + 1
    }
    slots = table
    lengths = list.reduce(0) { $0 | ($1.0.count < 64 ? 1 << UInt64($1.0.count) : 0) }
    hasLongNames = list.contains { $0.0.count >= 64 }
  }

  /// The kept name spelled by `bytes`, or nil to skip the member.
  func match(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.count < 64 {
      if lengths & (1 << UInt64(bytes.count)) == 0 { return nil }
    } else if !hasLongNames {
      return nil
    }
    var s = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
    while true {
      let k = slots[s]
      if k == 0 { return nil }
      let e = entries[k - 1]
      if e.bytes.count == bytes.count,
        e.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) }
        )
          == 0
      {
        return e.name
      }
      s = (s + 1) & mask
    }
  }

  /// FNV-1a.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }
}
