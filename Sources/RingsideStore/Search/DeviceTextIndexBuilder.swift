import Foundation

/// Builds a `DeviceTextIndex` a slice of devices at a time, so the connection that builds it
/// can answer a keystroke between slices. The store must not change while it builds: the
/// caller starts over when `InventoryStore.changeStamp()` moved.
public final class DeviceTextIndexBuilder {
  /// Devices read per `step()` from SQLite: 3-6 ms at a time on this machine's kind, the
  /// longest a key waits.
  public static let sliceSize = 5_000
  /// Devices read per `step()` from a PostgreSQL server, whose rows cross a socket: 5,000
  /// took 20-57 ms there at 1M devices.
  public static let serverSliceSize = 1_000
  /// This builder's slice: `sliceSize` or `serverSliceSize`.
  private let slicing: Int
  /// Name, serial, user and model take about 70 bytes in a typical fleet.
  static let expectedBytesPerDevice = 80

  /// The store's change stamp when building started; the finished index is only valid for it.
  public let stamp: InventoryStore.ChangeStamp
  private var bytes: [UInt8] = []
  private var ends: [Int] = []
  private var nameEnds: [Int] = []
  private var namePrefixes: [UInt64] = []
  private var ids: [Int64] = []
  private var facets = DeviceFacetTable()
  private var lastID: Int64 = 0
  private var finished = false
  /// The next slice of devices by row id: on SQLite with their text, on PostgreSQL (whose
  /// trigram index answers words) their facets alone.
  private let slice: any StoreStatement
  private let holdsText: Bool
  /// The second phase, once every device's text is in: the name order.
  private let names: NameOrderReader
  private var named = false

  /// Starts building from `store`'s devices as they are now.
  public init(store: InventoryStore) throws(StoreError) {
    stamp = try store.changeStamp()
    holdsText = store.sqlite != nil
    slicing = holdsText ? Self.sliceSize : Self.serverSliceSize
    // Room for every device up front: growing a 70 MB array doubles and copies it, and
    // a slice that copies stalls a key for tens of milliseconds.
    let expected = Int(try store.database.scalar("SELECT MAX(id) FROM devices")?.int ?? 0)
    if holdsText {
      bytes.reserveCapacity(expected * Self.expectedBytesPerDevice)
      ends.reserveCapacity(expected)
      nameEnds.reserveCapacity(expected)
      namePrefixes.reserveCapacity(2 * expected)
    }
    ids.reserveCapacity(expected)
    facets.reserve(expected)
    names = try NameOrderReader(database: store.database, capacity: expected)
    slice = try store.database.prepare(
      holdsText
        ? """
        SELECT id, name, serial, user_name, model, \(DeviceFacetTable.columns)
        FROM devices WHERE id > ?1 ORDER BY id LIMIT ?2
        """
        : "SELECT id, \(DeviceFacetTable.columns) FROM devices WHERE id > ?1 ORDER BY id LIMIT ?2")
  }

  /// Reads the next slice of devices (their text, then their name order); true once every
  /// device is in.
  public func step() throws(StoreError) -> Bool {
    if finished {
      if !named { named = try names.step(ids: ids, limit: slicing) }
      return named
    }
    try slice.bind([.integer(lastID), .integer(Int64(slicing))])
    defer { slice.reset() }
    var read = 0
    guard holdsText, let slice = slice as? SQLiteStatement else {
      while try slice.step() {
        read += 1
        lastID = slice.int(at: 0) ?? lastID
        facets.add(slice, from: 1)
        ids.append(lastID)
      }
      finished = read < slicing
      return false
    }
    while try slice.step() {
      read += 1
      lastID = slice.int(at: 0) ?? lastID
      for column: Int32 in 1...4 {
        for byte in slice.textBytes(at: column) { bytes.append(DeviceTextIndex.folded(byte)) }
        if column == 1 {
          let start = ends.last ?? 0
          nameEnds.append(bytes.count)
          let (head, tail) = DeviceTextIndex.prefix(of: bytes[start..<bytes.count])
          namePrefixes.append(head)
          namePrefixes.append(tail)
        }
        bytes.append(DeviceTextIndex.fieldSeparator)
      }
      bytes.append(DeviceTextIndex.deviceEnd)
      facets.add(slice, from: 5)
      ends.append(bytes.count)
      ids.append(lastID)
    }
    finished = read < slicing
    return false
  }

  /// The index, once `step()` returned true.
  public func index() -> DeviceTextIndex? {
    guard finished, named else { return nil }
    let nameOrder = names.order.count == ids.count ? names.order : nil
    // Without text, the facets answer the name sort only along the name order.
    let usable = facets.usable && (holdsText || nameOrder != nil)
    return DeviceTextIndex(
      bytes: bytes, ends: ends, nameEnds: nameEnds, namePrefixes: namePrefixes, ids: ids,
      facets: usable ? facets : nil, nameOrder: nameOrder, holdsText: holdsText)
  }
}
