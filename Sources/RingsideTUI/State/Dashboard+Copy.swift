import RingsideDomain

extension Dashboard {
  /// `y`: the serial number of the device on its page, else of the row under the cursor, to
  /// the clipboard where the terminal allows it, and always into the status line.
  static func copySerial(_ s: inout DashboardState) -> [Effect] {
    let record =
      s.devices.detailID != nil ? s.devices.detail?.record : s.devices.selected
    guard let record else {
      s.message = StatusMessage(text: "No device here to copy a serial from yet", isError: true)
      return []
    }
    guard let raw = record.device.serial, let serial = TerminalClipboard.cleaned(raw) else {
      s.message = StatusMessage(
        text: "\(Sanitized.text(record.device.name, limit: 40)) has no serial number to copy",
        isError: true)
      return []
    }
    guard s.canSetClipboard else {
      s.message = StatusMessage(text: "Serial: \(serial) (copy not supported here)", isError: false)
      return []
    }
    s.message = StatusMessage(text: "Copied serial \(serial)", isError: false)
    return [.setClipboard(serial)]
  }
}
