/// A page under the name sort found by walking the name order and testing each device in
/// turn, giving up after `budget` devices: a common word's page (`/ipa` on a fleet of iPads)
/// is met within a few hundred devices, without scanning every device's text first, and a
/// rare word's walk stops early so the scan that suits it answers instead.
struct NameOrderWalk {
  /// The devices' positions in name order (`DeviceTextIndex.nameOrder`).
  let order: [Int32]
  /// Devices tested at most before giving up.
  let budget: Int

  /// Devices tested at least before giving up: at 1M devices about a millisecond, against
  /// the 5-10 ms of a scan of every device's text.
  static let minimumBudget = 10_000

  /// A walk for the page at `offset`: it may test twenty devices per row it passes or shows,
  /// and `minimum` at least.
  init(order: [Int32], offset: Int, limit: Int, minimum: Int = Self.minimumBudget) {
    self.order = order
    let (wanted, overflow) = offset.addingReportingOverflow(limit)
    budget = overflow ? 0 : max(minimum, wanted.multipliedReportingOverflow(by: 20).partialValue)
  }

  /// The positions of the page at `offset` of the devices `accepts` takes, in name order
  /// (from its end when `descending`); nil when `budget` devices were tested first.
  func page(
    offset: Int, limit: Int, descending: Bool, where accepts: (Int) -> Bool
  ) -> [Int32]? {
    guard offset >= 0, limit > 0 else { return nil }
    var page: [Int32] = []
    var skipped = 0
    var tested = 0
    var p = descending ? order.count - 1 : 0
    while page.count < limit && p >= 0 && p < order.count {
      if tested == budget { return nil }
      tested += 1
      let o = order[p]
      p += descending ? -1 : 1
      guard accepts(Int(o)) else { continue }
      if skipped < offset {
        skipped += 1
      } else {
        page.append(o)
      }
    }
    return page
  }
}
