/// What the first bytes of a JSON input show about its shape: enough to decide the vendor
/// format without reading the rest (the rest may be a pipe that can only be read once).
struct JSONProbe {
  var topIsList = false
  /// Top-level member names seen, in a top-level object.
  var topKeys: Set<String> = []
  /// The envelope member holding the records (`value`, `results`, `hosts`, `devices`, `host`),
  /// a list of them or one.
  var listKey: String?
  /// Member names of the first record.
  var recordKeys: Set<String> = []

  static let envelopeKeys: Set<String> = ["value", "results", "hosts", "devices"]

  /// Probes `head`; a syntax error is thrown when it lies inside the head, while running out
  /// of bytes is fine unless `complete` says the head is the whole input.
  static func read(_ head: [UInt8], complete: Bool, file: String) throws(ImportIssue) -> JSONProbe {
    let r = JSONStreamReader(source: DataByteSource(head), file: file)
    var p = JSONProbe()
    do {
      try walk(r, into: &p)
    } catch {
      if !(r.reachedEnd && !complete) { throw error }
    }
    return p
  }

  private static func walk(_ r: JSONStreamReader, into p: inout JSONProbe) throws(ImportIssue) {
    try r.skipByteOrderMark()
    guard let c = try r.peek() else { return }
    if c == 0x5B {
      p.topIsList = true
      r.open()
      var first = true
      if try r.nextItem(first: &first), try r.peek() == 0x7B {
        try members(r, into: &p.recordKeys)
      }
      return
    }
    guard c == 0x7B else { throw r.invalid("expected a JSON object or list at the start") }
    r.open()
    var first = true
    while let key = try r.nextMember(first: &first) {
      p.topKeys.insert(key)
      let next = try r.peek()
      if envelopeKeys.contains(key) && next == 0x5B {
        p.listKey = key
        r.open()
        var f = true
        if try r.nextItem(first: &f), try r.peek() == 0x7B { try members(r, into: &p.recordKeys) }
        return
      }
      // One record under an envelope key, as the reader takes it: Fleet's `{"host": {...}}`,
      // and Graph's "Get managedDevice" example, `{"value": {...}}`.
      if (key == "host" || envelopeKeys.contains(key)) && next == 0x7B {
        p.listKey = key
        try members(r, into: &p.recordKeys)
        return
      }
      _ = try r.value()
    }
  }

  private static func members(_ r: JSONStreamReader, into keys: inout Set<String>)
    throws(ImportIssue)
  {
    r.open()
    var first = true
    while let key = try r.nextMember(first: &first) {
      keys.insert(key)
      _ = try r.value(depth: 1)
    }
  }

  /// The vendor format this shape belongs to, and why; nil when none matches.
  func format() -> (ImportFormat, String)? {
    let rec = recordKeys
    if topKeys.contains("@odata.context") { return (.graphJSON, "it has \"@odata.context\"") }
    if listKey == "value",
      rec.contains("osVersion") || rec.contains("deviceName") || rec.contains("OSVersion")
        || rec.contains("DeviceName")
    {
      return (.graphJSON, "\"value\" holds managedDevice objects")
    }
    if listKey == "results",
      rec.isEmpty && topKeys.contains("totalCount") || !rec.isDisjoint(with: Self.jamfMarkers)
    {
      return (.jamfJSON, "\"results\" holds Jamf inventory records")
    }
    if listKey == "hosts" || listKey == "host" { return (.fleetJSON, "it has \"\(listKey!)\"") }
    if topIsList || listKey == "devices" {
      if rec.contains("device_id") || rec.contains("blueprint_name")
        || rec.contains("serial_number")
      {
        return (.kandjiJSON, "a list of Kandji device records")
      }
      if rec.contains("hardware_serial") || rec.contains("osquery_version") {
        return (.fleetJSON, "a list of Fleet hosts")
      }
      if rec.contains("deviceName") && rec.contains("osVersion") {
        return (.graphJSON, "a list of managedDevice objects")
      }
      if rec.contains("DeviceName") && rec.contains("OSVersion") {
        return (.graphJSON, "a list of managedDevice objects saved with PowerShell")
      }
      return nil
    }
    guard listKey == nil else { return nil }
    // One device object, as the single-device endpoints return it.
    if topKeys.contains("mobileDeviceId")
      || topKeys.contains("type") && !topKeys.isDisjoint(with: JamfMobileDetail.markers)
      || topKeys.contains("type") && topKeys.isSuperset(of: ["serialNumber", "udid"])
        && topKeys.isDisjoint(with: JamfMobileFlat.sections)
      || topKeys.contains("general")
        && !topKeys.isDisjoint(
          with: ["udid", "operatingSystem", "deviceType"])
    {
      return (.jamfJSON, "one Jamf inventory record")
    }
    if topKeys.contains("general") && !topKeys.isDisjoint(with: ["mdm", "hardware_overview"]) {
      return (.kandjiJSON, "one Kandji device-details record")
    }
    if topKeys.contains("device_id") && topKeys.contains("os_version") {
      return (.kandjiJSON, "one Kandji device record")
    }
    if topKeys.contains("hardware_serial") || topKeys.contains("osquery_version") {
      return (.fleetJSON, "one Fleet host")
    }
    if topKeys.contains("deviceName") && topKeys.contains("osVersion") {
      return (.graphJSON, "one managedDevice object")
    }
    if topKeys.contains("DeviceName") && topKeys.contains("OSVersion") {
      return (.graphJSON, "one managedDevice object saved with PowerShell")
    }
    return nil
  }

  /// The one top-level member of a Jamf Classic API response (`/JSSResource/...`).
  static let jamfClassicKeys: Set<String> = [
    "mobile_device", "mobile_devices", "computer", "computers",
  ]

  /// Why a shape no format matches is not read, when the shape tells: a Jamf Classic API
  /// response, whose `mobile_device.general` fields Ringside does not read.
  func refusal() -> String? {
    guard listKey == nil, topKeys.count == 1, let key = topKeys.first,
      Self.jamfClassicKeys.contains(key)
    else { return nil }
    return
      "is a Jamf Classic API response (\"\(key)\", from /JSSResource/...), which Ringside does not read: use the Jamf Pro API, /api/v2/mobile-devices/detail for mobile devices and /api/v1/computers-inventory for computers (`ringside sync jamf` fetches both)."
  }

  static let jamfMarkers: Set<String> = [
    "mobileDeviceId", "deviceType", "general", "operatingSystem", "udid",
  ]
}
