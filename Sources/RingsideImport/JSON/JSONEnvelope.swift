/// Walks a vendor export's envelope (`{"value": [...]}`, `{"results": [...]}`, a bare list, or
/// one device object) and hands each record over as soon as it is read, so only one record is
/// ever held in memory. One record is at most `maxRecordBytes` of text.
enum JSONEnvelope {
  static let maxRecordBytes = 8 << 20

  /// What the walk found besides the streamed records.
  struct Walked {
    /// Top-level members that are not the record list (`@odata.nextLink`, `totalCount`, or a
    /// whole single-device object), in a top-level object.
    var others: [String: JSONValue] = [:]
    /// True when a list (or object) under one of the record keys, or a bare list, was read.
    var foundRecords = false
    /// Items read from the record list.
    var records = 0
  }

  /// Reads the whole input; calls `record` with each item, its path (`value[3]`) and line.
  /// With `filter`, a record object keeps only the members it names.
  static func walk(
    _ reader: JSONStreamReader, recordKeys: [String], filter: KeyFilter? = nil,
    record: (JSONValue, _ path: String, _ line: Int) throws -> Void
  ) throws -> Walked {
    var walked = Walked()
    try reader.skipByteOrderMark()
    guard let c = try reader.peek() else {
      throw ImportIssue(SourceLocation(file: reader.file), "the file is empty")
    }
    if c == 0x5B {
      walked.records += try list(reader, prefix: "", filter: filter, record: record)
      walked.foundRecords = true
    } else if c == 0x7B {
      reader.open()
      var first = true
      var otherBytes = 0
      while let key = try reader.nextMember(first: &first) {
        let next = try reader.peek()
        if recordKeys.contains(key) && next == 0x5B {
          walked.records += try list(reader, prefix: key, filter: filter, record: record)
          walked.foundRecords = true
        } else if recordKeys.contains(key) && next == 0x7B {
          let line = reader.line
          try record(try bounded(reader, filter: filter), key, line)
          walked.records += 1
          walked.foundRecords = true
        } else {
          // Members besides the records (`@odata.nextLink` may come after a huge list)
          // together count as one record.
          let before = reader.offset
          walked.others[key] = try bounded(reader, from: before - otherBytes)
          otherBytes += reader.offset - before
        }
      }
    } else {
      throw reader.invalid("expected a JSON object or list at the start")
    }
    if let extra = try reader.peek() {
      _ = extra
      throw reader.invalid("more text after the end of the JSON value")
    }
    return walked
  }

  private static func list(
    _ reader: JSONStreamReader, prefix: String, filter: KeyFilter?,
    record: (JSONValue, String, Int) throws -> Void
  ) throws -> Int {
    reader.open()
    var first = true
    var i = 0
    while try reader.nextItem(first: &first) {
      let line = reader.line
      try record(try bounded(reader, filter: filter), "\(prefix)[\(i)]", line)
      i += 1
    }
    return i
  }

  /// One value, refusing it once it passes `maxRecordBytes` from `from`.
  private static func bounded(
    _ reader: JSONStreamReader, from: Int? = nil, filter: KeyFilter? = nil
  ) throws(ImportIssue) -> JSONValue {
    reader.limit = (from ?? reader.offset) + maxRecordBytes
    reader.limitReason =
      "one record is larger than \(maxRecordBytes >> 20) MB: not an export Ringside reads"
    defer { reader.limit = .max }
    if let filter { return try reader.value(keeping: filter) }
    return try reader.value()
  }
}
