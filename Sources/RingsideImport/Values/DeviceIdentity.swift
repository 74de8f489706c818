/// The rule every reader applies before a record becomes a device: it must carry a serial
/// number, a UDID or a name. A record with none of them (a section the request left out, a
/// shape read with the wrong paths) would be stored as a phantom named after its numeric id,
/// so it is rejected instead, naming the fields that were looked at.
enum DeviceIdentity {
  /// The record's own name, else its serial number, else its UDID. `fields` are the names the
  /// reader looked under, for the message.
  static func name(
    _ name: String?, serial: String?, udid: String?,
    fields: (name: String, serial: String, udid: String), at here: SourceLocation
  ) throws(ImportIssue) -> String {
    if let found = name ?? serial ?? udid { return found }
    throw ImportIssue(
      here,
      "has no serial number (\(fields.serial)), UDID (\(fields.udid)) or name (\(fields.name)): nothing tells which device it is, so it is not stored"
    )
  }
}
