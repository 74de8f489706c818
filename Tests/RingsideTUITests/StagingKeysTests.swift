import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

final class StagingKeysTests: XCTestCase {
  func testRingsKeysStageAStepForTheRingUnderTheCursor() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"))
    let cases: [(Character, PolicyStep)] = [
      ("i", .cycle(.rsrInstallation)), ("r", .cycle(.rsrRemoval)), ("+", .deferral(by: 1)),
      ("-", .deferral(by: -1)), ("c", .cycle(.criticalUpdateInstall)),
    ]
    for (key, step) in cases {
      let write = StoreWrite.policy(step, ring: "test", replacingOthers: false)
      // test allows installation; `i` makes it block, which asks first (a loosening).
      guard key != "i" else {
        XCTAssertEqual(r.key(.character(key)), [])
        guard case .confirm(_, write)? = r.state.prompt else { return XCTFail("no question") }
        XCTAssertEqual(r.key(.character("y")), [.write(write)])
        continue
      }
      XCTAssertEqual(r.key(.character(key)), [.write(write)], "key \(key)")
    }
  }

  func testAStagedValueShowsMarkedWithItsAuthorAndTheStatusCountsIt() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("i"), .character("y"), .character("+"))
    XCTAssertEqual(r.state.staging?.count, 2)
    XCTAssertTrue(r.screen.contains("block*"), r.screen)
    XCTAssertTrue(r.screen.contains("deferral 1 d*"), r.screen)
    XCTAssertTrue(r.screen.contains("staged by alice"), r.screen)
    XCTAssertTrue(r.screen.contains("2 staged"), r.screen)
  }

  func testAnotherAdminsValueAsksBeforeReplacingIt() throws {
    let store = try TestFleet.freshStore()
    try store.stagePolicy(
      .rsrInstallation(.block), ring: "test", by: AuditActor(user: "bob"), at: TestFleet.now)
    var r = Reducer(store: store)
    r.press(.character("3"), .character("i"))
    guard case .confirm(let text, let write) = r.state.prompt else {
      return XCTFail("no question: \(r.screen)")
    }
    XCTAssertEqual(
      text, "ring test: bob staged RSR/BSI installation block; replace with unset? y/n")
    XCTAssertEqual(write, .policy(.cycle(.rsrInstallation), ring: "test", replacingOthers: true))
    XCTAssertEqual(try store.stagedChanges().first?.author, "bob", "nothing replaced yet")
    r.press(.character("y"))
    XCTAssertNil(r.state.prompt)
    XCTAssertFalse(try store.stagedChanges().contains { $0.author == "bob" })
  }

  func testLooseningARingsProtectionAsksFirst() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store)
    // production blocks removal in the demo fleet; `r` would make it unset.
    r.press(.character("3"), .character("j"))
    r.press(.character("r"))
    guard case .confirm(let text, let write) = r.state.prompt else {
      return XCTFail("no question: \(r.screen)")
    }
    XCTAssertTrue(
      text.hasPrefix("ring production: RSR/BSI removal block → unset lifts a protection from"), text
    )
    // The devices that enforce the block, not every device of the ring.
    let blocked = try store.countDevices(
      filter: DeviceFilter(terms: [.ring("production"), .removal(.blocked)]), now: TestFleet.now)
    XCTAssertTrue(text.contains("from \(blocked.grouped) device(s)"), "\(blocked): \(text)")
    XCTAssertEqual(write, .policy(.cycle(.rsrRemoval), ring: "production", replacingOthers: false))
    XCTAssertTrue(try store.stagedChanges().isEmpty, "nothing staged before y")
    r.press(.character("n"))
    XCTAssertTrue(try store.stagedChanges().isEmpty)
    r.press(.character("r"), .character("y"))
    XCTAssertEqual(try store.stagedChanges().count, 1)
  }

  /// The question's text, and after `y` the devices `staged`'s LOOSENS warning counts.
  private func askAndStage(_ r: inout Reducer, _ key: Character) throws -> (String, Int?) {
    r.press(.character(key))
    guard case .confirm(let text, _) = r.state.prompt else {
      XCTFail("no question: \(r.screen)")
      return ("", nil)
    }
    r.press(.character("y"))
    return (text, r.state.staging?.warnings.first { $0.kind == .loosening }?.devices)
  }

  func testBlockingRSRInstallationAsksFirstNamingTheDevicesStagedCounts() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("j"))
    let (text, devices) = try askAndStage(&r, "i")
    XCTAssertTrue(
      text.hasPrefix("ring production: RSR/BSI installation allow → block lifts a protection"),
      text)
    let flagged = try XCTUnwrap(devices, "staged flags it")
    XCTAssertTrue(text.contains("from \(flagged.grouped) device(s)"), "\(flagged): \(text)")
    // The devices that enforce a block: not the ring's unsupervised iPhones.
    XCTAssertLessThan(flagged, try XCTUnwrap(r.state.snapshot?.rings[1].devices))
  }

  func testTurningCriticalUpdatesOffAsksFirstCountingMacsOnly() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("j"))
    let (text, devices) = try askAndStage(&r, "c")
    XCTAssertTrue(
      text.hasPrefix("ring production: macOS critical updates on → off lifts a protection"), text)
    let flagged = try XCTUnwrap(devices, "staged flags it")
    XCTAssertTrue(text.contains("from \(flagged.grouped) device(s)"), "\(flagged): \(text)")
    let macs = try XCTUnwrap(r.state.staging?.segments)
      .filter { $0.ring == "production" && $0.platform == .macOS }.reduce(0) { $0 + $1.count }
    XCTAssertGreaterThan(flagged, 0)
    XCTAssertLessThanOrEqual(flagged, macs)
  }

  func testStepsThroughAStagedValueAskBeforeTheOneThatLiftsAProtection() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    // test leaves critical updates unset (Apple's default: on); c stages on, then off.
    r.press(.character("3"), .character("c"))
    XCTAssertNil(r.state.prompt, "unset → on protects")
    let (text, _) = try askAndStage(&r, "c")
    XCTAssertTrue(
      text.hasPrefix("ring test: macOS critical updates unset → off lifts a protection"), text)
  }

  func testAnotherKeyThanYLeavesTheOtherAdminsValue() throws {
    let store = try TestFleet.freshStore()
    try store.stagePolicy(
      .rsrInstallation(.block), ring: "test", by: AuditActor(user: "bob"), at: TestFleet.now)
    var r = Reducer(store: store)
    r.press(.character("3"), .character("i"), .character("n"))
    XCTAssertNil(r.state.prompt)
    XCTAssertEqual(try store.stagedChanges().map(\.author), ["bob"])
  }

  func testSpaceSelectsAndMMovesTheSelectionToTheRingPicked() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("2"))
    let first = try XCTUnwrap(r.state.devices.selected?.id)
    r.press(.character(" "))
    XCTAssertEqual(r.state.devices.selection, [first])
    XCTAssertTrue(r.screen.contains("1 selected"), r.screen)
    XCTAssertEqual(r.key(.character("m")), [])
    guard case .pickRing(let picker) = r.state.prompt else { return XCTFail("no ring list") }
    XCTAssertEqual(picker.rings, ["test", "production"])
    XCTAssertEqual(r.key(.character("1")), [.write(.moveDevices([first], ring: "test"))])
  }

  func testMWithoutSelectionMovesTheCursorRow() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("2"))
    let row = try XCTUnwrap(r.state.devices.selected?.id)
    r.press(.character("m"), .down)
    XCTAssertEqual(r.key(.enter), [.write(.moveDevices([row], ring: "production"))])
  }

  func testSelectAllMovesEveryDeviceMatchingTheFilter() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store)
    r.press(.character("2"))
    for c in "/platform:macos" { r.press(.character(c)) }
    r.press(.enter, .character("A"), .character("m"))
    let filter = r.state.devices.query.filter
    XCTAssertEqual(r.key(.character("1")), [.write(.moveMatching(filter, ring: "test"))])
    r.press(.character("2"), .character("m"), .character("1"))
    XCTAssertGreaterThan(try store.stagedMoveGroups().reduce(0) { $0 + $1.devices }, 0)
  }

  func testUDropsTheStagedChangeUnderTheCursor() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store)
    r.press(.character("3"), .character("i"), .character("y"), .character("4"))
    let id = try XCTUnwrap(store.stagedChanges().first?.id)
    XCTAssertEqual(r.key(.character("u")), [.write(.discard([id]))])
    r.perform([.write(.discard([id]))])
    XCTAssertEqual(try store.stagedChangeCount(), 0)
    XCTAssertEqual(r.state.staging?.count, 0)
  }

  func testWAsksWhatIsWrittenWhereAndWritesOnlyOnY() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("i"), .character("y"), .character("4"))
    XCTAssertEqual(r.key(.character("w")), [])
    guard case .confirm(let text, let write) = r.state.prompt else { return XCTFail("no question") }
    XCTAssertTrue(
      text.hasPrefix("write 8 file(s) to \(TestFleet.noDirectory) (create test-ios"), text)
    XCTAssertEqual(write, .apply)
    XCTAssertEqual(r.key(.character("y")), [.write(.apply)])
  }

  func testWToARelativeFolderAStoreKeptWritesNothingAndSaysHowToFixIt() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store, directory: "out")
    r.press(.character("3"), .character("r"), .character("4"), .character("w"), .character("y"))
    let message = try XCTUnwrap(r.state.message)
    XCTAssertTrue(message.isError, message.text)
    XCTAssertTrue(message.text.contains("\"out\" is a relative path"), message.text)
    XCTAssertEqual(try store.stagedChangeCount(), 1, "nothing applied")
  }

  func testEnterOnAFileShowsItsDiffAndEscGoesBack() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("i"), .character("y"), .character("4"), .down, .enter)
    XCTAssertEqual(r.state.staged.openFile, "test-ios.mobileconfig")
    XCTAssertTrue(r.screen.contains("+ <?xml version"), r.screen)
    r.press(.escape)
    XCTAssertNil(r.state.staged.openFile)
  }

  func testAViewerPressingAStagingKeyIsToldWhy() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store, access: TestFleet.viewer)
    r.press(.character("3"))
    XCTAssertEqual(r.key(.character("i")), [])
    XCTAssertEqual(r.state.message?.text, "read-only: you are not in group ringside-admins")
    XCTAssertTrue(r.screen.contains("viewer"), r.screen)
    XCTAssertEqual(try store.stagedChangeCount(), 0)
  }

  func testAnotherSessionsStagingShowsAtTheNextTick() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store)
    r.press(.character("3"))
    XCTAssertEqual(r.state.staging?.count, 0)
    let other = try InventoryStore(path: store.path)
    try other.stagePolicy(
      .rsrRemoval(.block), ring: "test", by: AuditActor(user: "bob"), at: TestFleet.now)
    r.perform([.checkDataVersion])
    XCTAssertEqual(r.state.staging?.count, 1)
    XCTAssertTrue(r.screen.contains("removal block*"), r.screen)
    XCTAssertTrue(r.screen.contains("staged by bob"), r.screen)
  }

  func testWriteFromTheCommandLineAsksFirstInAnyView() throws {
    var r = Reducer(store: try TestFleet.freshStore())
    r.press(.character("3"), .character("i"), .character("y"), .character(":"))
    for c in "write" { r.press(.character(c)) }
    r.press(.enter)
    guard case .confirm(_, .apply) = r.state.prompt else { return XCTFail("no question") }
  }

  func testAFileChangedOnDiskStopsTheWriteUntilTheUserSaysOverwrite() throws {
    let out = try TestFolders.make("ringside-tui-out").appendingPathComponent("profiles").path
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store, directory: out)
    // allow → block stops RSR/BSI installation: the first y answers that question.
    r.press(
      .character("3"), .character("i"), .character("y"), .character("4"), .character("w"),
      .character("y"))
    XCTAssertTrue(r.state.message?.text.hasPrefix("wrote 8 file(s) to") == true, r.screen)
    XCTAssertEqual(try store.stagedChangeCount(), 0)
    let file = out + "/test-ios.mobileconfig"
    try "edited by hand".write(toFile: file, atomically: true, encoding: .utf8)
    // block → unset lets devices install RSR/BSIs again: nothing to ask.
    r.press(.character("3"), .character("i"))
    r.press(.character("4"), .character("w"), .character("y"))
    guard case .confirm(let text, .applyOverwriting) = r.state.prompt else {
      return XCTFail("no question: \(r.screen)")
    }
    XCTAssertTrue(text.contains("test-ios.mobileconfig"), text)
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "edited by hand")
    r.press(.character("y"))
    XCTAssertNotEqual(try String(contentsOfFile: file, encoding: .utf8), "edited by hand")
    XCTAssertEqual(try store.stagedChangeCount(), 0)
  }

  func testUOnARingMoveDropsTheWholeGroup() throws {
    let store = try TestFleet.freshStore()
    var r = Reducer(store: store)
    r.press(.character("2"), .character(" "), .character(" "), .character("m"), .character("1"))
    let from = try XCTUnwrap(store.stagedMoveGroups().first?.fromRing)
    let staged = try store.stagedChangeCount()
    XCTAssertGreaterThan(staged, 0)
    r.press(.character("4"))
    XCTAssertTrue(r.screen.contains("Ring moves (\(staged) staged)"), r.screen)
    let effects = r.key(.character("u"))
    XCTAssertEqual(effects, [.write(.discardMoves(RingMove(from: RingName(from), to: "test")))])
    r.perform(effects)
    XCTAssertEqual(try store.stagedChangeCount(), 0)
    XCTAssertEqual(r.state.staging?.count, 0)
  }

  func testEnterOnARingMoveListsItsDevicesAndTheMembershipFilesItWrites() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("ringside-tui-moves-\(UUID().uuidString)").path
    addTeardownBlock { try? FileManager.default.removeItem(atPath: out) }
    let store = try TestFleet.freshStore()
    let folder = (store.path as NSString).deletingLastPathComponent
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    var r = Reducer(store: store, directory: out)
    r.press(.character("2"), .character(" "), .character(" "), .character("m"), .character("1"))
    let moved = try store.stagedChanges().compactMap { change -> String? in
      guard case .move(let device, _) = change.kind else { return nil }
      return device.serial
    }
    XCTAssertFalse(moved.isEmpty)
    r.press(.character("4"))
    XCTAssertTrue(r.screen.contains("(Enter lists them)"), r.screen)
    r.press(.enter)
    XCTAssertNotNil(r.state.staged.openMoves)
    for serial in moved { XCTAssertTrue(r.screen.contains(serial), r.screen) }
    XCTAssertTrue(r.screen.contains("create    test.serials.txt"), r.screen)
    r.press(.escape)
    XCTAssertNil(r.state.staged.openMoves)

    r.press(.character("w"), .character("y"))
    let list = try String(contentsOfFile: out + "/test.serials.txt", encoding: .utf8)
    for serial in moved { XCTAssertTrue(list.contains(serial + "\n"), list) }
  }

  func testSevenPlusKeysAreOneAuditEntryWithTheFinalValue() throws {
    let store = try TestFleet.freshStore()
    let folder = (store.path as NSString).deletingLastPathComponent
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    let before = try store.auditEntryCount()
    var r = Reducer(store: store)
    r.press(.character("3"))
    for _ in 0..<7 { r.press(.character("+")) }
    r.press(.character("5"))
    let entries = try store.auditEntries().filter { $0.action == "stage-policy" }
    XCTAssertEqual(entries.map(\.detail), ["ring test: OS update deferral unset → 7"])
    XCTAssertEqual(try store.auditEntryCount(), before + 1)
    XCTAssertTrue(r.screen.contains("deferral unset → 7"), r.screen)
  }
}
