import RingsideDomain

/// The Staged view's cursor over its selectable rows, its scroll, and the open file diff.
public struct StagedModel: Sendable, Equatable {
  public var cursor = 0
  public var scroll = 0
  /// The file whose diff is shown, by name.
  public var openFile: String?
  /// The move group whose devices are listed.
  public var openMoves: RingMove?
  public var diffScroll = 0

  public init() {}
}

/// The Audit view's position in the log: entries from `offset`, newest first.
public struct AuditModel: Sendable, Equatable {
  public var offset = 0
  public var page: AuditPage?

  public init() {}
}
