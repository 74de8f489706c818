import RingsideDomain

/// A question in the footer or a list over the view; keys answer it before anything else.
public enum Prompt: Sendable, Equatable {
  /// `y` performs the write, any other key cancels.
  case confirm(text: String, write: StoreWrite)
  /// Pick the ring the devices move to.
  case pickRing(RingPicker)
}

/// The list of rings `m` opens, and what moves.
public struct RingPicker: Sendable, Equatable {
  /// What the move concerns.
  public enum Target: Sendable, Equatable {
    case devices([Int64])
    case matching(DeviceFilter, count: Int?)
  }

  public let rings: [String]
  public var cursor: Int
  public let target: Target

  /// "3 devices", "all 1,204 devices matching the filter".
  public var targetText: String {
    switch target {
    case .devices(let ids): ids.count == 1 ? "1 device" : "\(ids.count) devices"
    case .matching(_, let count):
      "all \(count.map { $0.grouped + " " } ?? "")devices matching the filter"
    }
  }

  /// The write for the ring under the cursor.
  public var write: StoreWrite? {
    guard rings.indices.contains(cursor) else { return nil }
    switch target {
    case .devices(let ids): return .moveDevices(ids, ring: rings[cursor])
    case .matching(let filter, _): return .moveMatching(filter, ring: rings[cursor])
    }
  }
}
