import Foundation
import RingsideStore

/// `check --max-import-age HOURS`: notices a scheduled import that stopped. WARNING when the
/// newest stored import is older than HOURS, CRITICAL past twice HOURS or when no import was
/// ever stored.
enum ImportAgeCheck {
  static let option = CommandSpec.Option(
    "--max-import-age", value: "HOURS",
    help:
      "WARNING when the newest import is older than HOURS, CRITICAL past twice HOURS or with none.")

  /// The status this check adds, the words for the status line, and its perfdata.
  struct Outcome {
    let status: Int32
    let text: String
    let perf: String
  }

  static func evaluate(_ store: InventoryStore, hours: Int, now: Date) throws -> Outcome {
    let limit = Double(hours) * 3600
    guard let newest = try store.newestImport() else {
      return Outcome(
        status: ExitCode.checkCritical, text: "no import recorded",
        perf: "import_age=U;\(Int(limit));\(Int(limit * 2));0")
    }
    let age = max(0, now.timeIntervalSince(newest))
    let status =
      age > limit * 2
      ? ExitCode.checkCritical : age > limit ? ExitCode.checkWarning : 0
    return Outcome(
      status: status, text: "last import \(Int(age / 3600))h ago",
      perf: "import_age=\(Int(age))s;\(Int(limit));\(Int(limit * 2));0")
  }
}
