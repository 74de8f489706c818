extension CommandTable {
  public static let cycleInstall: CommandID = "ring.cycle-install"
  public static let cycleRemoval: CommandID = "ring.cycle-removal"
  public static let deferMore: CommandID = "ring.defer-more"
  public static let deferLess: CommandID = "ring.defer-less"
  public static let cycleCritical: CommandID = "ring.cycle-critical"
  public static let cycleMajorTarget: CommandID = "ring.cycle-major-target"
  public static let select: CommandID = "devices.select"
  public static let selectAll: CommandID = "devices.select-all"
  public static let move: CommandID = "devices.move"
  public static let drop: CommandID = "staged.drop"
  public static let writeAll: CommandID = "staged.write"

  /// Commands that stage, drop or write: a viewer has none of them.
  public static let staging: [Command] = [
    Command(
      cycleInstall, "install",
      help: "Stage the ring's RSR/BSI installation: unset, allow, block.", scope: .rings,
      dangerous: true),
    Command(
      cycleRemoval, "removal", help: "Stage the ring's RSR/BSI removal: unset, allow, block.",
      scope: .rings, dangerous: true),
    Command(
      deferMore, "defer +", help: "Stage one more day of OS update deferral (unset, 1-90).",
      scope: .rings, dangerous: true),
    Command(
      deferLess, "defer -", help: "Stage one day less of OS update deferral.", scope: .rings,
      dangerous: true),
    Command(
      cycleCritical, "critical",
      help: "Stage the ring's macOS CriticalUpdateInstall: unset, on, off.", scope: .rings,
      dangerous: true),
    Command(
      cycleMajorTarget, "target",
      help:
        "Stage which release counts as current: unset, newest (newest major the model runs), line.",
      scope: .rings, dangerous: true),
    Command(
      select, "select", help: "Select or deselect the device under the cursor.",
      scope: .devices, dangerous: true),
    Command(
      selectAll, "select all",
      help: "Select every device matching the filter, or clear the selection.",
      scope: .devices, dangerous: true),
    Command(
      move, "move",
      help:
        "Stage moving the selected devices (or the one under the cursor) to a ring chosen from a list.",
      scope: .devices, dangerous: true),
    Command(
      drop, "drop", help: "Drop the selected staged change (or the ring move group).",
      scope: .staged, dangerous: true),
    Command(
      writeAll, "write",
      help: "Write the profiles for everything staged and apply it, after a confirmation.",
      scope: .staged, dangerous: true, names: ["write"]),
  ]
}
