/// What staging one setting of a ring does, decided without a store: the rules both the command
/// line and the dashboard follow. Another admin's different staged value is never replaced
/// unless asked; a value equal to the applied one drops what was staged instead.
public enum StagingRule {
  /// The value already staged for the same setting, and who staged it.
  public struct Staged: Sendable, Hashable {
    public let author: String
    public let value: PolicyChange

    public init(author: String, value: PolicyChange) {
      self.author = author
      self.value = value
    }
  }

  /// The outcome for one setting.
  public enum Decision: Sendable, Hashable {
    /// The value is invalid on this ring's policy (the reason).
    case invalid(String)
    /// Another admin staged a different value; nothing changes unless they are replaced.
    case conflict(Staged)
    /// Back to the applied value: drop what was staged, if anything.
    case revert(dropping: Staged?)
    /// Stage `new` over the applied `old`, replacing what was staged, if anything.
    case stage(old: PolicyChange, new: PolicyChange, replacing: Staged?)
  }

  public static func decide(
    _ change: PolicyChange, applied: RingPolicy, staged: Staged?, by user: String,
    replacingOthers: Bool
  ) -> Decision {
    do {
      _ = try change.applied(to: applied)
    } catch {
      return .invalid("\(error)")
    }
    if let staged, staged.author != user, !replacingOthers, staged.value != change {
      return .conflict(staged)
    }
    let current = change.field.value(in: applied)
    if current == change { return .revert(dropping: staged) }
    return .stage(old: current, new: change, replacing: staged)
  }
}
