import CSQLite

/// What the Devices view filters and sorts on besides a device's text: ring, platform,
/// version, state, removal, model, supervision and build. A fleet holds a few thousand distinct
/// combinations at most, so the text index keeps them once and one small code per device.
struct DeviceFacet: Hashable, Sendable {
  let ringID: Int64
  let platform: String
  let osSort: [UInt8]
  let rsr: String
  let state: String
  let removal: String
  let model: String?
  let supervised: Int64?
  /// What the build sort orders by: the supplemental build, else the build.
  let build: String?
}

/// Every device's facet as a code into `facets`, in the text index's device order; built a
/// slice at a time with the index (`DeviceTextIndexBuilder`).
struct DeviceFacetTable: Sendable {
  /// More distinct facets than this and the table is not kept (SQL answers instead).
  static let maxFacets = 65_535

  var facets: [DeviceFacet] = []
  var codes: [UInt16] = []
  /// Each device's last check-in (`noCheckin` when it has none), in the same order: the one
  /// column the Devices view sorts by that has too many values to be a facet.
  var checkins: [Int64] = []
  /// A device that never checked in: before every check-in, as SQL orders NULL first.
  static let noCheckin = Int64.min
  /// How many devices have each facet.
  var counts: [Int] = []
  private var known: [FacetKey: UInt16] = [:]
  private var key: [UInt8] = []
  /// False once the fleet held more than `maxFacets` combinations.
  private(set) var usable = true

  /// The columns `add(_:from:)` reads, in this order from its first column.
  static let columns =
    "ring_id, platform, os_sort, rsr, state, removal, model, supervised, COALESCE(supplemental_build, build), last_checkin"

  /// Where `last_checkin` is among `columns`, from the first.
  private static let checkinColumn: Int32 = 9

  /// The text columns among `columns`, from the first.
  private static let textColumns: [Int32] = [1, 2, 3, 4, 5, 6, 8]

  /// Adds the device in `row`, whose facet columns start at `first`.
  mutating func add(_ row: SQLiteStatement, from first: Int32) {
    guard usable else { return }
    startKey(row, from: first)
    for offset in Self.textColumns {
      let i = first + offset
      let isNull = sqlite3_column_type(row.handle, i) == SQLITE_NULL
      appendText(isNull ? nil : row.textBytes(at: i))
    }
    addKeyed(row, from: first)
    addCheckin(row, from: first)
  }

  /// Adds the device in `row` of any backend (a PostgreSQL store's), read column by column.
  mutating func add(_ row: any StoreRow, from first: Int32) {
    if let row = row as? SQLiteStatement { return add(row, from: first) }
    guard usable else { return }
    startKey(row, from: first)
    for offset in Self.textColumns {
      guard var text = row.string(at: first + offset) else {
        appendText(nil)
        continue
      }
      text.withUTF8 { appendText($0) }
    }
    addKeyed(row, from: first)
    addCheckin(row, from: first)
  }

  /// Appends the device's check-in, once its facet is in.
  private mutating func addCheckin<Row: StoreRow>(_ row: Row, from first: Int32) {
    guard usable else { return }
    checkins.append(row.int(at: first + Self.checkinColumn) ?? Self.noCheckin)
  }

  /// Starts the key with the integer columns: integers as their eight bytes, text after its
  /// length (`appendText`), each after a byte that keeps NULL apart; no column is read as
  /// another type, so SQLite converts nothing.
  private mutating func startKey<Row: StoreRow>(_ row: Row, from first: Int32) {
    key.removeAll(keepingCapacity: true)
    for i in [first, first + 7] {
      let value = row.int(at: i)
      key.append(value == nil ? 0 : 1)
      withUnsafeBytes(of: value ?? 0) { key.append(contentsOf: $0) }
    }
  }

  /// Appends one text column (nil for NULL) to the key.
  private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>?) {
    key.append(text == nil ? 0 : 1)
    withUnsafeBytes(of: Int32(text?.count ?? 0)) { key.append(contentsOf: $0) }
    if let text { key.append(contentsOf: text) }
  }

  /// Gives the device in `row` the code of the facet `key` holds, a new one when first seen.
  private mutating func addKeyed(_ row: any StoreRow, from first: Int32) {
    if let code = known[FacetKey(bytes: key)] {
      codes.append(code)
      counts[Int(code)] += 1
      return
    }
    guard facets.count < Self.maxFacets else {
      usable = false
      facets = []
      codes = []
      checkins = []
      counts = []
      known = [:]
      return
    }
    let code = UInt16(facets.count)
    facets.append(
      DeviceFacet(
        ringID: row.int(at: first) ?? 0, platform: row.string(at: first + 1) ?? "",
        osSort: Array((row.string(at: first + 2) ?? "").utf8), rsr: row.string(at: first + 3) ?? "",
        state: row.string(at: first + 4) ?? "", removal: row.string(at: first + 5) ?? "",
        model: row.string(at: first + 6), supervised: row.int(at: first + 7),
        build: row.string(at: first + 8)))
    known[FacetKey(bytes: key)] = code
    codes.append(code)
    counts.append(1)
  }

  /// Reserves room for `count` devices.
  mutating func reserve(_ count: Int) {
    codes.reserveCapacity(count)
    checkins.reserveCapacity(count)
  }
}

/// A facet's columns as bytes, hashed in one call (an array of bytes hashes byte by byte).
private struct FacetKey: Hashable {
  let bytes: [UInt8]

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}
