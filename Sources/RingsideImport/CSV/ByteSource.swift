import Foundation

/// Something that hands out a file's bytes chunk by chunk, so no reader holds a whole file.
public protocol ByteSource: AnyObject {
  /// Fills up to `buffer.count` bytes and returns how many; 0 means the end.
  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int
}

/// Reads a file with `read(2)`.
public final class FileByteSource: ByteSource {
  private let fd: Int32
  private let path: String

  /// Opens `path` for reading; the error names the file and what the system said.
  public init(path: String) throws(ImportIssue) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      throw ImportIssue(
        SourceLocation(file: path), "cannot open: \(String(cString: strerror(errno)))",
        cannotOpen: true)
    }
  }

  /// Reads an already open descriptor (standard input, a pipe), which it closes when done.
  public init(descriptor: Int32, name: String) {
    fd = descriptor
    path = name
  }

  deinit { close(fd) }

  public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    while true {
      let n = Foundation.read(fd, buffer.baseAddress, buffer.count)
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw ImportIssue(
        SourceLocation(file: path), "cannot read: \(String(cString: strerror(errno)))")
    }
  }

  /// Moves to `offset` bytes from the start.
  public func seek(to offset: Int64) {
    lseek(fd, off_t(offset), SEEK_SET)
  }
}

/// Bytes already in memory, for tests and small inputs.
public final class DataByteSource: ByteSource {
  private let bytes: [UInt8]
  private var offset = 0

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    let n = min(buffer.count, bytes.count - offset)
    for k in 0..<n { buffer[k] = bytes[offset + k] }
    offset += n
    return n
  }
}
