/// Reads a device's version history for the one fact state derivation needs from it.
public enum VersionHistory {
  /// The letter the device last had on its current base, when it now reports no letter:
  /// the signature of an RSR/BSI removal. nil otherwise.
  public static func removedLetter(
    history: [AppleOSVersion], current: AppleOSVersion
  ) -> Character? {
    guard let base = current.base, current.rsr == .none else { return nil }
    for past in history.reversed() {
      guard past.base == base else { break }
      if let letter = past.rsr.letter { return letter }
    }
    return nil
  }
}
