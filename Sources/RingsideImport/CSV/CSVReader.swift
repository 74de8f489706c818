import Foundation

/// A streaming RFC 4180 reader: quoted fields with embedded commas, quotes and newlines, CRLF
/// or LF or CR line ends, an optional UTF-8 BOM. It reads 1 MB at a time and keeps one record,
/// so a file of any length runs in constant memory; a record or field past its limit is
/// reported, not buffered: fields past `maxFields` and bytes past `maxRecordBytes` are skipped,
/// so one record never holds more than `maxRecordBytes`.
public final class CSVReader {
  /// A problem with the file as a whole, after which no record can be trusted.
  public enum Failure: Error, Sendable, Equatable {
    /// The file ends inside a quoted field that starts on this line.
    case unterminatedQuote(line: Int)
    case io(ImportIssue)
  }

  /// Where the scanner is within the current field.
  private enum State { case fieldStart, unquoted, quoted, afterQuote }

  private static let quote: UInt8 = 0x22
  private static let comma: UInt8 = 0x2C
  private static let lf: UInt8 = 0x0A
  private static let cr: UInt8 = 0x0D

  private let source: ByteSource
  private var chunk: [UInt8]
  private var position = 0
  private var filled = 0
  private var atEnd = false
  private var state = State.fieldStart
  private var skipLF = false
  private var line = 1
  private var quoteLine = 1
  private var fieldLength = 0
  private var fieldIndex = 0
  private var started = false
  private var checkedBOM = false
  private var bomMatched = 0

  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  /// The longest field kept; longer ones make the record invalid.
  public let maxFieldBytes: Int
  /// The most fields one record may have.
  public let maxFields: Int
  /// The most bytes one record keeps, over all its fields.
  public let maxRecordBytes: Int

  /// The line the current record starts on.
  public private(set) var recordLine = 1
  /// Set when the current record broke a limit or the quoting rules; its fields are partial.
  public private(set) var recordProblem: String?
  /// Bytes consumed so far, for progress.
  public private(set) var bytesRead: Int64 = 0

  public init(
    source: ByteSource, chunkSize: Int = 1 << 20, maxFieldBytes: Int = 1 << 20,
    maxFields: Int = 4096, maxRecordBytes: Int = 8 << 20
  ) {
    self.source = source
    self.chunk = [UInt8](repeating: 0, count: chunkSize)
    self.maxFieldBytes = maxFieldBytes
    self.maxFields = maxFields
    self.maxRecordBytes = maxRecordBytes
    bytes.reserveCapacity(4096)
    ends.reserveCapacity(64)
  }

  /// The number of fields in the current record.
  public var fieldCount: Int { ends.count }

  /// The bytes the current record keeps (never more than `maxRecordBytes`).
  var keptBytes: Int { bytes.count }

  /// Field `index` as text, or nil when it is not valid UTF-8.
  public func string(_ index: Int) -> String? {
    let start = index == 0 ? 0 : ends[index - 1]
    return bytes.withUnsafeBufferPointer { buf in
      String(validating: UnsafeBufferPointer(rebasing: buf[start..<ends[index]]), as: UTF8.self)
    }
  }

  /// Runs `body` on the bytes of field `index`, without making a string.
  public func withBytes<T, E: Error>(
    _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T
  ) throws(E) -> T {
    let start = index == 0 ? 0 : ends[index - 1]
    let end = ends[index]
    return try bytes.withUnsafeBufferPointer { buf throws(E) in
      try body(UnsafeBufferPointer(rebasing: buf[start..<end]))
    }
  }

  /// True when field `index` has no bytes.
  public func isEmpty(_ index: Int) -> Bool {
    ends[index] == (index == 0 ? 0 : ends[index - 1])
  }

  /// Advances to the next record, skipping blank lines; false at the end of the file.
  public func next() throws(Failure) -> Bool {
    while true {
      guard try readRecord() else { return false }
      if ends.count == 1 && ends[0] == 0 && recordProblem == nil { continue }
      return true
    }
  }

  private func readRecord() throws(Failure) -> Bool {
    var out = bytes
    var fieldEnds = ends
    bytes = []
    ends = []
    defer {
      bytes = out
      ends = fieldEnds
    }
    out.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    recordProblem = nil
    state = .fieldStart
    fieldLength = 0
    fieldIndex = 0
    started = false
    recordLine = line
    while true {
      if position == filled {
        try refill()
        if atEnd {
          if state == .quoted { throw .unterminatedQuote(line: quoteLine) }
          if !started { return false }
          endField(&out, &fieldEnds)
          return true
        }
      }
      let done = chunk.withUnsafeBufferPointer { scan($0, &out, &fieldEnds) }
      if done { return true }
    }
  }

  private func refill() throws(Failure) {
    position = 0
    do {
      filled = try chunk.withUnsafeMutableBufferPointer { buf throws(ImportIssue) in
        try source.read(into: buf)
      }
    } catch {
      throw .io(error)
    }
    bytesRead += Int64(filled)
    if filled == 0 { atEnd = true }
  }

  /// Consumes a UTF-8 byte-order mark at the start, even when it spans chunks.
  private func skipBOM(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ out: inout [UInt8]) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    while i < filled && bomMatched < 3 {
      guard buf[i] == bom[bomMatched] else {
        checkedBOM = true
        for k in 0..<bomMatched { appendByte(bom[k], &out) }
        if bomMatched > 0 { state = .unquoted }
        return
      }
      bomMatched += 1
      i += 1
    }
    if bomMatched == 3 { checkedBOM = true }
  }

  /// Consumes bytes of the current chunk; true when a record ended.
  private func scan(
    _ buf: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8], _ fieldEnds: inout [Int]
  ) -> Bool {
    var i = position
    defer { position = i }
    if !checkedBOM {
      skipBOM(buf, &i, &out)
      if !checkedBOM { return false }
    }
    while i < filled {
      let b = buf[i]
      if skipLF {
        skipLF = false
        if b == Self.lf {
          i += 1
          continue
        }
      }
      started = true
      switch state {
      case .fieldStart, .unquoted:
        if state == .fieldStart && b == Self.quote {
          state = .quoted
          quoteLine = line
          i += 1
          continue
        }
        var j = i
        while j < filled {
          let c = buf[j]
          if c == Self.comma || c == Self.lf || c == Self.cr { break }
          j += 1
        }
        if j > i {
          append(buf, i, j, &out)
          state = .unquoted
          i = j
          continue
        }
        i += 1
        if b == Self.comma {
          endField(&out, &fieldEnds)
          continue
        }
        endLine(b)
        endField(&out, &fieldEnds)
        return true
      case .quoted:
        let base = buf.baseAddress!
        let j =
          memchr(base + i, Int32(Self.quote), filled - i).map {
            UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
          } ?? filled
        var k = i
        while k < j, let nl = memchr(base + k, Int32(Self.lf), j - k) {
          line += 1
          k = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        if j > i { append(buf, i, j, &out) }
        i = j
        if i < filled {
          state = .afterQuote
          i += 1
        }
      case .afterQuote:
        i += 1
        if b == Self.quote {
          appendByte(b, &out)
          state = .quoted
        } else if b == Self.comma {
          endField(&out, &fieldEnds)
        } else if b == Self.lf || b == Self.cr {
          endLine(b)
          endField(&out, &fieldEnds)
          return true
        } else {
          if recordProblem == nil {
            recordProblem = "text after the closing quote of field \(fieldEnds.count + 1)"
          }
          appendByte(b, &out)
          state = .unquoted
        }
      }
    }
    return false
  }

  private func endLine(_ b: UInt8) {
    line += 1
    skipLF = b == Self.cr
  }

  private func endField(_ out: inout [UInt8], _ fieldEnds: inout [Int]) {
    if fieldEnds.count >= maxFields {
      if recordProblem == nil { recordProblem = "more than \(maxFields) fields" }
    } else {
      fieldEnds.append(out.count)
    }
    fieldIndex += 1
    state = .fieldStart
    fieldLength = 0
  }

  private func append(
    _ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ out: inout [UInt8]
  ) {
    let n = to - from
    fieldLength += n
    guard keeps(n, out) else { return }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<to]))
  }

  private func appendByte(_ b: UInt8, _ out: inout [UInt8]) {
    fieldLength += 1
    guard keeps(1, out) else { return }
    out.append(b)
  }

  /// False (and the record marked) when `n` more bytes of the current field would break a
  /// limit: a field past `maxFields`, a field past `maxFieldBytes`, a record past
  /// `maxRecordBytes`. Such bytes are dropped, never buffered.
  private func keeps(_ n: Int, _ out: [UInt8]) -> Bool {
    if fieldIndex >= maxFields { return false }
    if fieldLength > maxFieldBytes {
      tooLong()
      return false
    }
    if out.count + n > maxRecordBytes {
      if recordProblem == nil {
        recordProblem = "the record is longer than \(maxRecordBytes / 1024) KB"
      }
      return false
    }
    return true
  }

  private func tooLong() {
    if recordProblem == nil || !(recordProblem!.hasPrefix("field")) {
      recordProblem = "field \(fieldIndex + 1) is longer than \(maxFieldBytes / 1024) KB"
    }
  }
}
