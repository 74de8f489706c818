import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideStore

/// The Staged view as lines: policy diffs, ring moves, warnings and files. Some lines are
/// selectable: a staged change (or move group) that `u` drops, a file that Enter opens.
struct StagedLines {
  /// What a selectable line stands for.
  enum Target: Equatable {
    case change(Int64)
    case moves(RingMove)
    case file(String)
  }

  /// One line: its text spans and, when selectable, its target.
  struct Line {
    var spans: [(x: Int, text: String, role: StyleRole)] = []
    var target: Target?
  }

  private(set) var lines: [Line] = []

  /// Indexes of the selectable lines, in order.
  var selectable: [Int] { lines.indices.filter { lines[$0].target != nil } }

  init(_ info: StagingInfo, width: Int) {
    let policies = info.policyChanges
    title("Policy changes (\(policies.count))")
    if policies.isEmpty { text("  nothing staged; press 3 and i, r, +, -, c on a ring", .dim) }
    for change in policies {
      guard case .policy(let old, let new) = change.kind else { continue }
      var line = Line(target: .change(change.id))
      line.spans = [
        (2, DisplayWidth.pad(change.ring, to: 12), .label),
        (15, DisplayWidth.pad(new.field.title, to: 23), .tableRow),
        (39, old.text, .dim), (39 + old.text.count + 1, "→ " + new.text, .warning),
        (55, "\(change.author) \(Format.timestamp(change.stagedAt))", .dim),
      ]
      lines.append(line)
    }
    blank()
    title("Ring moves (\(info.moveGroups.reduce(0) { $0 + $1.devices }.grouped) staged)")
    if info.moveGroups.isEmpty { text("  none; select devices in view 2 and press m", .dim) }
    for group in info.moveGroups {
      var line = Line(target: .moves(group.move))
      line.spans = [
        (2, "\(group.fromRing) → \(group.toRing)", .label),
        (30, "\(group.devices.grouped) device(s)", .number),
        (50, group.authors.joined(separator: ", ") + "  (Enter lists them)", .dim),
      ]
      lines.append(line)
    }
    if !info.warnings.isEmpty {
      blank()
      title("Warnings (\(info.warnings.count))")
      for warning in info.warnings {
        for piece in DisplayWidth.wrap(warning.message, width: max(20, width - 6)) {
          text("  " + piece, .warning)
        }
      }
    }
    blank()
    title("Files in \(info.directory)  (Enter shows the diff)")
    if info.reviews.isEmpty { text("  no ring has a policy; nothing to write", .dim) }
    for review in info.reviews {
      var line = Line(target: .file(review.name))
      let counts = review.changedLines
      line.spans = [
        (2, DisplayWidth.pad(review.action.rawValue, to: 10), role(review.action)),
        (13, review.name, .tableRow),
        (45, review.action == .unchanged ? "" : "+\(counts.added) -\(counts.removed)", .number),
      ]
      if let conflict = review.conflict { line.spans.append((58, conflict, .error)) }
      lines.append(line)
    }
  }

  private func role(_ action: FileReview.Action) -> StyleRole {
    switch action {
    case .create: .stateCurrent
    case .update: .warning
    case .remove: .error
    case .unchanged: .dim
    }
  }

  private mutating func title(_ text: String) {
    lines.append(Line(spans: [(1, text, .sectionTitle)]))
  }

  private mutating func text(_ text: String, _ role: StyleRole) {
    lines.append(Line(spans: [(1, text, role)]))
  }

  private mutating func blank() { lines.append(Line()) }
}
