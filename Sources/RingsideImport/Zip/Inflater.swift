/// A streaming DEFLATE (RFC 1951) decoder for the `.zip` Intune delivers: it keeps only the
/// 32 KB window and the bytes not yet handed out, so a large archive entry never sits in memory.
final class Inflater: ByteSource {
  /// Why the compressed data could not be decoded.
  struct Damaged: Error {
    let reason: String
  }

  /// A canonical Huffman code as counts per length and symbols in code order (RFC 1951 3.2.2).
  private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int]

    init(lengths: ArraySlice<Int>) throws(Damaged) {
      symbols = [Int](repeating: 0, count: lengths.count)
      for l in lengths { counts[l] += 1 }
      counts[0] = 0
      var left = 1
      for len in 1...15 {
        left <<= 1
        left -= counts[len]
        if left < 0 { throw Damaged(reason: "an over-subscribed Huffman code") }
      }
      var offsets = [Int](repeating: 0, count: 16)
      for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
      for (symbol, l) in lengths.enumerated() where l != 0 {
        symbols[offsets[l]] = symbol
        offsets[l] += 1
      }
    }
  }

  /// What the decoder expects next.
  private enum Block {
    case header
    case stored(remaining: Int)
    case coded(Huffman, Huffman)
    case done
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  private let input: ByteSource
  private let file: String
  private var inBuffer = [UInt8](repeating: 0, count: 1 << 16)
  private var inPosition = 0
  private var inFilled = 0
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0
  private var block = Block.header
  private var lastBlock = false
  private var output: [UInt8] = []
  private var delivered = 0

  init(input: ByteSource, file: String) {
    self.input = input
    self.file = file
    output.reserveCapacity(1 << 18)
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    do {
      while output.count - delivered < buffer.count {
        if case .done = block { break }
        try decode(upTo: output.count + (1 << 16))
      }
    } catch {
      throw ImportIssue(
        SourceLocation(file: file), "the compressed data is damaged: \(error.reason)")
    }
    let n = min(buffer.count, output.count - delivered)
    output.withUnsafeBufferPointer { src in
      for k in 0..<n { buffer[k] = src[delivered + k] }
    }
    delivered += n
    let keep = 1 << 15
    if delivered > 1 << 17 && output.count > keep {
      let drop = min(delivered, output.count - keep)
      output.removeFirst(drop)
      delivered -= drop
    }
    return n
  }

  private func byte() throws(Damaged) -> UInt64 {
    if inPosition == inFilled {
      inPosition = 0
      do {
        inFilled = try inBuffer.withUnsafeMutableBufferPointer { b throws(ImportIssue) in
          try input.read(into: b)
        }
      } catch {
        throw Damaged(reason: error.reason)
      }
      if inFilled == 0 { throw Damaged(reason: "it ends early (truncated?)") }
    }
    defer { inPosition += 1 }
    return UInt64(inBuffer[inPosition])
  }

  private func bits(_ n: Int) throws(Damaged) -> Int {
    while bitCount < n {
      bitBuffer |= try byte() << UInt64(bitCount)
      bitCount += 8
    }
    let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
    bitBuffer >>= UInt64(n)
    bitCount -= n
    return value
  }

  private func symbol(_ h: Huffman) throws(Damaged) -> Int {
    var code = 0
    var first = 0
    var index = 0
    for len in 1...15 {
      code |= try bits(1)
      let count = h.counts[len]
      if code - count < first { return h.symbols[index + (code - first)] }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw Damaged(reason: "an invalid Huffman code")
  }

  private func decode(upTo target: Int) throws(Damaged) {
    while output.count < target {
      switch block {
      case .done: return
      case .header:
        if lastBlock {
          block = .done
          return
        }
        lastBlock = try bits(1) == 1
        switch try bits(2) {
        case 0:
          bitBuffer = 0
          bitCount = 0
          let len = Int(try byte()) | Int(try byte()) << 8
          let nlen = Int(try byte()) | Int(try byte()) << 8
          guard len == ~nlen & 0xFFFF else {
            throw Damaged(reason: "a stored block length mismatch")
          }
          block = .stored(remaining: len)
        case 1: block = .coded(try Self.fixed(), try Self.fixedDistance())
        case 2: block = try dynamic()
        default: throw Damaged(reason: "an invalid block type")
        }
      case .stored(let remaining):
        let n = min(remaining, target - output.count)
        for _ in 0..<n { output.append(UInt8(try byte())) }
        block = remaining - n == 0 ? .header : .stored(remaining: remaining - n)
      case .coded(let lit, let dist):
        while output.count < target {
          let s = try symbol(lit)
          if s < 256 {
            output.append(UInt8(s))
          } else if s == 256 {
            block = .header
            break
          } else {
            let li = s - 257
            guard li < 29 else { throw Damaged(reason: "an invalid length code") }
            let length = Self.lengthBase[li] + (try bits(Self.lengthExtra[li]))
            let di = try symbol(dist)
            guard di < 30 else { throw Damaged(reason: "an invalid distance code") }
            let distance = Self.distanceBase[di] + (try bits(Self.distanceExtra[di]))
            guard distance <= output.count else { throw Damaged(reason: "a distance too far back") }
            var from = output.count - distance
            for _ in 0..<length {
              output.append(output[from])
              from += 1
            }
          }
        }
      }
    }
  }

  private static func fixed() throws(Damaged) -> Huffman {
    var lengths = [Int](repeating: 8, count: 288)
    for i in 144..<256 { lengths[i] = 9 }
    for i in 256..<280 { lengths[i] = 7 }
    return try Huffman(lengths: lengths[...])
  }

  private static func fixedDistance() throws(Damaged) -> Huffman {
    try Huffman(lengths: [Int](repeating: 5, count: 30)[...])
  }

  private func dynamic() throws(Damaged) -> Block {
    let nlen = try bits(5) + 257
    let ndist = try bits(5) + 1
    let ncode = try bits(4) + 4
    guard nlen <= 286, ndist <= 30 else {
      throw Damaged(reason: "too many length or distance codes")
    }
    var codeLengths = [Int](repeating: 0, count: 19)
    for i in 0..<ncode { codeLengths[Self.codeLengthOrder[i]] = try bits(3) }
    let lencode = try Huffman(lengths: codeLengths[...])
    var lengths = [Int](repeating: 0, count: nlen + ndist)
    var index = 0
    while index < nlen + ndist {
      let s = try symbol(lencode)
      if s < 16 {
        lengths[index] = s
        index += 1
        continue
      }
      var value = 0
      let repeatCount: Int
      switch s {
      case 16:
        guard index > 0 else { throw Damaged(reason: "a repeat with no previous length") }
        value = lengths[index - 1]
        repeatCount = 3 + (try bits(2))
      case 17: repeatCount = 3 + (try bits(3))
      default: repeatCount = 11 + (try bits(7))
      }
      guard index + repeatCount <= nlen + ndist else {
        throw Damaged(reason: "too many code lengths")
      }
      for _ in 0..<repeatCount {
        lengths[index] = value
        index += 1
      }
    }
    guard lengths[256] != 0 else { throw Damaged(reason: "no end-of-block code") }
    return .coded(try Huffman(lengths: lengths[0..<nlen]), try Huffman(lengths: lengths[nlen...]))
  }
}
