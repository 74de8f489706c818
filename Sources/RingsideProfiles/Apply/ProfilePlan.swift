import RingsideDomain

/// The files a set of ring policies produces and how each compares with the output folder:
/// what the Staged view and `ringside staged` show, and what `apply` writes.
public struct ProfilePlan: Sendable, Hashable {
  public let organization: ProfileOrganization
  /// The folder's canonical path when it exists, else the path as given.
  public let directoryPath: String
  /// Every file the policies produce, in ring order.
  public let files: [ProfileFile]
  /// Every produced file, then every file Ringside wrote before that is no longer produced.
  public let reviews: [FileReview]

  /// The rings whose membership files are written, with their devices after the moves.
  public let memberships: [RingMembership]

  /// Renders `rings` (and the `memberships` files) and compares the result with `directory`
  /// (nil when it does not exist yet). `known` maps file names to the hashes Ringside wrote, or
  /// meant to write, there.
  public init(
    rings: [Ring], organization: ProfileOrganization, directory: ProfileDirectory?,
    directoryPath: String, known: [String: Set<String>], memberships: [RingMembership] = []
  ) {
    self.organization = organization
    self.directoryPath = directory?.path ?? directoryPath
    self.memberships = memberships
    files =
      ProfileRenderer.files(for: rings, organization: organization)
      + MembershipFiles.files(for: memberships)
    let base = self.directoryPath
    var reviews = files.map { file in
      FileReview.make(
        name: file.name, path: base + "/" + file.name, planned: file,
        onDisk: directory?.read(file.name) ?? .absent, known: known[file.name] ?? [])
    }
    let produced = Set(files.map(\.name))
    for name in known.keys.sorted() where !produced.contains(name) {
      reviews.append(
        FileReview.make(
          name: name, path: base + "/" + name, planned: nil,
          onDisk: directory?.read(name) ?? .absent, known: known[name] ?? []))
    }
    self.reviews = reviews
  }

  /// Files whose on-disk state stops a write without `--force`.
  public var conflicts: [FileReview] { reviews.filter { $0.conflict != nil } }

  /// Files a write creates, replaces or removes (a removal of an absent file only drops its record).
  public var changes: [FileReview] { reviews.filter { $0.action != .unchanged } }

  /// Every change as one unified diff, file after file.
  public var unifiedDiff: String {
    changes.map(\.unifiedDiff).filter { !$0.isEmpty }.joined()
  }
}
