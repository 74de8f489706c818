import CTextScan
import Foundation

/// Every device's name, serial, user and model held in memory as one lower-cased byte run, so
/// the dashboard finds a filter word in a few milliseconds at 1,000,000 devices; SQL's
/// `LIKE '%word%'` reads every row when few devices match.
///
/// It matches exactly what the SQL text filter matches: a substring of any of the four
/// fields, ASCII letters compared without case (as SQLite's `LIKE` does), other characters
/// byte for byte. Build it with `DeviceTextIndexBuilder`; it describes the store as it was
/// when building started, so the store checks it is still current before using it.
public final class DeviceTextIndex: Sendable {
  /// Field separator and device terminator: a filter word holding either byte is not
  /// searched here (SQL answers it instead).
  static let fieldSeparator: UInt8 = 0x1F
  static let deviceEnd: UInt8 = 0x1E

  /// The four fields of every device in row id order, each followed by a separator.
  private let bytes: [UInt8]
  /// Where each device's text ends in `bytes` (exclusive).
  private let ends: [Int]
  /// Where each device's name (its first field) ends in `bytes`.
  private let nameEnds: [Int]
  /// The first sixteen bytes of each name as two big-endian, zero-padded words: most name
  /// comparisons end here, without reading the name itself from far away in `bytes`.
  private let namePrefixes: [UInt64]
  /// The row id of each device, ascending.
  let ids: [Int64]
  /// Each device's ring, platform, version, state, removal, model and supervision, when the
  /// fleet has few enough combinations of them.
  let facets: DeviceFacetTable?
  /// The devices' positions in the Devices view's name order (NOCASE, then row id), as
  /// SQLite's `devices_by_name` gives it.
  let nameOrder: [Int32]?
  /// False for an index of facets and name order alone (a PostgreSQL store, whose words its
  /// trigram index answers): it matches no word, and every word is left to SQL.
  let holdsText: Bool

  init(
    bytes: [UInt8], ends: [Int], nameEnds: [Int], namePrefixes: [UInt64], ids: [Int64],
    facets: DeviceFacetTable? = nil, nameOrder: [Int32]? = nil, holdsText: Bool = true
  ) {
    self.holdsText = holdsText
    self.facets = facets
    self.nameOrder = nameOrder
    self.bytes = bytes
    self.ends = ends
    self.nameEnds = nameEnds
    self.namePrefixes = namePrefixes
    self.ids = ids
  }

  /// The two words `namePrefixes` holds for a (folded) name.
  static func prefix<C: Collection>(of name: C) -> (UInt64, UInt64) where C.Element == UInt8 {
    func word(_ bytes: C.SubSequence) -> UInt64 {
      var value: UInt64 = 0
      var taken = 0
      for byte in bytes.prefix(8) {
        value = value << 8 | UInt64(byte)
        taken += 1
      }
      return taken == 8 ? value : value << UInt64(8 * (8 - taken))
    }
    return (word(name.prefix(8)), word(name.dropFirst(8)))
  }

  /// The number of devices indexed.
  public var count: Int { ids.count }

  /// The ids of devices whose text contains `word`, ascending, up to `limit` of them; nil when
  /// the word cannot be searched here (empty, or holding a separator byte, or an index without
  /// text).
  public func matches(_ word: String, limit: Int = .max) -> TextMatches? {
    guard holdsText, let needle = Self.needle(word) else { return nil }
    // Two halves scanned at once, on this machine's two cores; the first half's matches
    // come first, so the first `limit` matches are the same as from one scan.
    let halves =
      ends.count < 10_000 ? [0..<ends.count] : [0..<ends.count / 2, ends.count / 2..<ends.count]
    var parts = [Found](repeating: Found(), count: halves.count)
    parts.withUnsafeMutableBufferPointer { results in
      let results = UncheckedBuffer(results)
      DispatchQueue.concurrentPerform(iterations: halves.count) { part in
        results.buffer[part] = scan(for: needle, devices: halves[part], limit: limit)
      }
    }
    var ordinals = parts[0].ordinals
    var complete = parts[0].complete
    for part in parts.dropFirst() where complete {
      let room = limit - ordinals.count
      ordinals += part.ordinals.prefix(room)
      complete = part.complete && part.ordinals.count <= room
    }
    return TextMatches(ordinals: ordinals, complete: complete, idsByOrdinal: ids)
  }

  /// A filter word as the index compares it, ASCII letters folded; nil when it cannot be
  /// searched here (empty, or holding a separator byte).
  static func needle(_ word: String) -> [UInt8]? {
    let needle = Array(word.utf8).map(Self.folded)
    if needle.isEmpty
      || needle.contains(where: { $0 == Self.fieldSeparator || $0 == Self.deviceEnd })
    {
      return nil
    }
    return needle
  }

  /// True when the text of the device at `ordinal` holds every one of `needles` (each from
  /// `needle(_:)`): one device's few dozen bytes read, where `matches` reads every device's.
  func holds(_ needles: [[UInt8]], at ordinal: Int) -> Bool {
    let start = ordinal == 0 ? 0 : ends[ordinal - 1]
    let end = ends[ordinal]
    return bytes.withUnsafeBufferPointer { text in
      needles.allSatisfy { needle in
        needle.withUnsafeBufferPointer { pattern in
          ringside_find(text.baseAddress!, end, pattern.baseAddress!, pattern.count, start) >= 0
        }
      }
    }
  }

  /// One half's matches, as positions in `ids`.
  private struct Found {
    var ordinals: [Int32] = []
    var complete = true
  }

  /// The matches among `devices` (a range of positions), up to `limit`.
  private func scan(for needle: [UInt8], devices: Range<Int>, limit: Int) -> Found {
    guard !devices.isEmpty else { return Found() }
    guard limit > 0 else { return Found(ordinals: [], complete: false) }
    // Room for `limit` matches (at most the whole range); the scan answers one more than the
    // room when further devices match.
    let capacity = min(devices.count, limit)
    var found = [Int32](repeating: 0, count: capacity)
    let matched = bytes.withUnsafeBufferPointer { text in
      ends.withUnsafeBufferPointer { ends in
        needle.withUnsafeBufferPointer { pattern in
          found.withUnsafeMutableBufferPointer { out in
            ends.withMemoryRebound(to: Int64.self) { ends64 in
              ringside_find_records(
                text.baseAddress!, ends64.baseAddress!, devices.lowerBound, devices.upperBound,
                pattern.baseAddress!, pattern.count, out.baseAddress!, capacity)
            }
          }
        }
      }
    }
    found.removeLast(capacity - min(matched, capacity))
    return Found(ordinals: found, complete: matched <= capacity)
  }

  /// The ids of the first `count` of the devices at `ordinals` in name order: names compared
  /// with ASCII letters folded, as SQLite's NOCASE does, then ids; both reversed when
  /// `descending`. Picks them without sorting every match, each half of the matches on its
  /// own core, then merges the two.
  public func firstByName(_ ordinals: [Int32], descending: Bool, count: Int) -> [Int64] {
    guard count > 0, !ordinals.isEmpty else { return [] }
    return bytes.withUnsafeBufferPointer { text in
      ends.withUnsafeBufferPointer { ends in
        nameEnds.withUnsafeBufferPointer { nameEnds in
          namePrefixes.withUnsafeBufferPointer { prefixes in
            let order = NameOrder(
              text: text.baseAddress!, ends: ends.baseAddress!, nameEnds: nameEnds.baseAddress!,
              prefixes: prefixes.baseAddress!, descending: descending)
            let halves =
              ordinals.count < 20_000
              ? [ordinals[...]]
              : [ordinals[..<(ordinals.count / 2)], ordinals[(ordinals.count / 2)...]]
            var firsts = [[Int32]](repeating: [], count: halves.count)
            firsts.withUnsafeMutableBufferPointer { results in
              let results = UncheckedBuffer(results)
              DispatchQueue.concurrentPerform(iterations: halves.count) { half in
                results.buffer[half] = order.first(count, of: halves[half])
              }
            }
            var merged = firsts[0]
            if firsts.count == 2 {
              merged = []
              var i = 0
              var j = 0
              let (a, b) = (firsts[0], firsts[1])
              while merged.count < count && (i < a.count || j < b.count) {
                if j == b.count || (i < a.count && order.precedes(a[i], b[j])) {
                  merged.append(a[i])
                  i += 1
                } else {
                  merged.append(b[j])
                  j += 1
                }
              }
            }
            return merged.map { ids[Int($0)] }
          }
        }
      }
    }
  }

  /// ASCII upper case to lower case, every other byte as it is: SQLite's `LIKE` folding.
  @inline(__always)
  static func folded(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }
}

/// The devices a word matched, as positions in the index: all of them, or the first `limit`
/// when `complete` is false.
public struct TextMatches: Sendable, Equatable {
  public let ordinals: [Int32]
  public let complete: Bool
  /// The index's ids (shared, not copied), to turn positions into row ids when asked.
  let idsByOrdinal: [Int64]

  /// The matched devices' row ids, ascending.
  public var ids: [Int64] { ordinals.map { idsByOrdinal[Int($0)] } }
}

/// Lets the parts of one `concurrentPerform` write their own slot of one buffer.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
  init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

/// The dashboard's name order over the index's devices (SQLite's NOCASE, then row id, both
/// reversed when descending), read straight from the index's buffers.
private struct NameOrder: @unchecked Sendable {
  let text: UnsafePointer<UInt8>
  let ends: UnsafePointer<Int>
  let nameEnds: UnsafePointer<Int>
  let prefixes: UnsafePointer<UInt64>
  let descending: Bool

  func precedes(_ a: Int32, _ b: Int32) -> Bool {
    let i = Int(a)
    let j = Int(b)
    for word in 0..<2 where prefixes[2 * i + word] != prefixes[2 * j + word] {
      let (x, y) = (prefixes[2 * i + word], prefixes[2 * j + word])
      return descending ? x > y : x < y
    }
    let startA = i == 0 ? 0 : ends[i - 1]
    let startB = j == 0 ? 0 : ends[j - 1]
    let lengthA = nameEnds[i] - startA
    let lengthB = nameEnds[j] - startB
    var order = Int(memcmp(text + startA, text + startB, min(lengthA, lengthB)))
    if order == 0 { order = lengthA - lengthB }
    if order == 0 { order = i - j }
    return descending ? order > 0 : order < 0
  }

  /// The first `count` of `ordinals` in this order, sorted, through a heap of the best so
  /// far with the last of them on top.
  func first(_ count: Int, of ordinals: ArraySlice<Int32>) -> [Int32] {
    var heap: [Int32] = []
    heap.reserveCapacity(min(count, ordinals.count))
    for ordinal in ordinals {
      if heap.count < count {
        heap.append(ordinal)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          if !precedes(heap[parent], heap[child]) { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if precedes(ordinal, heap[0]) {
        heap[0] = ordinal
        var parent = 0
        while true {
          let left = 2 * parent + 1
          if left >= heap.count { break }
          var child = left
          if left + 1 < heap.count && precedes(heap[left], heap[left + 1]) { child = left + 1 }
          if !precedes(heap[parent], heap[child]) { break }
          heap.swapAt(parent, child)
          parent = child
        }
      }
    }
    return heap.sorted(by: precedes)
  }
}
