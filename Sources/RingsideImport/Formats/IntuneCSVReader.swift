import Foundation
import RingsideDomain

/// Reads an Intune admin-center device export (`DevicesWithInventory_*.csv`) row by row.
/// Intune reports the base version only, so every version it gives has an unknown letter.
struct IntuneCSVReader: FormatReader {
  let file: String
  let open: () throws(ImportIssue) -> ByteSource

  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws {
    let csv = CSVReader(source: try open())
    let top = SourceLocation(file: file, line: 1)
    guard try next(csv) else {
      throw ImportIssue(top, "the file is empty: expected an Intune CSV header")
    }
    var names: [String] = []
    for i in 0..<csv.fieldCount {
      guard let name = csv.string(i) else {
        throw ImportIssue(top, "the header is not UTF-8 text: export the file again as UTF-8 CSV")
      }
      names.append(name.trimmed)
    }
    let header = try IntuneHeader(names: names, ringFrom: ringFrom, at: top)
    if let ringFrom, header.ringColumn == nil {
      try emit(
        .notice(
          "\(top.description): has no column \"\(Sanitized.text(ringFrom, limit: 60))\" for --ring-from; its devices keep their ring"
        ))
    }
    let fields = FieldReader()
    while try next(csv) {
      let here = SourceLocation(file: file, line: csv.recordLine)
      do {
        if let item = try record(csv, header: header, fields: fields, at: here) { try emit(item) }
      } catch let issue as ImportIssue {
        try emit(.rejected(issue))
      }
    }
  }

  private func next(_ csv: CSVReader) throws(ImportIssue) -> Bool {
    do {
      return try csv.next()
    } catch {
      switch error {
      case .io(let issue): throw issue
      case .unterminatedQuote(let line):
        throw ImportIssue(
          SourceLocation(file: file, line: line),
          "a quoted field starting here never ends: the file is truncated or a quote is unbalanced")
      }
    }
  }

  private func record(
    _ csv: CSVReader, header: IntuneHeader, fields: FieldReader, at here: SourceLocation
  )
    throws -> ImportItem?
  {
    if let problem = csv.recordProblem { throw ImportIssue(here, problem) }
    guard csv.fieldCount == header.names.count else {
      throw ImportIssue(
        here,
        "has \(csv.fieldCount) fields, the header has \(header.names.count): a comma or quote is misplaced"
      )
    }
    func value(_ column: IntuneColumn) throws(ImportIssue) -> String? {
      guard let i = header[column] else { return nil }
      if csv.isEmpty(i) { return nil }
      guard let s = csv.string(i) else {
        throw ImportIssue(
          here, field: header.names[i], "is not UTF-8 text: export the file again as UTF-8 CSV")
      }
      return try fields.text(s, field: header.names[i], at: here)
    }
    func name(_ column: IntuneColumn) -> String {
      header[column].map { header.names[$0] } ?? column.rawValue
    }

    let model = try value(.model)
    let os = try value(.os)
    let platform: Platform
    switch try fields.platform(reported: os, model: model, field: name(.os), at: here) {
    case .apple(let p): platform = p
    case .notApple(let what): return .skipped(here, reason: "not an Apple device (\(what))")
    case .unknown: return nil
    }
    let serial = try value(.serial)
    let deviceID = try value(.deviceID)
    var version = try fields.version(
      try value(.osVersion), missingLetter: .unknown, field: name(.osVersion), at: here)
    version.platform = platform
    let ringLabel: String?
    if let i = header.ringColumn, !csv.isEmpty(i) {
      guard let s = csv.string(i) else {
        throw ImportIssue(here, field: header.names[i], "is not UTF-8 text")
      }
      ringLabel = try fields.text(s, field: header.names[i], at: here)
    } else {
      ringLabel = nil
    }
    let udid = try value(.udid)
    let displayName = try DeviceIdentity.name(
      try value(.name), serial: serial, udid: udid,
      fields: (name(.name), name(.serial), name(.udid)), at: here)
    return .device(
      ImportRecord(
        location: here, source: .intune, sourceID: deviceID, serial: serial, udid: udid,
        name: displayName, platform: platform, model: model, version: version,
        supervised: try fields.bool(try value(.supervised), field: name(.supervised), at: here),
        userEnrolled: serial == nil,
        lastCheckIn: try lastCheckIn(csv, header, fields, at: here),
        userName: try value(.userUPN) ?? value(.userEmail), ringLabel: ringLabel))
  }

  /// Reads the check-in time straight from the field's bytes; falls back to the general
  /// reader (trimming, error text) when the fast path cannot.
  private func lastCheckIn(
    _ csv: CSVReader, _ header: IntuneHeader, _ fields: FieldReader, at here: SourceLocation
  )
    throws -> Date?
  {
    guard let i = header[.lastCheckIn], !csv.isEmpty(i) else { return nil }
    let fast = csv.withBytes(i) {
      (b: UnsafeBufferPointer<UInt8>) -> Result<Date?, DateValue.Invalid> in
      Result { () throws(DateValue.Invalid) -> Date? in try DateValue.parse(bytes: b) }
    }
    if case .success(let date) = fast { return date }
    return try fields.date(csv.string(i), field: header.names[i], at: here)
  }
}
