import Foundation
import RingsideDomain

/// An input file with its format decided and its readers ready.
struct OpenedInput {
  let format: ImportFormat
  /// Why auto-detection chose the format, or "as asked" with `--format`.
  let reason: String
  let readers: [FormatReader]
}

/// Decides a file's format from its content, never its name, and opens the matching reader.
enum FormatDetector {
  /// Opens `path` as `format`, or detects it when `format` is nil.
  static func open(_ path: String, format: ImportFormat?) throws(ImportIssue) -> OpenedInput {
    let here = SourceLocation(file: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ImportIssue(here, "no such file")
    }
    if isDirectory.boolValue { throw ImportIssue(here, "is a folder; name the files inside it") }
    let prefix = try head(path)
    if prefix.isEmpty { throw ImportIssue(here, "the file is empty") }
    if ZipArchive.looksLikeZip(prefix) { return try zip(path, format: format) }
    if let issue = StructuredFile.encodingProblem(Data(prefix), file: path), !isBinaryPlist(prefix)
    {
      throw issue
    }
    let first = prefix.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
    let isPlist =
      isBinaryPlist(prefix)
      || (first == 0x3C && String(decoding: prefix, as: UTF8.self).contains("<plist"))
    if format == .mdmPlist || (format == nil && isPlist) {
      return try plist(path, asked: format != nil)
    }
    if format == .intuneCSV || (format == nil && first != 0x7B && first != 0x5B) {
      return try csv(path, prefix: prefix, asked: format != nil)
    }
    return try json(path, format: format)
  }

  private static func head(_ path: String) throws(ImportIssue) -> [UInt8] {
    let source = try FileByteSource(path: path)
    var buffer = [UInt8](repeating: 0, count: 65536)
    let n = try buffer.withUnsafeMutableBufferPointer { b throws(ImportIssue) in
      try source.read(into: b)
    }
    return Array(buffer.prefix(n))
  }

  private static func isBinaryPlist(_ prefix: [UInt8]) -> Bool {
    prefix.starts(with: Array("bplist0".utf8))
  }

  private static func csv(_ path: String, prefix: [UInt8], asked: Bool) throws(ImportIssue)
    -> OpenedInput
  {
    let reader = IntuneCSVReader(file: path) { () throws(ImportIssue) -> ByteSource in
      try FileByteSource(path: path)
    }
    if asked { return OpenedInput(format: .intuneCSV, reason: "as asked", readers: [reader]) }
    let names = headerNames(prefix)
    guard IntuneHeader.looksLikeIntune(names) else { throw unknown(path) }
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

  private static func plist(_ path: String, asked: Bool) throws(ImportIssue) -> OpenedInput {
    let data = try StructuredFile.bytes(path)
    let top = try StructuredFile.plist(data, file: path)
    let modified =
      (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
    return OpenedInput(
      format: .mdmPlist, reason: asked ? "as asked" : "a property list",
      readers: [MDMPlistReader(file: path, top: top, modified: modified)])
  }

  private static func json(_ path: String, format: ImportFormat?) throws(ImportIssue) -> OpenedInput
  {
    let top = try StructuredFile.json(try StructuredFile.bytes(path), file: path)
    let decided: (ImportFormat, String)
    if let format {
      decided = (format, "as asked")
    } else if let found = detect(top) {
      decided = found
    } else {
      throw unknown(path)
    }
    let reader: FormatReader =
      switch decided.0 {
      case .graphJSON: GraphJSONReader(file: path, top: top)
      case .jamfJSON: JamfJSONReader(file: path, top: top)
      case .fleetJSON: FleetJSONReader(file: path, top: top)
      case .kandjiJSON: KandjiJSONReader(file: path, top: top)
      case .intuneCSV, .mdmPlist:
        IntuneCSVReader(file: path) { () throws(ImportIssue) -> ByteSource in
          try FileByteSource(path: path)
        }
      }
    return OpenedInput(format: decided.0, reason: decided.1, readers: [reader])
  }

  /// The JSON format whose envelope and field names `top` has.
  static func detect(_ top: Any) -> (ImportFormat, String)? {
    if let d = top as? [String: Any] {
      if d["@odata.context"] != nil { return (.graphJSON, "it has \"@odata.context\"") }
      if let first = (d["value"] as? [Any])?.first as? [String: Any],
        first["osVersion"] != nil || first["deviceName"] != nil
      {
        return (.graphJSON, "\"value\" holds managedDevice objects")
      }
      if let results = d["results"] as? [Any] {
        let first = results.first as? [String: Any] ?? [:]
        if first["mobileDeviceId"] != nil || first["general"] != nil
          || first["operatingSystem"] != nil
          || results.isEmpty
            && d["totalCount"] != nil
        {
          return (.jamfJSON, "\"results\" holds Jamf inventory records")
        }
      }
      if d["hosts"] != nil || d["host"] is [String: Any] { return (.fleetJSON, "it has \"hosts\"") }
      if let list = d["devices"] as? [Any] { return detect(list) }
      return nil
    }
    guard let list = top as? [Any], let first = list.first as? [String: Any] else { return nil }
    if first["device_id"] != nil || first["blueprint_name"] != nil || first["serial_number"] != nil
    {
      return (.kandjiJSON, "a list of Kandji device records")
    }
    if first["hardware_serial"] != nil || first["osquery_version"] != nil {
      return (.fleetJSON, "a list of Fleet hosts")
    }
    if first["deviceName"] != nil && first["osVersion"] != nil {
      return (.graphJSON, "a list of managedDevice objects")
    }
    return nil
  }

  private static func unknown(_ path: String) -> ImportIssue {
    ImportIssue(
      SourceLocation(file: path),
      "is not a format Ringside reads. Looked for:\n  "
        + ImportFormat.allCases.map(\.signature).joined(separator: "\n  ")
        + "\nName the format with --format if the file is one of these.")
  }
}
