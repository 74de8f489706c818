/// A JSON export that lists one object per device under one of a few envelope keys, or is a
/// single device object: the streaming walk and the per-record rejection are the same for
/// every such vendor format.
protocol JSONRecordReader: FormatReader {
  /// The input, read once from its first byte.
  var source: ByteSource { get }
  /// The keys that may hold the device list (`"value"`, `"hosts"`, ...).
  var recordKeys: [String] { get }
  /// Top-level members that make a file without a record list one device object (the
  /// single-device endpoints), such as `"mobileDeviceId"`.
  var singleRecordMarkers: [String] { get }
  /// The members of a record the reader uses; the others are checked and skipped unbuilt.
  var keptMembers: Set<String> { get }
  /// One device object as an import item; throws `ImportIssue` to reject just this record.
  func record(_ object: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem
  /// Called once the file is read, with the top-level members besides the records.
  func finished(_ walked: JSONEnvelope.Walked, emit: (ImportItem) throws -> Void) throws
}

extension JSONRecordReader {
  func finished(_ walked: JSONEnvelope.Walked, emit: (ImportItem) throws -> Void) throws {}

  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
    let fields = FieldReader()
    let reader = JSONStreamReader(source: source, file: file)
    func one(_ value: JSONValue, path: String, line: Int) throws {
      let here = SourceLocation(file: file, line: line, path: path.isEmpty ? nil : path)
      guard case .object(let members) = value else {
        try emit(.rejected(ImportIssue(here, "expected a device object, found \(value.kind)")))
        return
      }
      do {
        try emit(
          try record(
            JSONObject(values: members, location: here), ringFrom: ringFrom, fields: fields))
      } catch let issue as ImportIssue {
        try emit(.rejected(issue))
      }
    }
    var kept = keptMembers.union(["extensionAttributes"])
    if let ringFrom, let head = ringFrom.split(separator: ".").first { kept.insert(String(head)) }
    let filter = KeyFilter(kept)
    let walked = try JSONEnvelope.walk(reader, recordKeys: recordKeys, filter: filter) {
      value, path, line in
      try one(value, path: path, line: line)
    }
    if !walked.foundRecords {
      guard singleRecordMarkers.contains(where: { walked.others[$0] != nil }) else {
        throw ImportIssue(
          SourceLocation(file: file),
          "expected a list of devices under \(recordKeys.map { "\"\($0)\"" }.joined(separator: " or ")), or one device object"
        )
      }
      try one(.object(walked.others), path: "", line: 1)
    }
    try finished(walked, emit: emit)
  }
}
