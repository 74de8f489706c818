/// A JSON export that lists one object per device under one of a few envelope keys: the
/// envelope walk and the per-record rejection are the same for every such vendor format.
protocol JSONRecordReader: FormatReader {
  /// The parsed file.
  var top: Any { get }
  /// The keys that may hold the device list (`"value"`, `"hosts"`, ...).
  var recordKeys: [String] { get }
  /// One device object as an import item; throws `ImportIssue` to reject just this record.
  func record(_ object: JSONObject, ringFrom: String?, fields: FieldReader) throws -> ImportItem
}

extension JSONRecordReader {
  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
    let fields = FieldReader()
    let items = try StructuredFile.records(top, keys: recordKeys, file: file) {
      try emit(.rejected($0))
    }
    for (object, _) in items {
      do {
        try emit(try record(object, ringFrom: ringFrom, fields: fields))
      } catch let issue as ImportIssue {
        try emit(.rejected(issue))
      }
    }
  }
}
