/// An input opened once (a file, a FIFO, or standard input) whose first bytes are read ahead
/// to decide the format and then handed to the reader again, so nothing is read twice from
/// the system and a pipe works like a file.
final class HeadedSource: ByteSource {
  /// The first bytes, at most the size asked for.
  let head: [UInt8]
  /// True when the whole input fit in `head`.
  let isComplete: Bool
  private let rest: ByteSource
  private var offset = 0

  init(_ source: ByteSource, headSize: Int) throws(ImportIssue) {
    rest = source
    var bytes = [UInt8](repeating: 0, count: headSize)
    var filled = 0
    var ended = false
    // A pipe hands out what it has; keep reading until the head is full or the input ends.
    while filled < headSize {
      let n = try bytes.withUnsafeMutableBufferPointer { b throws(ImportIssue) in
        try source.read(into: UnsafeMutableBufferPointer(rebasing: b[filled...]))
      }
      if n == 0 {
        ended = true
        break
      }
      filled += n
    }
    head = Array(bytes.prefix(filled))
    isComplete = ended
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    if offset < head.count {
      let n = min(buffer.count, head.count - offset)
      head.withUnsafeBufferPointer { h in
        _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<n]).initialize(
          from: UnsafeBufferPointer(rebasing: h[offset..<offset + n]))
      }
      offset += n
      return n
    }
    if isComplete { return 0 }
    return try rest.read(into: buffer)
  }

  /// The rest of the input after the head, appended to it, refusing more than `limit` bytes.
  func readAll(limit: Int, tooLarge: String, file: String) throws(ImportIssue) -> [UInt8] {
    var all = head
    offset = head.count
    if isComplete { return all }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBufferPointer { b throws(ImportIssue) in
        try rest.read(into: b)
      }
      if n == 0 { return all }
      all.append(contentsOf: chunk.prefix(n))
      if all.count > limit { throw ImportIssue(SourceLocation(file: file), tooLarge) }
    }
  }
}
