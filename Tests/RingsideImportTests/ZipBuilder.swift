import Foundation

/// Writes small `.zip` files byte by byte for tests, including shapes no real export has:
/// entries declaring a size they do not hold, entries sharing their data.
struct ZipBuilder {
  /// One central-directory record; `headerIndex` picks the local header (and data) it points to.
  struct Record {
    var name: String
    var method: UInt16
    var data: [UInt8]
    var crc: UInt32
    var declaredSize: UInt32
    var headerIndex: Int?
  }

  var records: [Record] = []

  /// A stored entry whose declared size and checksum are right.
  mutating func stored(_ name: String, _ text: String) {
    let bytes = Array(text.utf8)
    records.append(
      Record(
        name: name, method: 0, data: bytes, crc: Self.crc32(bytes),
        declaredSize: UInt32(bytes.count)))
  }

  /// The archive: local headers with data, then the central directory and its end record.
  func bytes() -> [UInt8] {
    var out: [UInt8] = []
    var offsets: [UInt32] = []
    for record in records where record.headerIndex == nil {
      offsets.append(UInt32(out.count))
      out += Self.u32(0x0403_4B50) + Self.u16(20) + Self.u16(0) + Self.u16(record.method)
      out += Self.u32(0) + Self.u32(record.crc) + Self.u32(UInt32(record.data.count))
      out += Self.u32(record.declaredSize) + Self.u16(UInt16(record.name.utf8.count)) + Self.u16(0)
      out += Array(record.name.utf8) + record.data
    }
    let directoryStart = out.count
    var own = 0
    for record in records {
      let offset: UInt32
      if let index = record.headerIndex {
        offset = offsets[index]
      } else {
        offset = offsets[own]
        own += 1
      }
      out += Self.u32(0x0201_4B50) + Self.u16(20) + Self.u16(20) + Self.u16(0)
      out += Self.u16(record.method) + Self.u32(0) + Self.u32(record.crc)
      out += Self.u32(UInt32(record.data.count)) + Self.u32(record.declaredSize)
      out += Self.u16(UInt16(record.name.utf8.count)) + Self.u16(0) + Self.u16(0)
      out += Self.u16(0) + Self.u16(0) + Self.u32(0) + Self.u32(offset) + Array(record.name.utf8)
    }
    let directorySize = out.count - directoryStart
    out += Self.u32(0x0605_4B50) + Self.u16(0) + Self.u16(0)
    out += Self.u16(UInt16(records.count)) + Self.u16(UInt16(records.count))
    out += Self.u32(UInt32(directorySize)) + Self.u32(UInt32(directoryStart)) + Self.u16(0)
    return out
  }

  /// DEFLATE data (one block, fixed Huffman codes) of `byte` repeated 1 + 258 × `runs` times:
  /// a few bytes per megabyte, the core of a zip bomb.
  static func deflatedRepeats(of byte: UInt8, runs: Int) -> [UInt8] {
    var writer = BitWriter()
    writer.bits(1, 1)  // last block
    writer.bits(1, 2)  // fixed Huffman codes
    writer.literal(Int(byte))
    for _ in 0..<runs {
      writer.code(0xC5, length: 8)  // length symbol 285: 258 bytes
      writer.code(0, length: 5)  // distance symbol 0: 1 byte back
    }
    writer.code(0, length: 7)  // end of block
    return writer.finish()
  }

  /// Bits least significant first, Huffman codes most significant first (RFC 1951 3.1.1).
  private struct BitWriter {
    var out: [UInt8] = []
    var current: UInt32 = 0
    var count = 0

    mutating func bits(_ value: UInt32, _ length: Int) {
      for i in 0..<length { push((value >> i) & 1) }
    }

    mutating func code(_ value: UInt32, length: Int) {
      for i in stride(from: length - 1, through: 0, by: -1) { push((value >> i) & 1) }
    }

    mutating func literal(_ value: Int) {
      precondition(value < 144)
      code(UInt32(0x30 + value), length: 8)
    }

    private mutating func push(_ bit: UInt32) {
      current |= bit << count
      count += 1
      if count == 8 {
        out.append(UInt8(current))
        current = 0
        count = 0
      }
    }

    mutating func finish() -> [UInt8] {
      if count > 0 { out.append(UInt8(current)) }
      return out
    }
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }

  private static func u16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  private static func u32(_ v: UInt32) -> [UInt8] { u16(UInt16(v & 0xFFFF)) + u16(UInt16(v >> 16)) }
}
