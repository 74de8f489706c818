import Foundation

/// How far an import has read, for a progress line: records so far, and the bytes of the input
/// files read against their total when every input is a plain file (a pipe or a zip archive has
/// no total that the bytes read could be compared with).
public final class ImportProgress: @unchecked Sendable {
  public private(set) var records = 0
  public private(set) var bytesRead: Int64 = 0
  /// The input files' total size; nil when some input has no total.
  public private(set) var totalBytes: Int64?
  private let started: DispatchTime

  init(totalBytes: Int64?) {
    self.totalBytes = totalBytes
    started = .now()
  }

  /// 0–100 when the total is known.
  public var percent: Int? {
    guard let totalBytes, totalBytes > 0 else { return nil }
    return Int(min(100, bytesRead * 100 / totalBytes))
  }

  /// Records per second since the import started.
  public var recordsPerSecond: Int {
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    return seconds > 0 ? Int(Double(records) / seconds) : 0
  }

  func counted(bytes: Int) { bytesRead += Int64(bytes) }
  func counted(records: Int) { self.records = records }
  func totalUnknown() { totalBytes = nil }
}

/// Passes bytes through and counts them for the progress line.
final class CountingByteSource: ByteSource {
  private let base: ByteSource
  private let progress: ImportProgress

  init(_ base: ByteSource, progress: ImportProgress) {
    self.base = base
    self.progress = progress
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    let n = try base.read(into: buffer)
    progress.counted(bytes: n)
    return n
  }
}
