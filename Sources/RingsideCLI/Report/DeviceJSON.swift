import Foundation
import RingsideDomain
import RingsideStore

/// One device as every command's JSON names it, so `devices`, `why` and scripts agree on
/// names and types: booleans are JSON booleans (null when not reported), times ISO 8601 UTC,
/// `os` the version as Ringside shows it (`26.3.1 (a)`, `26.3.1 (?)`), `os_version` the release.
enum DeviceJSON {
  /// The version of the JSON shapes `report`, `devices` and `why` print.
  static let schemaVersion = 2

  static func fields(_ record: DeviceRecord, catalog: ReleaseCatalog) -> [(String, JSONValue)] {
    let d = record.device
    func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    return [
      ("name", .string(d.name)), ("serial", text(d.serial)),
      ("platform", .string(d.platform.rawValue)), ("model", text(d.model)),
      ("os", .string(catalog.label(for: d.version, on: d.platform))),
      ("os_version", text(d.version.base?.description)),
      ("rsr", .string(d.version.rsr.description)), ("build", text(d.version.build?.text)),
      ("supplemental_build", text(d.version.supplementalBuild?.text)),
      ("ring", .string(d.ring)), ("supervised", d.supervised.map { .bool($0) } ?? .null),
      ("user_enrolled", .bool(d.userEnrolled)), ("removal", .string(record.removal.rawValue)),
      ("state", .string(record.state.rawValue)),
      ("last_checkin", d.lastCheckIn.map { .string(Formatting.iso($0)) } ?? .null),
      ("source", .string(d.source.rawValue)),
    ]
  }
}
