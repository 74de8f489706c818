/// Which OS releases and RSR/BSIs exist, which one is newest for each base and major,
/// and which were pulled and replaced: the facts every derived device state rests on.
public struct ReleaseCatalog: Sendable {
  public let releases: [CatalogRelease]
  /// The day the catalog's data was last checked against its sources (`YYYY-MM-DD`): the
  /// builtin data's day, or the newest feed imported since.
  public let asOf: String
  /// Public OS releases (no RSR/BSI) of each major, oldest first.
  let osReleasesByMajor: [PlatformFamily: [Int: [CatalogRelease]]]
  private let rsrsByBase: [BaseKey: [CatalogRelease]]
  private let byBuild: [BuildKey: CatalogRelease]
  /// Beta seeds by build, which `byBuild` (public releases only) leaves out.
  private let betasByBuild: [BuildKey: CatalogRelease]
  private let newestRSRByMajor: [MajorKey: CatalogRelease]
  private let latestByMajor: [MajorKey: CatalogRelease]

  private struct BaseKey: Hashable {
    let family: PlatformFamily
    let base: OSVersionNumber
  }
  private struct BuildKey: Hashable {
    let family: PlatformFamily
    let build: AppleBuild
  }
  private struct MajorKey: Hashable {
    let family: PlatformFamily
    let major: Int
  }

  public init(releases: [CatalogRelease], asOf: String = ReleaseCatalog.builtinAsOf) {
    self.asOf = asOf
    self.releases = releases.sorted(by: ReleaseCatalog.releaseOrder)
    var osByMajor: [PlatformFamily: [Int: [CatalogRelease]]] = [:]
    for r in self.releases where r.isPublic && !r.isRSR {
      osByMajor[r.family, default: [:]][r.version.major, default: []].append(r)
    }
    osReleasesByMajor = osByMajor
    var rsrs: [BaseKey: [CatalogRelease]] = [:]
    var builds: [BuildKey: CatalogRelease] = [:]
    var newest: [MajorKey: CatalogRelease] = [:]
    var latest: [MajorKey: CatalogRelease] = [:]
    for r in self.releases where r.isPublic {
      if let b = r.build { builds[BuildKey(family: r.family, build: b)] = r }
      let major = MajorKey(family: r.family, major: r.version.major)
      if r.isRSR {
        rsrs[BaseKey(family: r.family, base: r.version), default: []].append(r)
        if !r.isWithdrawn, ReleaseCatalog.supersedesAsBaseline(r, newest[major]) {
          newest[major] = r
        }
      } else {
        latest[major] = r
      }
    }
    rsrsByBase = rsrs
    byBuild = builds
    var betas: [BuildKey: CatalogRelease] = [:]
    for r in self.releases where r.status == .beta {
      if let b = r.build, betas[BuildKey(family: r.family, build: b)] == nil {
        betas[BuildKey(family: r.family, build: b)] = r
      }
    }
    betasByBuild = betas
    newestRSRByMajor = newest
    latestByMajor = latest
  }

  /// The baseline of a major is its RSR/BSI of the latest posting day, the lowest version of
  /// that day: on 2026-03-17 Apple posted 26.3.1 (a) for every Mac and 26.3.2 (a) for one
  /// model, so Macs on 26.3.1 (a) are current, not behind.
  static func supersedesAsBaseline(_ r: CatalogRelease, _ current: CatalogRelease?) -> Bool {
    guard let current else { return true }
    let (new, old) = (r.released ?? "", current.released ?? "")
    if new != old { return new > old }
    return r.version != current.version ? r.version < current.version : r.mark > current.mark
  }

  static func releaseOrder(_ a: CatalogRelease, _ b: CatalogRelease) -> Bool {
    if a.family != b.family { return a.family == .iOS }
    if a.version != b.version { return a.version < b.version }
    if a.mark != b.mark { return a.mark < b.mark }
    return (a.build?.sortKey ?? "") < (b.build?.sortKey ?? "")
  }

  /// The public RSR/BSIs for one base release, oldest letter first, pulled ones included.
  public func rsrs(for platform: Platform, base: OSVersionNumber) -> [CatalogRelease] {
    rsrsByBase[BaseKey(family: platform.family, base: base)] ?? []
  }

  /// The newest RSR/BSI that a device on `base`/`build` could install, ignoring withdrawn ones.
  public func latestRSR(
    for platform: Platform, base: OSVersionNumber, build: AppleBuild? = nil
  ) -> CatalogRelease? {
    rsrs(for: platform, base: base).last { !$0.isWithdrawn && $0.applies(toBuild: build) }
  }

  /// The RSR/BSI every device of a major should have at least: the newest public, not withdrawn
  /// one, and of several posted the same day the lowest (16.5.1 (c) for iOS 16, 26.3.1 (a) for
  /// macOS 26).
  public func newestRSR(for platform: Platform, major: Int) -> CatalogRelease? {
    newestRSRByMajor[MajorKey(family: platform.family, major: major)]
  }

  /// The newest RSR/BSI on any major of the platform.
  public func newestRSR(for platform: Platform) -> CatalogRelease? {
    newestRSRByMajor.filter { $0.key.family == platform.family }
      .max { $0.key.major < $1.key.major }?.value
  }

  /// The latest OS release of a major, e.g. 18.7.10 for iOS 18.
  public func latestRelease(for platform: Platform, major: Int) -> CatalogRelease? {
    latestByMajor[MajorKey(family: platform.family, major: major)]
  }

  /// The latest `major.minor` of a major release: RSRs only ship for it.
  public func latestMinor(for platform: Platform, major: Int) -> OSVersionNumber? {
    latestRelease(for: platform, major: major)?.version.minorTrain
  }

  /// The release (OS or RSR) with this build, when the catalog knows it.
  public func release(for platform: Platform, build: AppleBuild) -> CatalogRelease? {
    byBuild[BuildKey(family: platform.family, build: build)]
  }

  /// The version with its RSR/BSI letter filled in when the source left it out but the
  /// supplemental build names one the catalog knows for the same base (Jamf's null
  /// `osRapidSecurityResponse` beside build 23D771330a is 26.3.1 (a)), so lists, filters and
  /// reports show the letter the state was derived from; unchanged otherwise.
  public func withLetterFromBuild(_ version: AppleOSVersion, on platform: Platform)
    -> AppleOSVersion
  {
    guard version.rsr == .unknown, let build = version.supplementalBuild,
      let release = release(for: platform, build: build), release.isRSR,
      let letter = release.letter, release.version == version.base
    else { return version }
    var resolved = version
    resolved.rsr = .letter(letter)
    return resolved
  }

  /// The beta seed with this build, when the catalog lists it.
  public func betaRelease(for platform: Platform, build: AppleBuild) -> CatalogRelease? {
    betasByBuild[BuildKey(family: platform.family, build: build)]
  }

  /// The catalog RSR a device's version names, by supplemental build or by base and letter.
  public func installedRSR(of version: AppleOSVersion, on platform: Platform) -> CatalogRelease? {
    if let sb = version.supplementalBuild, let r = release(for: platform, build: sb), r.isRSR {
      return r
    }
    guard let base = version.base, let letter = version.rsr.letter else { return nil }
    let candidates = rsrs(for: platform, base: base).filter { $0.letter == letter }
    return candidates.first { $0.applies(toBuild: version.build) } ?? candidates.first
  }

  /// The release that replaced a pulled or replaced RSR.
  public func replacement(of rsr: CatalogRelease) -> CatalogRelease? {
    guard let letter = rsr.replacedBy else { return nil }
    let same = rsrsByBase[BaseKey(family: rsr.family, base: rsr.version)] ?? []
    let matches = same.filter { $0.letter == letter }
    return matches.first { $0.prerequisiteBuild == rsr.prerequisiteBuild } ?? matches.first
  }

  /// Fills in what the catalog knows: the letter from a supplemental build that Intune, an
  /// older export or a source without a letter field left unexplained. The build names the
  /// RSR/BSI exactly, so it decides over a missing or contradicting letter.
  public func resolve(_ version: AppleOSVersion, on platform: Platform) -> AppleOSVersion {
    var v = version
    guard let sb = v.supplementalBuild, let r = release(for: platform, build: sb) else { return v }
    if r.isRSR {
      v.rsr = r.mark
      if v.base == nil { v.base = r.version }
    } else if v.rsr == .unknown, sb == v.build || v.build == nil {
      v.rsr = .none
      if v.base == nil { v.base = r.version }
    }
    return v
  }

  /// This catalog with `overrides` replacing releases of the same family, version, letter and build.
  public func merging(_ overrides: [CatalogRelease], asOf newer: String? = nil) -> ReleaseCatalog {
    struct Identity: Hashable {
      let family: PlatformFamily
      let version: OSVersionNumber
      let letter: Character?
      let build: AppleBuild?
    }
    func identity(_ r: CatalogRelease) -> Identity {
      Identity(
        family: r.family, version: r.version, letter: r.letter, build: r.isRSR ? r.build : nil)
    }
    var merged: [Identity: CatalogRelease] = [:]
    // A version shipped as two builds (iOS 18.7.7: 22H333 and 22H340) keeps both; a feed
    // updates the first.
    var alsoKept: [CatalogRelease] = []
    for r in releases {
      if merged[identity(r)] == nil { merged[identity(r)] = r } else { alsoKept.append(r) }
    }
    for r in overrides {
      if let old = merged[identity(r)] {
        merged[identity(r)] = ReleaseCatalog.reconcile(old: old, new: r)
      } else {
        merged[identity(r)] = withMajorsMacs(r)
      }
    }
    return ReleaseCatalog(
      releases: Array(merged.values) + alsoKept, asOf: max(asOf, newer ?? asOf))
  }

  /// A macOS release new to the catalog whose source gave no usable devices (Apple's feed names
  /// Macs by board ID; a SOFA feed names none) runs on the Macs of its major: those of the
  /// catalog's newest release of that major (`@macos26` for a 26.7.2). Taken as every Mac, it
  /// told an Intel Mac that stops at macOS 15 to update to 26.7.2. A new major keeps every Mac.
  func withMajorsMacs(_ r: CatalogRelease) -> CatalogRelease {
    guard r.family == .macOS, !r.isRSR, r.devices.isAll,
      let sibling = osReleasesByMajor[.macOS]?[r.version.major]?.last(where: { !$0.devices.isAll })
    else { return r }
    var r = r
    r.devices = sibling.devices
    let note = "devices as macOS \(sibling.version)'s (the source lists none usable)"
    r.notes = r.notes.isEmpty ? note : r.notes + "; " + note
    return r
  }

  /// One release as two sources describe it: the more authoritative source wins each fact
  /// both give (Apple's GDMF feed over the curated builtin data over a SOFA feed; an equal one
  /// imported later wins), the other fills what it lacks, and every disagreement is noted.
  static func reconcile(old: CatalogRelease, new: CatalogRelease) -> CatalogRelease {
    let newWins = new.authority >= old.authority
    let (winner, loser) = newWins ? (new, old) : (old, new)
    var r = winner
    var notes: [String] = []
    // A note already held (as written, or as the catalog CSV keeps it, commas as semicolons) is
    // not added again: a feed imported every day left its notes growing by a sentence a day.
    func add(_ note: String) {
      guard !note.isEmpty else { return }
      let held = notes.joined(separator: "; ")
      if !held.contains(note), !held.contains(note.replacingAll(",", with: ";")) {
        notes.append(note)
      }
    }
    add(old.notes)
    add(new.notes)
    // The same source read again disagrees with nothing but the value kept from an earlier one,
    // whose disagreement is already noted.
    let sameSource = old.source == new.source
    func note<T: Equatable>(_ name: String, _ a: T?, _ b: T?, _ text: (T) -> String) {
      guard let a, let b, a != b, !sameSource else { return }
      add(
        "\(loser.source) says \(name) \(text(b)), \(winner.source) says \(text(a)): kept \(text(a))"
      )
    }
    note("build", winner.build, loser.build, \.text)
    if let a = old.released, let b = new.released, a != b {
      // Apple re-stamps posting dates later; the first date seen is the release date.
      if !sameSource {
        add("\(new.source) says released \(b), \(old.source) says \(a): kept \(min(a, b))")
      }
      r.released = min(a, b)
    }
    note("superseded by", winner.supersededBy, loser.supersededBy, \.description)
    note("expires", winner.expires, loser.expires, { $0 })
    if r.build == nil { r.build = loser.build }
    if r.prerequisiteBuild == nil { r.prerequisiteBuild = loser.prerequisiteBuild }
    if r.released == nil { r.released = loser.released }
    if r.supersededBy == nil { r.supersededBy = loser.supersededBy }
    if r.replacedBy == nil { r.replacedBy = loser.replacedBy }
    if r.expires == nil { r.expires = loser.expires }
    if r.devices.isAll { r.devices = loser.devices }
    if r.status == .released, loser.status != .released { r.status = loser.status }
    r.notes = notes.joined(separator: "; ")
    return r
  }
}

extension ReleaseCatalog {
  /// The catalog compiled into the program.
  public static let builtin: ReleaseCatalog = {
    do {
      return ReleaseCatalog(releases: try CatalogCSV.parse(builtinCSV, file: "builtin catalog"))
    } catch {
      preconditionFailure("the builtin catalog is malformed: \(error)")
    }
  }()
}

extension ReleaseCatalog {
  /// `16.4.1 (a)`, `16.4.1`, or `16.4.1 (?)` when the letter is unknown and an RSR/BSI
  /// exists for that base, so "unknown" never reads as "none" where it matters.
  public func label(for version: AppleOSVersion, on platform: Platform) -> String {
    guard let base = version.base else { return "unknown" }
    if version.rsr == .unknown, !rsrs(for: platform, base: base).isEmpty { return "\(base) (?)" }
    return version.displayString
  }
}
