import RingsideDomain

@testable import RingsideProfiles

/// A ledger kept in memory, standing in for the store.
final class MemoryLedger: ProfileLedger {
  var rings: [Ring]
  var written: [String: [String: String]] = [:]
  var pending: [String: [String: String]] = [:]
  var commits: [ProfileApplyResult] = []
  var failCommit = false
  /// Each ring's devices, and the rings the "staged moves" change.
  var members: [String: [RingMembership.Member]] = [:]
  var moved: Set<String> = []

  struct CommitFailed: Error {}

  init(rings: [Ring]) {
    self.rings = rings
  }

  func policiesToWrite() throws -> [Ring] { rings }

  func knownProfileHashes(directory: String) throws -> [String: Set<String>] {
    var out: [String: Set<String>] = [:]
    for (name, hash) in written[directory] ?? [:] { out[name, default: []].insert(hash) }
    for (name, hash) in pending[directory] ?? [:] { out[name, default: []].insert(hash) }
    return out
  }

  func membershipsToWrite(keeping rings: Set<String>) throws -> [RingMembership] {
    moved.union(rings).sorted().compactMap { ring in
      members[ring].map { RingMembership(ring: ring, members: $0) }
    }
  }

  func recordProfileIntent(directory: String, hashes: [String: String]) throws {
    pending[directory, default: [:]].merge(hashes) { $1 }
  }

  func commitProfileApply(_ result: ProfileApplyResult) throws {
    if failCommit { throw CommitFailed() }
    for file in result.files {
      written[result.directory, default: [:]][file.name] = file.afterSHA256
    }
    pending[result.directory] = nil
    commits.append(result)
  }
}
