/// What one `ringside sync` asks for, besides the import options.
public struct SyncOptions: Sendable {
  public var source: SyncSource
  /// `--url`: the API base (national clouds, self-hosted servers, tests).
  public var baseURL: String?
  /// `--auth-url`: the token endpoint.
  public var authURL: String?
  /// `--ca-file`: PEM certificates to verify the servers against instead of the system's.
  public var caFile: String?
  /// Devices per page; nil takes each API's default (Graph's own, Jamf and Fleet 500, Kandji
  /// 300, its maximum).
  public var pageSize: Int?
  public var policy: RetryPolicy
  /// The most pages one collection may have: a server that keeps linking on is stopped.
  public var maxPages: Int
  /// The largest page accepted, in bytes.
  public var maxPageBytes: Int
  /// The most bytes all pages together may hold (they wait on disk for the import): a server
  /// that keeps sending is stopped before it fills the disk.
  public var maxTotalBytes: Int
  /// Where the private folder for the pages is made; nil takes `$TMPDIR` (else `/tmp`).
  public var scratchParent: String?

  public init(
    source: SyncSource, baseURL: String? = nil, authURL: String? = nil, caFile: String? = nil,
    pageSize: Int? = nil, policy: RetryPolicy = RetryPolicy(), maxPages: Int = 10_000,
    maxPageBytes: Int = 64 << 20, maxTotalBytes: Int = 2 << 30, scratchParent: String? = nil
  ) {
    self.source = source
    self.baseURL = baseURL
    self.authURL = authURL
    self.caFile = caFile
    self.pageSize = pageSize
    self.policy = policy
    self.maxPages = maxPages
    self.maxPageBytes = maxPageBytes
    self.maxTotalBytes = maxTotalBytes
    self.scratchParent = scratchParent
  }
}

/// How far a sync is, for the progress line.
public struct SyncProgress: Sendable {
  public var pages = 0
  public var records = 0
  public var bytes = 0
}

/// What the sync tells its caller while it runs.
public struct SyncEvents: Sendable {
  public var page: @Sendable (SyncProgress) -> Void
  /// A busy or unreachable server: "page: reason" and the seconds Ringside waits.
  public var waiting: @Sendable (String, Double) -> Void

  public init(
    page: @escaping @Sendable (SyncProgress) -> Void = { _ in },
    waiting: @escaping @Sendable (String, Double) -> Void = { _, _ in }
  ) {
    self.page = page
    self.waiting = waiting
  }
}
