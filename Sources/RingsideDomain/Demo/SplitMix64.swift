/// A small deterministic random generator, so the demo fleet is the same on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Picks from weighted choices.
  public mutating func pick<T>(_ choices: [(T, Int)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var roll = Int(next() % UInt64(total))
    for (value, weight) in choices {
      if roll < weight { return value }
      roll -= weight
    }
    return choices[choices.count - 1].0
  }

  /// True with probability `percent`/100.
  public mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }
}
