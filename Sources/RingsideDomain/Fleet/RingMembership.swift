/// The devices one ring holds once the staged moves are applied: what an MDM group for the
/// ring should contain. Written beside the profiles when an apply moves devices in or out.
public struct RingMembership: Sendable, Hashable {
  /// One device of the ring, as the store knows it.
  public struct Member: Sendable, Hashable {
    /// The hardware serial; nil for a device without one (User Enrollment).
    public let serial: String?
    public let name: String

    public init(serial: String?, name: String) {
      self.serial = serial
      self.name = name
    }
  }

  public let ring: String
  /// Every device of the ring, in serial order.
  public let members: [Member]

  public init(ring: String, members: [Member]) {
    self.ring = ring
    self.members = members.sorted { ($0.serial ?? "", $0.name) < ($1.serial ?? "", $1.name) }
  }
}
