import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

/// `apply DB DIR RUNS`: stages a policy change on every ring, then writes the profiles into
/// DIR and applies the staged changes, as `ringside stage policy` and `ringside apply` do.
enum ApplyPhase {
  static func run(_ arguments: [String]) throws -> FigureSet {
    guard arguments.count == 3, let runs = Int(arguments[2]) else {
      throw BenchError("apply phase: DB DIR RUNS")
    }
    let store = try InventoryStore(path: arguments[0])
    let actor = AuditActor(user: "bench")
    var set = FigureSet()
    for run in 0..<runs {
      let start = Stopwatch.now()
      for ring in try store.rings() {
        // Alternate the deferral so every run has a change to stage.
        let days = ring.policy.deferralDays == 3 + run % 2 ? 5 : 3 + run % 2
        try store.stagePolicy(.deferralDays(days), ring: ring.name, by: actor)
      }
      let staged = Stopwatch.ms(since: start)
      let outcome = try StagedApply.run(
        store: store, actor: actor, options: .init(directory: arguments[1]))
      guard !outcome.report.plan.reviews.isEmpty else {
        throw BenchError("apply wrote no profiles")
      }
      set.add("stage_ms", "stage a policy change per ring", "ms", staged)
      set.add("apply_ms", "stage + apply profiles (all rings)", "ms", Stopwatch.ms(since: start))
    }
    return set
  }
}
