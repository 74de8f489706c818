import Foundation
import RingsideDomain
import RingsideStore

/// Work the state update asks for; the runtime performs it and answers with an `Event`.
public enum Effect: Sendable, Hashable {
  /// Counts for Overview and Rings.
  case loadSnapshot
  case loadPage(PageRequest)
  case count(DevicesQuery)
  case loadDetail(Int64)
  /// Ask whether another process changed the store.
  case checkDataVersion
  case loadTheme(String)
  /// Staged changes, the profile plan and its warnings.
  case loadStaging
  /// A page of the audit log, newest first.
  case loadAudit(offset: Int, limit: Int)
  /// A change to the store: stage, drop or write.
  case write(StoreWrite)
  /// Put this text (cleaned, a serial number) on the clipboard through the terminal.
  case setClipboard(String)
  case quit
}

/// Something that happened: a key, a resize, a clock tick, or the answer to an effect.
public enum Event: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  case tick(Date)
  case snapshotLoaded(FleetSnapshot, ReleaseCatalog, at: Date)
  case pageLoaded(DevicePage)
  case countLoaded(DevicesQuery, Int)
  case detailLoaded(DeviceDetail)
  case detailMissing(Int64)
  case dataVersion(Int64)
  case themeLoaded(String)
  case stagingLoaded(StagingInfo)
  case auditLoaded(AuditPage)
  /// A write succeeded; the text says what it did.
  case written(StoreWrite, String)
  /// Another admin staged a different value; the text names them and it.
  case conflict(StoreWrite, String)
  case failed(String)
  /// The store's connection was lost; the worker is reopening it. The text says so.
  case connectionLost(String)
  /// The worker reopened the store's connection; everything on screen is read again.
  case reconnected(String)
}
