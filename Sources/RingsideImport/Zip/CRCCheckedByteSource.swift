import CZlib

/// Passes bytes through and checks their length and, at the end, their CRC-32 against the zip
/// directory, so a damaged archive is reported instead of imported. An entry producing more
/// bytes than it declares is stopped at once, so inflating never runs past the declared size.
final class CRCCheckedByteSource: ByteSource {
  private let base: ByteSource
  private let expected: UInt32
  private let size: Int64
  private let file: String
  /// zlib's running CRC-32 (it inverts before and after itself).
  private var crc: uLong = 0
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
      if UInt32(truncatingIfNeeded: crc) != expected {
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
    crc = crc32(crc, buffer.baseAddress, uInt(n))
    count += Int64(n)
    return n
  }
}
