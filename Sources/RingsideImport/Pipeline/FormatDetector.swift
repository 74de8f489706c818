import Foundation
import RingsideDomain

/// An input file with its format decided and its readers ready.
struct OpenedInput {
  let format: ImportFormat
  /// Why auto-detection chose the format, or "as asked" with `--format`.
  let reason: String
  let readers: [FormatReader]
}

/// Decides an input's format from its content, never its name, and opens the matching reader.
/// Every input is opened once: its first 64 KB decide the format and are then replayed to the
/// reader, so standard input (`-`), `/dev/stdin` and FIFOs work like files.
enum FormatDetector {
  /// The name that means standard input.
  static let standardInput = "-"
  static let headSize = 1 << 16

  /// How `path` is shown in messages: standard input as `<stdin>`.
  static func displayName(_ path: String, names: [String: String] = [:]) -> String {
    names[path] ?? (path == standardInput ? "<stdin>" : path)
  }

  /// Opens `path` as `format`, or detects it when `format` is nil. `now` stands for when an MDM
  /// response read from a pipe was sent (a file's modification time stands for it otherwise).
  static func open(
    _ path: String, format: ImportFormat?, now: Date = Date(), progress: ImportProgress? = nil,
    names: [String: String] = [:]
  ) throws(ImportIssue) -> OpenedInput {
    let name = displayName(path, names: names)
    let here = SourceLocation(file: name)
    var isRegular = false
    var modified: Date? = now
    let raw: ByteSource
    if path == standardInput {
      raw = FileByteSource(descriptor: dup(0), name: name)
    } else {
      var info = stat()
      guard stat(path, &info) == 0 else {
        if errno == ENOENT { throw ImportIssue(here, "no such file", cannotOpen: true) }
        throw ImportIssue(
          here, "cannot open: \(String(cString: strerror(errno)))", cannotOpen: true)
      }
      if info.st_mode & S_IFMT == S_IFDIR {
        throw ImportIssue(here, "is a folder; name the files inside it")
      }
      isRegular = info.st_mode & S_IFMT == S_IFREG
      modified = Date(
        timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
      raw = try FileByteSource(path: path)
    }
    let counted: ByteSource = progress.map { CountingByteSource(raw, progress: $0) } ?? raw
    let input = try HeadedSource(counted, headSize: headSize)
    let prefix = input.head
    if prefix.isEmpty {
      throw ImportIssue(
        here, path == standardInput ? "standard input is empty" : "the file is empty")
    }
    if ZipArchive.looksLikeZip(prefix) {
      guard isRegular else {
        throw ImportIssue(
          here, "is a .zip archive, which cannot be read from a pipe: save it to a file first")
      }
      progress?.totalUnknown()
      return try zip(path, format: format)
    }
    if let issue = encodingProblem(prefix, file: name), !isBinaryPlist(prefix) { throw issue }
    let first = prefix.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
    let isPlist =
      isBinaryPlist(prefix)
      || (first == 0x3C && String(decoding: prefix, as: UTF8.self).contains("<plist"))
    if format == .mdmPlist || (format == nil && isPlist) {
      let bytes = try input.readAll(
        limit: PlistFile.maxBytes,
        tooLarge:
          "property lists over \(PlistFile.maxBytes >> 20) MB are not read: save the responses in several files",
        file: name)
      let top = try PlistFile.parse(bytes, file: name)
      return OpenedInput(
        format: .mdmPlist, reason: format != nil ? "as asked" : "a property list",
        readers: [MDMPlistReader(file: name, top: top, modified: modified)])
    }
    if format == .intuneCSV || (format == nil && first != 0x7B && first != 0x5B) {
      return try csv(name, input: input, asked: format != nil)
    }
    return try json(name, input: input, format: format)
  }

  /// UTF-16/32 text or stray NUL bytes, which JSON and CSV exports never contain.
  static func encodingProblem(_ head: [UInt8], file: String) -> ImportIssue? {
    let here = SourceLocation(file: file)
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      return ImportIssue(here, "is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    }
    if head.prefix(4096).contains(0) {
      return ImportIssue(
        here, "contains NUL bytes: it is binary, or UTF-16 without a byte-order mark")
    }
    return nil
  }

  private static func isBinaryPlist(_ prefix: [UInt8]) -> Bool {
    prefix.starts(with: Array("bplist0".utf8))
  }

  private static func csv(_ name: String, input: HeadedSource, asked: Bool) throws(ImportIssue)
    -> OpenedInput
  {
    let reader = IntuneCSVReader(file: name) { () throws(ImportIssue) -> ByteSource in input }
    if asked { return OpenedInput(format: .intuneCSV, reason: "as asked", readers: [reader]) }
    let names = headerNames(input.head)
    guard IntuneHeader.looksLikeIntune(names) else { throw unknown(name) }
    return OpenedInput(
      format: .intuneCSV, reason: "its header names Intune's columns", readers: [reader])
  }

  /// The first CSV record of `prefix`, as header names.
  static func headerNames(_ prefix: [UInt8]) -> [String] {
    let csv = CSVReader(source: DataByteSource(prefix), chunkSize: 65536)
    guard (try? csv.next()) == true else { return [] }
    return (0..<csv.fieldCount).compactMap { csv.string($0)?.trimmed }
  }

  private static func zip(_ path: String, format: ImportFormat?) throws(ImportIssue) -> OpenedInput
  {
    if let format, format != .intuneCSV {
      throw ImportIssue(
        SourceLocation(file: path), "is a .zip archive; only intune-csv is read from archives")
    }
    let archive = try ZipArchive(path: path)
    let entries = archive.csvEntries
    guard !entries.isEmpty else {
      throw ImportIssue(
        SourceLocation(file: path),
        "the archive holds no .csv file (it has: \(archive.entries.prefix(10).map(\.name).joined(separator: ", ")))"
      )
    }
    let readers: [FormatReader] = entries.map { entry in
      IntuneCSVReader(file: "\(path)!\(entry.name)") { () throws(ImportIssue) -> ByteSource in
        try archive.open(entry)
      }
    }
    return OpenedInput(
      format: .intuneCSV, reason: "a .zip holding \(entries.map(\.name).joined(separator: ", "))",
      readers: readers)
  }

  private static func json(_ name: String, input: HeadedSource, format: ImportFormat?)
    throws(ImportIssue) -> OpenedInput
  {
    let decided: (ImportFormat, String)
    if let format {
      decided = (format, "as asked")
    } else {
      let probe = try JSONProbe.read(input.head, complete: input.isComplete, file: name)
      guard let found = probe.format() else {
        if let refusal = probe.refusal() { throw ImportIssue(SourceLocation(file: name), refusal) }
        throw unknown(name)
      }
      decided = found
    }
    let reader: FormatReader =
      switch decided.0 {
      case .graphJSON: GraphJSONReader(file: name, source: input)
      case .jamfJSON: JamfJSONReader(file: name, source: input)
      case .fleetJSON: FleetJSONReader(file: name, source: input)
      case .kandjiJSON: KandjiJSONReader(file: name, source: input)
      case .intuneCSV, .mdmPlist:
        IntuneCSVReader(file: name) { () throws(ImportIssue) -> ByteSource in input }
      }
    return OpenedInput(format: decided.0, reason: decided.1, readers: [reader])
  }

  private static func unknown(_ path: String) -> ImportIssue {
    ImportIssue(
      SourceLocation(file: path),
      "is not a format Ringside reads. Looked for:\n  "
        + ImportFormat.allCases.map(\.signature).joined(separator: "\n  ")
        + "\nName the format with --format if the file is one of these.")
  }
}
