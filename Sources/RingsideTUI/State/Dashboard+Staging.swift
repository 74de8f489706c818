import RingsideDomain
import RingsideServices
import RingsideStore

extension Dashboard {
  /// A key while a question or the ring list is open: nothing else sees it.
  static func promptKey(_ s: inout DashboardState, _ key: Key, _ prompt: Prompt) -> [Effect] {
    switch prompt {
    case .confirm(_, let write):
      s.prompt = nil
      if key == .character("y") || key == .character("Y") { return [.write(write)] }
      s.message = StatusMessage(text: "cancelled; nothing was changed", isError: false)
      return []
    case .pickRing(var picker):
      switch key {
      case .up, .character("k"): picker.cursor = max(0, picker.cursor - 1)
      case .down, .character("j"): picker.cursor = min(picker.rings.count - 1, picker.cursor + 1)
      case .character(let c) where c.isNumber:
        guard let n = c.wholeNumberValue, picker.rings.indices.contains(n - 1) else { return [] }
        picker.cursor = n - 1
        s.prompt = nil
        return picker.write.map { [.write($0)] } ?? []
      case .enter:
        s.prompt = nil
        return picker.write.map { [.write($0)] } ?? []
      case .escape, .character("q"):
        s.prompt = nil
        s.message = StatusMessage(text: "cancelled; nothing was moved", isError: false)
        return []
      default: return []
      }
      s.prompt = .pickRing(picker)
      return []
    }
  }

  /// Says why a key bound only for admins does nothing here.
  static func refuse(_ s: inout DashboardState) {
    s.message = StatusMessage(
      text: s.access.refusal ?? "read-only: this session cannot change the store", isError: true)
  }

  /// The answers to staging effects.
  static func applyStaging(_ s: inout DashboardState, _ event: Event) -> [Effect] {
    switch event {
    case .stagingLoaded(let info):
      s.staging = info
      return []
    case .auditLoaded(let page):
      guard page.offset == s.audit.offset else { return [] }
      s.audit.page = page
      return []
    case .written(.endStagingRun, _):
      return [auditLoad(s)]
    case .written(let write, let text):
      s.message = StatusMessage(text: text, isError: false)
      var effects: [Effect] = [.loadStaging, auditLoad(s)]
      switch write {
      case .moveDevices, .moveMatching:
        s.devices.selection = []
        s.devices.allMatching = false
      case .apply, .applyOverwriting:
        s.dataGeneration += 1
        effects.append(.loadSnapshot)
        effects += requery(&s, recount: true)
      case .policy, .discard, .discardMoves, .endStagingRun: break
      }
      return effects
    case .conflict(.apply, let text):
      s.prompt = .confirm(
        text: text + " Overwrite them with what is staged? y/n", write: .applyOverwriting)
      return [.loadStaging]
    case .conflict(let write, let text):
      guard case .policy(let step, let ring, false) = write else {
        s.message = StatusMessage(text: text, isError: true)
        return []
      }
      s.prompt = .confirm(
        text: conflictQuestion(s, step: step, ring: ring) ?? text + " Replace? y/n",
        write: .policy(step, ring: ring, replacingOthers: true))
      return [.loadStaging]
    default:
      return []
    }
  }

  /// "ring test: alice staged RSR/BSI installation block; replace with allow? y/n".
  static func conflictQuestion(_ s: DashboardState, step: PolicyStep, ring: String) -> String? {
    guard let info = s.staging,
      let policy = info.effectiveRings.first(where: { $0.name == ring })?.policy
    else { return nil }
    let mine = step.change(from: policy)
    guard let theirs = info.staged(ring: ring, field: mine.field),
      case .policy(_, let value) = theirs.kind
    else { return nil }
    return
      "ring \(ring): \(theirs.author) staged \(mine.field.title) \(value.text); replace with \(mine.text)? y/n"
  }

  /// A Rings-view key: stages the step for the ring under the cursor.
  static func stagePolicy(_ s: inout DashboardState, _ step: PolicyStep) -> [Effect] {
    guard let ring = s.selectedRing else {
      s.message = StatusMessage(text: "put the cursor on a ring's row first", isError: true)
      return []
    }
    let write = StoreWrite.policy(step, ring: ring, replacingOthers: false)
    // A key that lifts a protection asks first: one stray `i` or `r` must not expose a ring.
    if let question = looseningQuestion(s, step: step, ring: ring) {
      s.prompt = .confirm(text: question, write: write)
      return []
    }
    return [.write(write)]
  }

  /// "ring production: RSR/BSI installation allow → block lifts a protection from 1,522
  /// device(s). Stage it? y/n": when the step's value lifts a protection the applied policy
  /// gives (`PolicyChange.loosens`, as `staged` flags it) and the value staged now does not
  /// already (its question was asked when it was staged). The devices are those `staged`
  /// counts (`ExposedDevices`).
  static func looseningQuestion(_ s: DashboardState, step: PolicyStep, ring: String) -> String? {
    guard case .cycle(let field) = step,
      let row = s.snapshot?.rings.first(where: { $0.ring.name == ring })
    else { return nil }
    let applied = field.value(in: row.ring.policy)
    let policy = s.staging?.effectiveRings.first { $0.name == ring }?.policy ?? row.ring.policy
    let new = step.change(from: policy)
    guard new.loosens(from: applied), !field.value(in: policy).loosens(from: applied) else {
      return nil
    }
    let change = "ring \(ring): \(field.title) \(applied.text) → \(new.text) lifts a protection"
    guard let info = s.staging else { return change + ". Stage it? y/n" }
    // Lifting a removal block exposes the devices that enforce it, not the ring's others
    // (unsupervised iPhones never enforced it; those that removed it anyway already did).
    let devices = ExposedDevices.count(
      field, ring: ring, segments: info.segments,
      enforcingRemovalBlock: row.byRemoval[.blocked] ?? 0)
    return change + " from \(devices.grouped) device(s). Stage it? y/n"
  }

  /// Devices: Space, `A` and `m`.
  static func selectionCommand(_ s: inout DashboardState, _ id: CommandID) -> [Effect]? {
    switch id {
    case CommandTable.select:
      guard let row = s.devices.selected else { return [] }
      if s.devices.selection.remove(row.id) == nil { s.devices.selection.insert(row.id) }
      s.devices.allMatching = false
      s.devices.cursor += 1
      return s.devices.settle(visibleRows: s.devicesVisibleRows)
    case CommandTable.selectAll:
      s.devices.allMatching.toggle()
      s.devices.selection = []
      return []
    case CommandTable.move:
      let target: RingPicker.Target
      if s.devices.allMatching {
        target = .matching(s.devices.query.filter, count: s.devices.total)
      } else if !s.devices.selection.isEmpty {
        target = .devices(s.devices.selection.sorted())
      } else if let row = s.devices.selected {
        target = .devices([row.id])
      } else {
        return []
      }
      let rings = s.staging?.effectiveRings.map(\.name) ?? s.snapshot?.rings.map(\.ring.name) ?? []
      guard !rings.isEmpty else { return [] }
      s.prompt = .pickRing(RingPicker(rings: rings, cursor: 0, target: target))
      return []
    default: return nil
    }
  }
}
