import Foundation
import RingsideDomain

/// Reads the entry list of a `.zip` and streams one entry, stored or deflated, with its CRC
/// checked at the end. Zip64, encryption and other methods are refused with a reason, and so
/// are the shapes of a zip bomb: entries whose data overlap or nest in one another, CSV entries
/// declaring more than `inflateBudget` bytes in all, and an entry inflating past the size it
/// declares (stopped as soon as it does).
public struct ZipArchive {
  /// One file inside the archive.
  public struct Entry: Sendable, Hashable {
    public let name: String
    let method: UInt16
    let flags: UInt16
    let crc: UInt32
    let compressedSize: Int64
    let size: Int64
    let localHeaderOffset: Int64
    /// Where the entry's data starts, after its local header.
    let dataOffset: Int64
  }

  public let path: String
  public let entries: [Entry]
  /// The most bytes the archive's CSV entries may declare, together.
  public let inflateBudget: Int64
  /// 2 GB: ten times the largest Intune export Ringside is measured with.
  public static let defaultInflateBudget: Int64 = 2 << 30

  /// True when the file starts with a zip local header.
  public static func looksLikeZip(_ prefix: [UInt8]) -> Bool {
    prefix.count >= 4 && prefix[0] == 0x50 && prefix[1] == 0x4B && prefix[2] == 3 && prefix[3] == 4
  }

  /// Reads the central directory of the archive at `path`.
  public init(path: String, inflateBudget: Int64 = ZipArchive.defaultInflateBudget)
    throws(ImportIssue)
  {
    self.path = path
    self.inflateBudget = inflateBudget
    let here = SourceLocation(file: path)
    let handle = FileHandle(forReadingAtPath: path)
    guard let handle else { throw ImportIssue(here, "cannot open the archive", cannotOpen: true) }
    defer { try? handle.close() }
    let size = Int64((try? handle.seekToEnd()) ?? 0)
    let tailLength = min(size, 65_557)
    let tail = Self.read(handle, at: size - tailLength, count: Int(tailLength))
    var eocd: Int?
    var i = tail.count - 22
    while i >= 0 {
      if Self.u32(tail, i) == 0x0605_4B50 {
        eocd = i
        break
      }
      i -= 1
    }
    guard let eocd else {
      throw ImportIssue(here, "no zip directory found: the archive is truncated or damaged")
    }
    let count = Int(Self.u16(tail, eocd + 10))
    let dirSize = Int64(Self.u32(tail, eocd + 12))
    let dirOffset = Int64(Self.u32(tail, eocd + 16))
    if count == 0xFFFF || dirOffset == 0xFFFF_FFFF {
      throw ImportIssue(here, "Zip64 archives are not supported: unzip it and import the .csv")
    }
    guard dirOffset + dirSize <= size else {
      throw ImportIssue(here, "the zip directory points past the end: the archive is truncated")
    }
    let dir = Self.read(handle, at: dirOffset, count: Int(dirSize))
    var entries: [Entry] = []
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= dir.count, Self.u32(dir, p) == 0x0201_4B50 else {
        throw ImportIssue(here, "the zip directory is damaged")
      }
      let nameLength = Int(Self.u16(dir, p + 28))
      let extra = Int(Self.u16(dir, p + 30))
      let comment = Int(Self.u16(dir, p + 32))
      guard p + 46 + nameLength <= dir.count else {
        throw ImportIssue(here, "the zip directory is damaged")
      }
      let name = String(decoding: dir[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      let offset = Int64(Self.u32(dir, p + 42))
      let header = Self.read(handle, at: offset, count: 30)
      guard header.count == 30, Self.u32(header, 0) == 0x0403_4B50 else {
        throw ImportIssue(
          SourceLocation(file: "\(path)!\(Sanitized.text(name, limit: 200))"),
          "the entry's header is damaged")
      }
      entries.append(
        Entry(
          name: name, method: Self.u16(dir, p + 10), flags: Self.u16(dir, p + 8),
          crc: Self.u32(dir, p + 16),
          compressedSize: Int64(Self.u32(dir, p + 20)), size: Int64(Self.u32(dir, p + 24)),
          localHeaderOffset: offset,
          dataOffset: offset + 30 + Int64(Self.u16(header, 26)) + Int64(Self.u16(header, 28))))
      p += 46 + nameLength + extra + comment
    }
    try Self.refuseOverlaps(entries, directoryOffset: dirOffset, here: here)
    self.entries = entries
    let declared = csvEntries.reduce(Int64(0)) { $0 + $1.size }
    if declared > inflateBudget {
      throw ImportIssue(
        here,
        "the archive's CSV files would inflate to \(Self.size(declared)), more than the "
          + "\(Self.size(inflateBudget)) limit: unzip it and import the .csv files one by one")
    }
  }

  /// "12 MB", or "900 bytes" below a megabyte.
  static func size(_ bytes: Int64) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }

  /// Refuses entries whose bytes overlap or nest in another's, or run into the directory: a
  /// real export never has them, and they let a small file inflate many times over.
  private static func refuseOverlaps(
    _ entries: [Entry], directoryOffset: Int64, here: SourceLocation
  ) throws(ImportIssue) {
    let spans = entries.map { (entry: $0, end: $0.dataOffset + $0.compressedSize) }
      .sorted { $0.entry.localHeaderOffset < $1.entry.localHeaderOffset }
    for (index, span) in spans.enumerated() {
      if span.end > directoryOffset {
        throw ImportIssue(
          here,
          "the entry \(Sanitized.text(span.entry.name, limit: 200)) runs into the zip "
            + "directory: the archive is damaged")
      }
      guard index + 1 < spans.count else { continue }
      let next = spans[index + 1].entry
      if span.end > next.localHeaderOffset {
        throw ImportIssue(
          here,
          "the entries \(Sanitized.text(span.entry.name, limit: 200)) and "
            + "\(Sanitized.text(next.name, limit: 200)) overlap; overlapping or nested "
            + "entries are refused")
      }
    }
  }

  /// The entries that are CSV files, leaving out folders and macOS resource forks.
  public var csvEntries: [Entry] {
    entries.filter {
      $0.name.lowercased().hasSuffix(".csv") && !$0.name.hasPrefix("__MACOSX/")
        && !$0.name.hasSuffix("/")
    }
  }

  /// A stream of the entry's uncompressed bytes.
  public func open(_ entry: Entry) throws(ImportIssue) -> ByteSource {
    let here = SourceLocation(file: "\(path)!\(entry.name)")
    if entry.flags & 1 != 0 {
      throw ImportIssue(here, "the entry is encrypted; export it without a password")
    }
    if entry.compressedSize == 0xFFFF_FFFF || entry.size == 0xFFFF_FFFF {
      throw ImportIssue(here, "Zip64 entries are not supported: unzip it and import the .csv")
    }
    let file = try FileByteSource(path: path)
    file.seek(to: entry.dataOffset)
    let raw = LimitedByteSource(file, limit: entry.compressedSize)
    let body: ByteSource
    switch entry.method {
    case 0: body = raw
    case 8: body = Inflater(input: raw, file: here.file)
    default:
      throw ImportIssue(
        here, "compression method \(entry.method) is not supported (only stored and deflate)")
    }
    return CRCCheckedByteSource(body, expected: entry.crc, size: entry.size, file: here.file)
  }

  private static func read(_ handle: FileHandle, at offset: Int64, count: Int) -> [UInt8] {
    guard offset >= 0, (try? handle.seek(toOffset: UInt64(offset))) != nil else { return [] }
    return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
  }

  static func u16(_ b: some RandomAccessCollection<UInt8>, _ i: Int) -> UInt16 {
    let s = b.index(b.startIndex, offsetBy: i)
    return UInt16(b[s]) | UInt16(b[b.index(after: s)]) << 8
  }

  static func u32(_ b: some RandomAccessCollection<UInt8>, _ i: Int) -> UInt32 {
    UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16
  }
}

/// Hands out at most `limit` bytes of another source.
final class LimitedByteSource: ByteSource {
  private let base: ByteSource
  private var left: Int64

  init(_ base: ByteSource, limit: Int64) {
    self.base = base
    self.left = limit
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ImportIssue) -> Int {
    guard left > 0 else { return 0 }
    let want = Int(min(Int64(buffer.count), left))
    let n = try base.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<want]))
    left -= Int64(n)
    return n
  }
}
