import CZlib

/// Streams the DEFLATE data of a zip entry through the system's zlib, holding only its window
/// and one input buffer, so a large archive entry never sits in memory. How much an entry may
/// inflate to is CRCCheckedByteSource's and ZipArchive's business.
final class Inflater: ByteSource {
  private let input: ByteSource
  private let file: String
  private let stream: UnsafeMutablePointer<z_stream>
  private let inBuffer: UnsafeMutableBufferPointer<UInt8>
  private var ready = false
  private var finished = false

  init(input: ByteSource, file: String) {
    self.input = input
    self.file = file
    // zlib keeps a pointer back to the stream, so it lives at one address for its whole life.
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    inBuffer = .allocate(capacity: 1 << 16)
  }

  deinit {
    if ready { inflateEnd(stream) }
    stream.deinitialize(count: 1)
    stream.deallocate()
    inBuffer.deallocate()
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    guard !finished, let start = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    if !ready {
      guard ringside_inflate_init_raw(stream) == Z_OK else { throw damaged("zlib did not start") }
      ready = true
    }
    stream.pointee.next_out = start
    stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
    let room = Int(stream.pointee.avail_out)
    while Int(stream.pointee.avail_out) == room {
      if stream.pointee.avail_in == 0 {
        let n = try input.read(into: inBuffer)
        guard n > 0 else { throw damaged("it ends before its last block") }
        stream.pointee.next_in = inBuffer.baseAddress
        stream.pointee.avail_in = uInt(n)
      }
      let status = inflate(stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        finished = true
        break
      }
      guard status == Z_OK || status == Z_BUF_ERROR else {
        let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw damaged(reason)
      }
    }
    return room - Int(stream.pointee.avail_out)
  }

  private func damaged(_ reason: String) -> ImportIssue {
    ImportIssue(SourceLocation(file: file), "the compressed data is damaged: \(reason)")
  }
}
