import Foundation
import RingsideDomain
import RingsideStore

/// The devices table's columns and how wide each is for a given terminal width: long
/// labels when there is room, short ones at 80 columns, the build dropped before anything
/// that decides a device's state.
struct DeviceTableLayout {
  struct Column {
    /// The sort column it shows, or nil for a column shown only (serial, model, user).
    let sort: DeviceSort.Column?
    let extra: Extra?
    let title: String
    let width: Int

    init(sort: DeviceSort.Column, title: String, width: Int) {
      self.sort = sort
      extra = nil
      self.title = title
      self.width = width
    }

    init(extra: Extra, width: Int) {
      sort = nil
      self.extra = extra
      title = extra.title
      self.width = width
    }
  }

  /// Columns shown when the terminal has room, in the order they are added: the serial first,
  /// so two devices with the same name can be told apart.
  enum Extra: CaseIterable {
    case serial, model, user

    var title: String {
      switch self {
      case .serial: "Serial"
      case .model: "Model"
      case .user: "User"
      }
    }

    var width: Int {
      switch self {
      case .serial: 13
      case .model: 16
      case .user: 26
      }
    }

    func text(_ d: Device) -> String {
      switch self {
      case .serial: d.serial ?? "–"
      case .model: d.model ?? "–"
      case .user: d.userName ?? "–"
      }
    }
  }

  let columns: [Column]
  let short: Bool

  init(width: Int, ringWidth: Int) {
    let ring = max(4, min(12, ringWidth))
    func make(short: Bool, build: Bool) -> [Column] {
      var list: [Column] = [
        Column(sort: .name, title: "Name", width: 14),
        Column(sort: .platform, title: short ? "Plat." : "Platform", width: short ? 6 : 8),
        Column(sort: .os, title: "OS/RSR", width: 10),
      ]
      if build { list.append(Column(sort: .build, title: "Build", width: 10)) }
      list += [
        Column(sort: .ring, title: "Ring", width: ring),
        Column(sort: .supervised, title: "Sup", width: 3),
        Column(sort: .removal, title: "Removal", width: short ? 8 : 12),
        Column(sort: .state, title: "State", width: short ? 10 : 15),
        Column(sort: .checkin, title: short ? "Seen" : "Check-in", width: short ? 5 : 8),
      ]
      return list
    }
    func total(_ list: [Column]) -> Int { list.reduce(1) { $0 + $1.width + 1 } }
    var chosen = make(short: false, build: true)
    var short = false
    if total(chosen) > width {
      short = true
      chosen = make(short: true, build: true)
    }
    if total(chosen) > width { chosen = make(short: true, build: false) }
    // Narrower still (60 columns), the columns a help-desk person needs least go, as in the
    // CLI, rather than the state being cut to one letter.
    for column in [DeviceSort.Column.supervised, .platform, .checkin, .removal]
    where total(chosen) > width {
      chosen.removeAll { $0.sort == column }
    }
    // The name takes room up to 24 columns, then serial, model and user appear as room allows.
    var spare = max(0, width - total(chosen))
    var nameWidth = min(24, 14 + spare)
    spare -= nameWidth - 14
    var insertAt = 1
    for extra in Extra.allCases where spare >= extra.width + 1 {
      chosen.insert(Column(extra: extra, width: extra.width), at: insertAt)
      insertAt += 1
      spare -= extra.width + 1
    }
    nameWidth = min(40, nameWidth + spare)
    chosen[0] = Column(sort: .name, title: "Name", width: nameWidth)
    columns = chosen
    self.short = short
  }

  /// Column start positions, from x = 1.
  var offsets: [Int] {
    var x = 1
    return columns.map { c in
      defer { x += c.width + 1 }
      return x
    }
  }

  /// The text and role of one cell.
  func cell(_ column: DeviceSort.Column, _ r: DeviceRecord, catalog: ReleaseCatalog?, now: Date)
    -> (String, StyleRole)
  {
    let d = r.device
    switch column {
    case .name: return (d.name, .tableRow)
    case .platform:
      return (short && d.platform == .iPadOS ? "iPadOS" : d.platform.displayName, .tableRow)
    case .os:
      let label = catalog?.label(for: d.version, on: d.platform) ?? d.version.displayString
      return (label, d.version.base == nil ? .dim : .tableRow)
    case .build: return ((d.version.supplementalBuild ?? d.version.build)?.text ?? "–", .tableRow)
    case .ring:
      guard let target = r.stagedRing else { return (d.ring, .tableRow) }
      return ("→\(target)*", .warning)
    case .supervised:
      return (d.supervised.map { $0 ? "yes" : "no" } ?? "?", d.supervised == nil ? .dim : .tableRow)
    case .removal:
      let text =
        switch r.removal {
        case .blocked: "blocked"
        case .allowed: "allowed"
        case .notEnforced: short ? "not enf." : "not enforced"
        case .removedAnyway: short ? "removed!" : "removed anyway"
        }
      return (text, RingsideTUIText.role(r.removal))
    case .state:
      return (
        short ? DeviceTableLayout.shortTitle(r.state) : r.state.title, RingsideTUIText.role(r.state)
      )
    case .checkin:
      let stale =
        d.lastCheckIn.map { now.timeIntervalSince($0) > Double(DeviceFilter.staleDays * 86400) }
        ?? true
      return (Format.age(d.lastCheckIn, now: now), stale ? .stale : .tableRow)
    }
  }

  static func shortTitle(_ state: DeviceState) -> String {
    switch state {
    case .current: "current"
    case .rsrAvailable: "available"
    case .pulledRSR: "pulled"
    case .osUpdateFirst: "OS update"
    case .rsrRemoved: "removed"
    case .unknown: "unknown"
    }
  }
}
