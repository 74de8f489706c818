import Foundation
import RingsideDomain

/// The newest audit entries this unix user has seen in a store, kept in a file of the user's own
/// outside the store (`$XDG_STATE_HOME/ringside/witness/`, mode 0600), so someone who can write
/// the store cannot rewrite them. Every command that opens the store notes the newest entry
/// and its chain link; `audit --verify` then checks the log still holds those entries with
/// those links. Cutting the log short, deleting or emptying it, re-chaining it after an edit or
/// forging entries in the history this user saw all change or remove a witnessed link.
///
/// It cannot protect entries newer than the last time anyone looked, and a user's own witness
/// file is theirs to rewrite: it protects the log against everyone but that user.
public struct AuditWitness {
  /// The witness file for this store; nil without `$XDG_STATE_HOME` or `$HOME` (a process
  /// with no home keeps no witness).
  public let file: String?
  /// The most witnessed links kept; the newest one alone would do, older ones name the point
  /// the log was rewritten from.
  static let keep = 32

  public init(storePath: String, environment: [String: String]) {
    let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    guard
      let state = environment["XDG_STATE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil })
        ?? home.map({ $0 + "/.local/state" })
    else {
      file = nil
      return
    }
    let canonical = realpath(storePath, nil).map { pointer in
      defer { free(pointer) }
      return String(cString: pointer)
    }
    let key = String(SHA256.hex(Array((canonical ?? storePath).utf8)).prefix(32))
    file = state + "/ringside/witness/" + key
  }

  /// One witnessed entry: its id and chain link.
  struct Link: Equatable {
    let id: Int64
    let chain: String
  }

  /// Notes the store's newest entry when it is not the last one noted. Best effort: a
  /// witness that cannot be written never stops a command. A log that no longer matches what
  /// was witnessed is not noted, so the evidence stays until `audit --verify` reports it.
  public func record(_ store: InventoryStore) {
    guard let head = try? Self.head(store) else { return }
    var links = read()
    if links.last == head { return }
    guard (try? problems(in: store))?.isEmpty == true else { return }
    links.append(head)
    write(Array(links.suffix(Self.keep)))
  }

  /// What no longer matches in the log: an empty list when every witnessed entry is there with
  /// the link it had.
  public func problems(in store: InventoryStore) throws(StoreError) -> [String] {
    try Self.check(read(), in: store, source: "witness \(file ?? "-")")
  }

  /// Checks links, newest first, against the log; names `source` in the problem.
  static func check(_ links: [Link], in store: InventoryStore, source: String)
    throws(StoreError) -> [String]
  {
    let lookup = try store.database.prepare("SELECT chain FROM audit_log WHERE id = ?1")
    for link in links.reversed() {
      let found = try lookup.query([.integer(link.id)]) { $0.string(at: 0) }
      guard let stored = found.first else {
        return [
          "entry #\(link.id), which was seen before, is gone: the log was cut short, emptied or "
            + "had entries deleted (\(source))"
        ]
      }
      if stored != link.chain {
        return [
          "entry #\(link.id) no longer has the chain link seen before: the log was rewritten, "
            + "re-chained or forged up to that entry (\(source))"
        ]
      }
    }
    return []
  }

  static func head(_ store: InventoryStore) throws(StoreError) -> Link? {
    let rows = try store.database.prepare(
      "SELECT id, chain FROM audit_log WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).query { row in (row.int(at: 0), row.string(at: 1)) }
    guard let row = rows.first, let id = row.0, let chain = row.1 else { return nil }
    return Link(id: id, chain: chain)
  }

  func read() -> [Link] {
    guard let file else { return [] }
    let fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 16_384)
    let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return [] }
    return Self.parse(String(decoding: buffer[0..<n], as: UTF8.self))
  }

  /// "ID CHAIN" lines; anything else is skipped.
  static func parse(_ text: String) -> [Link] {
    text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 2, let id = Int64(parts[0]), parts[1].count == 64 else { return nil }
      return Link(id: id, chain: String(parts[1]))
    }
  }

  private func write(_ links: [Link]) {
    guard let file else { return }
    let folder = (file as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let temporary = file + ".\(getpid())"
    let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    let bytes = Array(links.map { "\($0.id) \($0.chain)\n" }.joined().utf8)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    close(fd)
    if written == bytes.count && synced && rename(temporary, file) == 0 { return }
    unlink(temporary)
  }
}
