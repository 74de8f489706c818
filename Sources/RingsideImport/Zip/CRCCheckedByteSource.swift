/// Passes bytes through and checks their length and, at the end, their CRC-32 against the zip
/// directory, so a damaged archive is reported instead of imported. An entry producing more
/// bytes than it declares is stopped at once, so inflating never runs past the declared size.
final class CRCCheckedByteSource: ByteSource {
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  private let base: ByteSource
  private let expected: UInt32
  private let size: Int64
  private let file: String
  private var crc: UInt32 = 0xFFFF_FFFF
  private var count: Int64 = 0

  init(_ base: ByteSource, expected: UInt32, size: Int64, file: String) {
    self.base = base
    self.expected = expected
    self.size = size
    self.file = file
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    let n = try base.read(into: buffer)
    if n == 0 {
      if count != size {
        throw ImportIssue(
          SourceLocation(file: file),
          "the entry holds \(count) bytes, the archive says \(size): it is damaged")
      }
      if crc ^ 0xFFFF_FFFF != expected {
        throw ImportIssue(
          SourceLocation(file: file), "the entry's checksum does not match: the archive is damaged")
      }
      return 0
    }
    if count + Int64(n) > size {
      throw ImportIssue(
        SourceLocation(file: file),
        "the entry inflates past the \(size) bytes the archive declares for it: it is damaged "
          + "or a zip bomb, and was not read further")
    }
    var c = crc
    Self.table.withUnsafeBufferPointer { t in
      for k in 0..<n { c = t[Int((c ^ UInt32(buffer[k])) & 0xFF)] ^ (c >> 8) }
    }
    crc = c
    count += Int64(n)
    return n
  }
}
