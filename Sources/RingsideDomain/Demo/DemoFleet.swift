import Foundation

/// A realistic, deterministic fleet for demos, tests and benchmarks: iPhones, iPads and Macs
/// on a late-2026 mix of releases, including every RSR/BSI situation an admin meets.
public struct DemoFleet: Sequence, Sendable {
  /// One generated device with the versions it reported before, oldest first.
  public struct Entry: Sendable {
    public let device: Device
    public let history: [(version: AppleOSVersion, seenAt: Date)]
  }

  public static let defaultCount = 2000

  /// The policies of the demo rings: test lets users remove RSRs, production does not.
  public static let ringPolicies: [(String, RingPolicy)] = [
    ("test", try! RingPolicy(rsrInstallation: .allow, rsrRemoval: .allow)),
    (
      "production",
      try! RingPolicy(
        rsrInstallation: .allow, rsrRemoval: .block, deferralDays: 7, criticalUpdateInstall: .on)
    ),
  ]

  public let count: Int
  public let now: Date
  public let seed: UInt64

  public init(count: Int = DemoFleet.defaultCount, now: Date, seed: UInt64 = 2026) {
    self.count = count
    self.now = now
    self.seed = seed
  }

  public func makeIterator() -> AnyIterator<Entry> {
    var index = 0
    return AnyIterator {
      guard index < count else { return nil }
      defer { index += 1 }
      return entry(at: index)
    }
  }

  /// The device at `index`; the same index always gives the same device.
  public func entry(at index: Int) -> Entry {
    var rng = SplitMix64(seed: seed &* 0x1000_0001 ^ UInt64(index))
    let platform: Platform = rng.pick([(.iOS, 50), (.iPadOS, 15), (.macOS, 35)])
    let profile = DemoProfile.pick(for: platform, rng: &rng)
    let userEnrolled = platform != .macOS && rng.chance(4)
    let supervised: Bool? =
      userEnrolled
      ? false : rng.chance(3) ? nil : platform == .macOS ? rng.chance(90) : rng.chance(85)
    let ring = rng.chance(12) ? "test" : "production"
    let staleDays = rng.chance(6) ? 15 + Int(rng.next() % 60) : Int(rng.next() % 4)
    let drawn = now.addingTimeInterval(-Double(staleDays * 86400 + Int(rng.next() % 86400)))
    // A device reports a release only after Apple shipped it.
    let dates = DemoDates(platform: platform)
    let checkIn = Swift.min(
      now, Swift.max(drawn, dates.earliest(profile.current)))
    let model = rng.pick(profile.models)
    let names = DemoNames.name(for: platform, index: index, model: model, rng: &rng)
    let serial = DemoNames.serial(index: index, platform: platform)
    var drawnHistory: [(AppleOSVersion, Date)] = []
    var day = 40 + Int(rng.next() % 60)
    for past in profile.previous {
      drawnHistory.append((past, checkIn.addingTimeInterval(-Double(day * 86400))))
      day -= 10 + Int(rng.next() % 10)
    }
    drawnHistory.append((profile.current, checkIn))
    let history = dates.possible(drawnHistory)
    let removed = VersionHistory.removedLetter(history: history.map(\.0), current: profile.current)
    let device = Device(
      serial: userEnrolled ? nil : serial, udid: userEnrolled ? nil : nil, name: names.device,
      platform: platform, model: names.model, version: profile.current, supervised: supervised,
      userEnrolled: userEnrolled, ring: ring, lastCheckIn: checkIn, userName: names.user,
      source: profile.current.rsr == .unknown ? "intune" : "jamf",
      sourceID: "demo-\(index)",
      removedLetter: removed)
    return Entry(device: device, history: history)
  }
}
