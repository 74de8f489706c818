import Foundation
import RingsideDomain
import RingsideStore

/// One device: the four version fields as MDM reports them, why its state is what it is,
/// its ring and policy, what the removal restriction does on it, and its version history.
enum DeviceDetailView {
  static func lines(_ detail: DeviceDetail, width: Int, now: Date) -> [[(String, StyleRole)]] {
    let r = detail.record
    let d = r.device
    var out: [[(String, StyleRole)]] = []
    func line(_ parts: (String, StyleRole)...) { out.append(parts) }
    func field(_ label: String, _ value: String, _ role: StyleRole = .tableRow) {
      line(("  " + RingsideTUIText.fit(label, 28), .label), (value, role))
    }
    func wrapped(_ label: String, _ text: String, _ role: StyleRole) {
      let body = DisplayWidth.wrap(text, width: max(20, width - 14))
      for (i, piece) in body.enumerated() {
        line((RingsideTUIText.fit(i == 0 ? label : "", 12), .label), (piece, role))
      }
    }
    line(
      (d.name, .sectionTitle), ("  \(d.platform.displayName) \(detail.versionLabel)", .tableRow),
      ("  \(d.model ?? "")", .dim))
    line(
      ("Serial ", .label), (d.serial ?? "–", .tableRow), ("   User ", .label),
      (d.userName ?? "–", .tableRow),
      ("   Source ", .label), (d.source.rawValue, .tableRow))
    line()
    wrapped("State", r.state.title, RingsideTUIText.role(r.state))
    if let action = detail.assessment.action { wrapped("What to do", action, .warning) }
    let oldData = StaleVerdict.sentence(lastCheckIn: d.lastCheckIn, now: now).map { " " + $0 }
    wrapped("Why", detail.assessment.explanation + (oldData ?? ""), .tableRow)
    line()
    line(("Version as MDM reports it", .sectionTitle))
    let v = d.version
    field("OSVersion", v.base?.description ?? "not reported", v.base == nil ? .dim : .tableRow)
    let extra: String =
      switch v.rsr {
      case .none: "none (no RSR/BSI)"
      case .unknown: "not reported by \(d.source)"
      case .letter: v.rsr.extra
      }
    field("SupplementalOSVersionExtra", extra, v.rsr == .unknown ? .dim : .tableRow)
    field("BuildVersion", v.build?.text ?? "not reported", v.build == nil ? .dim : .tableRow)
    field(
      "SupplementalBuildVersion", v.supplementalBuild?.text ?? "not reported",
      v.supplementalBuild == nil ? .dim : .tableRow)
    line()
    wrapped("Ring", "\(d.ring): \(detail.ring?.policy.summary ?? "no policy")", .tableRow)
    if let target = r.stagedRing {
      wrapped("Staged", "move to ring \(target) (not applied; see view 4)", .warning)
    }
    wrapped(
      "Removal",
      r.removal.rawValue.replacingOccurrences(of: "-", with: " ") + ": "
        + detail.removalSentence, RingsideTUIText.role(r.removal))
    line(
      (RingsideTUIText.fit("Supervised", 12), .label),
      (d.supervised.map { $0 ? "yes" : "no" } ?? "not reported", .tableRow),
      ("   User enrollment ", .label), (d.userEnrolled ? "yes" : "no", .tableRow))
    let stale =
      d.lastCheckIn.map { now.timeIntervalSince($0) > Double(DeviceFilter.staleDays * 86400) }
      ?? true
    line(
      (RingsideTUIText.fit("Check-in", 12), .label),
      (d.lastCheckIn.map { Format.timestamp($0) + " UTC" } ?? "never", stale ? .stale : .tableRow),
      ("  (\(Format.age(d.lastCheckIn, now: now)) ago)", .dim))
    line()
    line(("Version history, oldest first (UTC)", .sectionTitle))
    if detail.history.isEmpty { line(("  none recorded", .dim)) }
    for (h, label) in zip(detail.history, detail.historyLabels) {
      line(
        ("  " + RingsideTUIText.fit(Format.timestamp(h.seenAt), 18), .dim),
        (RingsideTUIText.fit(label, 13), .tableRow),
        (
          RingsideTUIText.fit(h.version.supplementalBuild?.text ?? h.version.build?.text ?? "", 12),
          .dim
        ),
        (h.source, .dim))
    }
    return out
  }

  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    guard let detail = state.devices.detail else {
      grid.put("Loading the device…", x: area.x + 1, y: area.y, role: .dim)
      return
    }
    let all = lines(detail, width: area.width - 2, now: state.now)
    let scroll = min(
      state.devices.detailScroll, MoreBelowCue.maxScroll(count: all.count, height: area.height))
    let rows = MoreBelowCue.rows(for: all.count, from: scroll, in: area, grid: &grid)
    for (row, parts) in all.dropFirst(scroll).prefix(rows).enumerated() {
      var x = area.x + 1
      for (text, role) in parts {
        x += grid.put(
          text, x: x, y: area.y + row, role: role, limit: max(0, area.x + area.width - x))
      }
    }
  }
}
