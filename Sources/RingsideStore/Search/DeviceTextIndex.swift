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
  /// The row id of each device, ascending.
  let ids: [Int64]

  init(bytes: [UInt8], ends: [Int], ids: [Int64]) {
    self.bytes = bytes
    self.ends = ends
    self.ids = ids
  }

  /// The number of devices indexed.
  public var count: Int { ids.count }

  /// The ids of devices whose text contains `word`, ascending, up to `limit` of them; nil when
  /// the word cannot be searched here (empty, or holding a separator byte).
  public func matches(_ word: String, limit: Int = .max) -> TextMatches? {
    let needle = Array(word.utf8).map(Self.folded)
    if needle.isEmpty
      || needle.contains(where: { $0 == Self.fieldSeparator || $0 == Self.deviceEnd })
    {
      return nil
    }
    // Two halves scanned at once, on this machine's two cores; the first half's matches
    // come first, so the first `limit` matches are the same as from one scan.
    let halves =
      ends.count < 10_000 ? [0..<ends.count] : [0..<ends.count / 2, ends.count / 2..<ends.count]
    var parts = [TextMatches](repeating: TextMatches(ids: [], complete: true), count: halves.count)
    parts.withUnsafeMutableBufferPointer { results in
      let results = UncheckedBuffer(results)
      DispatchQueue.concurrentPerform(iterations: halves.count) { part in
        results.buffer[part] = scan(for: needle, devices: halves[part], limit: limit)
      }
    }
    var ids = parts[0].ids
    var complete = parts[0].complete
    for part in parts.dropFirst() where complete {
      let room = limit - ids.count
      ids += part.ids.prefix(room)
      complete = part.complete && part.ids.count <= room
    }
    return TextMatches(ids: ids, complete: complete)
  }

  /// The matches among `devices` (a range of positions), up to `limit`.
  private func scan(for needle: [UInt8], devices: Range<Int>, limit: Int) -> TextMatches {
    guard !devices.isEmpty else { return TextMatches(ids: [], complete: true) }
    var found: [Int64] = []
    var complete = true
    bytes.withUnsafeBufferPointer { all in
      let end = ends[devices.upperBound - 1]
      let text = UnsafeBufferPointer(rebasing: all[..<end])
      needle.withUnsafeBufferPointer { pattern in
        var start = devices.lowerBound == 0 ? 0 : ends[devices.lowerBound - 1]
        var device = devices.lowerBound
        while let hit = Self.firstOccurrence(of: pattern, in: text, from: start) {
          if found.count == limit {
            complete = false
            return
          }
          device = deviceIndex(containing: hit, from: device)
          found.append(ids[device])
          start = ends[device]
        }
      }
    }
    return TextMatches(ids: found, complete: complete)
  }

  /// The device whose text holds byte `offset`, at or after device `first`: often the very
  /// next one when many devices match, else found by halving.
  private func deviceIndex(containing offset: Int, from first: Int) -> Int {
    if ends[first] > offset { return first }
    if first + 1 < ends.count && ends[first + 1] > offset { return first + 1 }
    var low = first + 1
    var high = ends.count - 1
    while low < high {
      let mid = (low + high) / 2
      if ends[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The first position at or after `start` where `pattern` occurs.
  static func firstOccurrence(
    of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let base = text.baseAddress, let p = pattern.baseAddress else { return nil }
    let at = ringside_find(base, text.count, p, pattern.count, start)
    return at < 0 ? nil : at
  }

  /// ASCII upper case to lower case, every other byte as it is: SQLite's `LIKE` folding.
  @inline(__always)
  static func folded(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }
}

/// The devices a word matched: all of them, or the first `limit` when `complete` is false.
public struct TextMatches: Sendable, Equatable {
  public let ids: [Int64]
  public let complete: Bool
}

/// Lets the parts of one `concurrentPerform` write their own slot of one buffer.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
  init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
