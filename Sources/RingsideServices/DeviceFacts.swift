import Foundation
import RingsideDomain
import RingsideStore

/// Everything known about one device and why it is in its state: the record, its ring, the
/// verdict against the catalog, the history and the catalog's age. The one use case behind
/// `ringside why` and the dashboard's device page, so both explain a device the same way.
public struct DeviceFacts: Sendable {
  public let record: DeviceRecord
  /// The device's ring as the store has it; nil for a ring the store does not know.
  public let ring: Ring?
  public let assessment: StateAssessment
  /// What the removal status means for this device, in one sentence.
  public let removalSentence: String
  public let history: [HistoryEntry]
  /// The RSR/BSIs the device's MDM reports waiting to install, newest first.
  public let waiting: [AppleOSVersion]
  /// "26.3.1 (a)", as the catalog labels the device's version.
  public let versionLabel: String
  public let catalog: ReleaseCatalog
  public let catalogAge: CatalogAge

  /// A history entry's version as the device list labels it: `16.4.1 (?)` where a source
  /// without letters reported a release that has RSR/BSIs (`ReleaseCatalog.label`).
  public func label(of entry: HistoryEntry) -> String {
    catalog.label(for: entry.version, on: record.device.platform)
  }

  /// Every history entry's label (`label(of:)`), oldest first.
  public var historyLabels: [String] { history.map(label(of:)) }

  /// The ring's policy, or the unset policy for an unknown ring.
  public var policy: RingPolicy { ring?.policy ?? .unset }

  /// Reads the facts for `record` from `store`.
  public static func load(_ record: DeviceRecord, store: InventoryStore) throws(StoreError)
    -> DeviceFacts
  {
    let catalog = try store.catalog()
    let d = record.device
    let ring = try store.rings().first { $0.name == d.ring }
    let assessment = StateAssessor(catalog: catalog, today: store.today).assess(
      platform: d.platform, model: d.model, version: d.version, removedLetter: d.removedLetter,
      requireNewestMajor: ring?.policy.majorTarget.requiresNewestMajor ?? false)
    return DeviceFacts(
      record: record, ring: ring, assessment: assessment,
      removalSentence: RemovalExplanation.sentence(
        status: record.removal, platform: d.platform, supervised: d.supervised,
        userEnrolled: d.userEnrolled, ring: d.ring, version: d.version),
      history: try store.history(deviceID: record.id),
      waiting: try store.waitingSecurityResponses(deviceID: record.id),
      versionLabel: catalog.label(for: d.version, on: d.platform), catalog: catalog,
      catalogAge: CatalogAge(asOf: catalog.asOf, today: store.today))
  }

  /// The facts for the device with `id`, or nil when it is gone.
  public static func load(id: Int64, store: InventoryStore) throws(StoreError) -> DeviceFacts? {
    guard let record = try store.device(id: id) else { return nil }
    return try load(record, store: store)
  }
}
