import RingsideDomain

/// The Overview and Rings pages laid out for the state's snapshot, width, glyphs and staging.
/// `Dashboard.update` lays them out once per state change, after the reducer ran and only when
/// one of those inputs changed; the reducer (cursor moves, Enter, the ring under the cursor)
/// and the renderer read them from `DashboardState.layout` instead of laying out again.
public struct ViewLayout: Sendable {
  struct OverviewInputs: Equatable {
    let snapshot: FleetSnapshot
    let width: Int
    let glyphs: Glyphs
  }

  struct RingsInputs: Equatable {
    let snapshot: FleetSnapshot
    let width: Int
    let staging: StagingInfo?
  }

  struct StagedInputs: Equatable {
    let staging: StagingInfo
    let width: Int
  }

  private var overviewInputs: OverviewInputs?
  private var ringsInputs: RingsInputs?
  private var overviewCanvas = DrillCanvas()
  private var ringsCanvas = DrillCanvas()
  private var stagedInputs: StagedInputs?
  private var stagedLines: StagedLines?
  /// How many times each page was laid out since the snapshot first arrived (for tests).
  private(set) var overviewPasses = 0
  private(set) var ringsPasses = 0

  public init() {}

  /// This layout brought up to date with `state`: a page is laid out again only when what it
  /// is drawn from changed.
  func updated(for state: DashboardState) -> ViewLayout {
    var layout = self
    if let staging = state.staging {
      let staged = StagedInputs(staging: staging, width: state.width)
      if staged != stagedInputs {
        layout.stagedInputs = staged
        layout.stagedLines = StagedLines(staging, width: state.width)
      }
    }
    guard let snapshot = state.snapshot else { return layout }
    let overview = OverviewInputs(snapshot: snapshot, width: state.width, glyphs: state.glyphs)
    if overview != overviewInputs {
      layout.overviewInputs = overview
      layout.overviewPasses += 1
      layout.overviewCanvas = OverviewView.canvas(
        snapshot, width: state.width, glyphs: state.glyphs)
    }
    let rings = RingsInputs(snapshot: snapshot, width: state.width, staging: state.staging)
    if rings != ringsInputs {
      layout.ringsInputs = rings
      layout.ringsPasses += 1
      layout.ringsCanvas = RingsView.canvas(snapshot, width: state.width, staging: state.staging)
    }
    return layout
  }

  /// The Overview page for `state`: the one laid out for it, or (for a state not made by
  /// `Dashboard.update`) laid out now.
  func overview(_ state: DashboardState) -> DrillCanvas? {
    guard let snapshot = state.snapshot else { return nil }
    if overviewInputs
      == OverviewInputs(snapshot: snapshot, width: state.width, glyphs: state.glyphs)
    {
      return overviewCanvas
    }
    return OverviewView.canvas(snapshot, width: state.width, glyphs: state.glyphs)
  }

  /// The Staged view's lines for `info` at the state's width, as `overview(_:)`.
  func staged(_ state: DashboardState, _ info: StagingInfo) -> StagedLines {
    if let stagedLines, stagedInputs == StagedInputs(staging: info, width: state.width) {
      return stagedLines
    }
    return StagedLines(info, width: state.width)
  }

  /// How many lines the page of one move group takes.
  func movesLineCount(_ state: DashboardState, _ info: StagingInfo, _ move: RingMove) -> Int {
    StagedMovesView.lineCount(info, move)
  }

  /// The Rings page for `state`, as `overview(_:)`.
  func rings(_ state: DashboardState) -> DrillCanvas? {
    guard let snapshot = state.snapshot else { return nil }
    if ringsInputs == RingsInputs(snapshot: snapshot, width: state.width, staging: state.staging) {
      return ringsCanvas
    }
    return RingsView.canvas(snapshot, width: state.width, staging: state.staging)
  }
}

extension DashboardState {
  /// The layout step after every update: lays out what changed, then keeps the Overview's and
  /// the Rings view's cursors on the pages as laid out.
  mutating func layOut() {
    layout = layout.updated(for: self)
    let height = contentArea.height
    if let canvas = layout.overview(self) { overview.settle(canvas: canvas, height: height) }
    if let canvas = layout.rings(self) { rings.settle(canvas: canvas, height: height) }
  }

  /// How many device rows the Devices table shows.
  var devicesVisibleRows: Int { max(1, contentArea.height - 2) }
}
