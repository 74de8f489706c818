/// One input file in one format, read record by record.
protocol FormatReader {
  /// The file as shown in messages.
  var file: String { get }

  /// Hands every record to `emit`: devices, pending updates, rejected and skipped records.
  /// Throws `ImportIssue` when the file as a whole cannot be read; rethrows what `emit` throws.
  func read(ringFrom: String?, emit: (ImportItem) throws -> Void) throws
}
