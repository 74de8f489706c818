import RingsideDomain
import RingsideProfiles
import RingsideStore

/// One staged move group in the Staged view: the membership files writing it changes, then
/// its devices (serial and name), scrolled like a file diff.
enum StagedMovesView {
  /// The lines below the title: files, a blank, the devices, and the cut-off note.
  static func lines(_ info: StagingInfo, _ key: RingMove) -> [(String, StyleRole)] {
    var out: [(String, StyleRole)] = []
    let files = info.membershipFiles(key)
    if files.isEmpty {
      out.append(("no membership file: set the profile folder to write one", .dim))
    } else {
      out.append(("`w` writes each ring's whole membership for its MDM group:", .dim))
    }
    for review in files {
      let listed = review.planned.map { file in
        file.kind == .serialList ? file.text.utf8.count { $0 == 0x0A } : nil
      }
      out.append(
        (
          "  " + DisplayWidth.pad(review.action.rawValue, to: 10) + review.name
            + ((listed ?? nil).map { "  (\($0.grouped) serials)" } ?? ""),
          .tableRow
        ))
    }
    out.append(("", .dim))
    let devices = info.moveDevices[key] ?? []
    out.append(("Devices moved", .sectionTitle))
    for device in devices {
      out.append(
        (
          "  " + DisplayWidth.pad(Sanitized.text(device.serial ?? device.key, limit: 24), to: 25)
            + Sanitized.text(device.name, limit: 60), .tableRow
        ))
    }
    let total = group(info, key)?.devices ?? devices.count
    if total > devices.count {
      out.append(
        (
          "  … and \((total - devices.count).grouped) more, not listed here",
          .dim
        ))
    }
    return out
  }

  static func lineCount(_ info: StagingInfo, _ key: RingMove) -> Int {
    lines(info, key).count
  }

  static func render(
    _ info: StagingInfo, _ key: RingMove, scroll: Int, area: Rect, grid: inout CellGrid
  ) {
    let count = group(info, key)?.devices ?? 0
    grid.put(
      "move \(count.grouped) device(s) from \(key.from) to \(key.to)  (Esc back)",
      x: area.x + 1, y: area.y, role: .sectionTitle, limit: area.width - 2)
    for (row, line) in lines(info, key).dropFirst(scroll).prefix(area.height - 1).enumerated() {
      grid.put(line.0, x: area.x + 1, y: area.y + 1 + row, role: line.1, limit: area.width - 2)
    }
  }

  private static func group(_ info: StagingInfo, _ key: RingMove) -> StagedMoveGroup? {
    info.moveGroups.first { $0.move == key }
  }
}
