import Foundation
import RingsideDomain
import RingsideStore

/// The release catalog: listing it and updating a store's copy from Apple's GDMF feed or SOFA
/// v2 feed files. The use case behind `ringside catalog list` and `catalog import`.
public enum ReleaseCatalogs {
  /// The largest feed file read (Apple's and SOFA's feeds are a few MB).
  public static let maximumFeedBytes = 64 << 20

  /// Why a feed file cannot be used; nothing was stored.
  public enum FeedError: Error, Sendable, CustomStringConvertible {
    case tooLarge(file: String)
    case unreadable(file: String)
    /// The feed parser's message, naming the file and the record.
    case invalid(String)

    public var description: String {
      switch self {
      case .tooLarge(let file): "\(file): larger than 64 MB; not a release feed"
      case .unreadable(let file): "\(file): cannot read the file"
      case .invalid(let message): message
      }
    }
  }

  /// The releases of several feed files and the newest date they carry.
  public struct Feeds: Sendable {
    public var releases: [CatalogRelease] = []
    /// The newest GDMF posting date or SOFA LastCheck; nil when no file has one.
    public var asOf: String?
  }

  /// What an import stored.
  public struct Imported: Sendable {
    public let read: Int
    /// Releases new or changed in the store.
    public let added: Int
    /// The catalog's date after the import.
    public let asOf: String
  }

  /// The releases to list: all, or only RSR/BSIs, or one platform family.
  public static func listed(_ catalog: ReleaseCatalog, rsrOnly: Bool, family: String?)
    -> [CatalogRelease]
  {
    var releases = catalog.releases
    if rsrOnly { releases = releases.filter(\.isRSR) }
    if let family { releases = releases.filter { $0.family.rawValue == family } }
    return releases
  }

  /// Reads and checks every file before anything is stored.
  public static func read(_ files: [String]) throws(FeedError) -> Feeds {
    var feeds = Feeds()
    var asOf: String?
    for file in files {
      let shown = Sanitized.text(file, limit: 200)
      if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
        size > maximumFeedBytes
      {
        throw .tooLarge(file: shown)
      }
      guard let data = FileManager.default.contents(atPath: file) else {
        throw .unreadable(file: shown)
      }
      do {
        if GDMFFeed.recognizes(data) {
          let contents = try GDMFFeed.parse(data, file: shown)
          feeds.releases += contents.releases
          asOf = max(asOf ?? "", contents.asOf ?? "")
        } else {
          feeds.releases += try SOFAFeed.parse(data, file: shown)
          if let day = SOFAFeed.asOf(data) { asOf = max(asOf ?? "", day) }
        }
      } catch {
        throw .invalid(error.description)
      }
    }
    feeds.asOf = asOf?.isEmpty == false ? asOf : nil
    return feeds
  }

  /// Stores `feeds` in `store` (device states are recomputed in the same transaction).
  public static func store(_ feeds: Feeds, in store: InventoryStore) throws(StoreError) -> Imported
  {
    let added = try store.importCatalog(feeds.releases, asOf: feeds.asOf)
    return Imported(read: feeds.releases.count, added: added, asOf: try store.catalog().asOf)
  }
}
