/// The release a device should run: the newest of its line, as far as its hardware goes.
///
/// What the hardware can run is judged from the model identifier when the source reports one
/// (`iPhone15,2`), or from an iPhone marketing name that is one family's ("iPhone 8").
/// Otherwise the device's own release narrows it down: a device on iOS 16.7.16 is one of the
/// models Apple lists for 16.7.16, and a release counts for it when it reaches most of them.
extension ReleaseCatalog {
  /// The models a model text names exactly: its identifier, or the identifiers of an iPhone
  /// marketing name of one family; nil for anything else (no model, "iPad", "MacBook Air").
  static func namedModels(platform: Platform, model: String?) -> Set<String>? {
    if let model = ModelIdentifier.extract(from: model) { return [model] }
    return platform == .iOS ? MarketingNames.iPhoneModels(named: model) : nil
  }

  /// The models a device may be: those its model text names, or the models its own release
  /// lists for its platform; nil when nothing narrows it down. A Mac's release that runs on
  /// every Mac with Apple silicon does not narrow it down: those are a rule, not a list to count.
  func possibleModels(platform: Platform, model: String?, base: OSVersionNumber?) -> Set<String>? {
    if let named = Self.namedModels(platform: platform, model: model) { return named }
    guard let base,
      let own = osReleasesByMajor[platform.family]?[base.major]?.last(where: { $0.version == base }
      ),
      !own.devices.includesAppleSilicon, let models = own.devices.models
    else { return nil }
    let prefixes = ModelIdentifier.prefixes(of: platform)
    let mine = models.filter { m in prefixes.contains { m.hasPrefix($0) } }
    return mine.isEmpty ? nil : mine
  }

  /// Whether a release installs on every model the device may be. With nothing known of the
  /// hardware, a release made for a few models only (macOS 26.3.2 for the MacBook Neo) does not
  /// count: one for at least half as many models as the broadest release of its major does.
  func reaches(_ r: CatalogRelease, _ models: Set<String>?, platform: Platform) -> Bool {
    guard let models else {
      guard r.devices.includes(model: nil, platform: platform) != false else { return false }
      let mine = r.devices.breadth
      guard mine != .max else { return true }
      let widest =
        (osReleasesByMajor[r.family]?[r.version.major] ?? []).map(\.devices.breadth).max() ?? 0
      return widest == .max ? mine * 2 >= 200 : mine * 2 >= widest
    }
    // A device known by its identifier is one model: the release must reach it. One known by
    // its release alone (a marketing name, "iPhone 14") is most likely what most of the models
    // of that release are: a release counts when it reaches more than half of them. Requiring
    // all of them gave an iPhone 14 on 16.4.1 the newest release every iOS 16 model runs
    // (16.6, or 16.7.15 while the catalog said it ran everywhere) instead of iOS 27.
    let reached = models.count { r.devices.includes(model: $0, platform: platform) != false }
    return reached * 2 > models.count
  }

  /// Public OS releases of one major that reach the device, oldest first.
  func osReleases(
    family: PlatformFamily, major: Int, platform: Platform, models: Set<String>?
  ) -> [CatalogRelease] {
    (osReleasesByMajor[family]?[major] ?? []).filter { reaches($0, models, platform: platform) }
  }

  /// The majors of a platform family that have public OS releases, newest first.
  func majors(of family: PlatformFamily) -> [Int] {
    (osReleasesByMajor[family]?.keys).map { $0.sorted(by: >) } ?? []
  }

  /// Whether Apple still ships releases of `major` to this device: the newest release of the
  /// major reaches it, and either no newer major runs on it (iOS 16.7.x for the iPhone 8 and
  /// X, 18.7.10 for the iPhone XS) or the line was not ended by a newer major shipping after
  /// its last release (macOS 15.8.1 came after 27.0, macOS 14's last release before it). An
  /// iPhone 15 left on iOS 18 is off its line: 18.7.10 is only for the XS and XR.
  public func stillShips(
    major: Int, to platform: Platform, model: String?, base: OSVersionNumber? = nil
  ) -> Bool {
    let models = possibleModels(platform: platform, model: model, base: base)
    return stillShips(major: major, platform: platform, models: models)
  }

  func stillShips(major: Int, platform: Platform, models: Set<String>?) -> Bool {
    let family = platform.family
    guard let newest = osReleasesByMajor[family]?[major]?.last,
      reaches(newest, models, platform: platform)
    else { return false }
    let newerReachesIt = majors(of: family).contains {
      $0 > major
        && !osReleases(family: family, major: $0, platform: platform, models: models).isEmpty
    }
    return !newerReachesIt || !isRetired(major: major, family: family)
  }

  /// True when a newer major's first release came after this major's newest release.
  public func isRetired(major: Int, family: PlatformFamily) -> Bool {
    guard let last = osReleasesByMajor[family]?[major]?.last?.released else { return false }
    for newer in majors(of: family) where newer > major {
      if let first = osReleasesByMajor[family]?[newer]?.first?.released, first > last {
        return true
      }
    }
    return false
  }

  /// The release a device on `base` should run: the newest release of its own major while
  /// Apple still ships that major to it, else the newest release of the newest major it runs.
  /// With `requireNewestMajor` (a ring's choice), always the newest major it runs.
  ///
  /// nil when the catalog knows no release for the device (`newestRelease` tells the two cases
  /// apart): none reaches its hardware at all, or its own major is one the catalog knows but
  /// whose releases do not list its model (an iPhone XS, iPhone11,2, reported on iOS 26). A
  /// device on a major newer than any the catalog knows targets the newest release it runs.
  public func targetRelease(
    platform: Platform, model: String?, base: OSVersionNumber, requireNewestMajor: Bool = false
  ) -> CatalogRelease? {
    let family = platform.family
    let models = possibleModels(platform: platform, model: model, base: base)
    guard let ceiling = newestMajor(platform: platform, models: models, base: base) else {
      return nil
    }
    func newest(_ major: Int) -> CatalogRelease? {
      osReleases(family: family, major: major, platform: platform, models: models).last
    }
    if ceiling < base.major {
      return osReleasesByMajor[family]?[base.major] == nil ? newest(ceiling) : nil
    }
    if !requireNewestMajor, stillShips(major: base.major, platform: platform, models: models) {
      return newest(base.major)
    }
    return newest(ceiling)
  }

  /// The newest release the catalog lists for a device's hardware, of any major; nil when none
  /// reaches it (hardware past Apple's support, or unknown to the catalog).
  public func newestRelease(platform: Platform, model: String?, base: OSVersionNumber)
    -> CatalogRelease?
  {
    let models = possibleModels(platform: platform, model: model, base: base)
    return newestMajor(platform: platform, models: models, base: base).flatMap {
      osReleases(family: platform.family, major: $0, platform: platform, models: models).last
    }
  }

  /// The newest major with a release that reaches the device, or nil when none does. A device
  /// nothing narrows down (a marketing name or a part number, on a release the catalog does not
  /// hold) on a major older than every one the catalog knows is hardware the catalog cannot
  /// place: an iPad "ME824CH" on iOS 9.2.1 may be one that never ran anything newer.
  func newestMajor(platform: Platform, models: Set<String>?, base: OSVersionNumber) -> Int? {
    let family = platform.family
    let known = majors(of: family)
    if models == nil, let oldest = known.last, base.major < oldest { return nil }
    return known.first {
      !osReleases(family: family, major: $0, platform: platform, models: models).isEmpty
    }
  }

  /// The RSR/BSIs a device on `base` (build `build`, model `model`) can install on `day`: public,
  /// not pulled or replaced, for its build and hardware, and still signed.
  public func installableRSRs(
    platform: Platform, model: String?, base: OSVersionNumber, build: AppleBuild?, on day: String
  ) -> [CatalogRelease] {
    let models = possibleModels(platform: platform, model: model, base: base)
    return rsrs(for: platform, base: base).filter {
      !$0.isWithdrawn && $0.applies(toBuild: build) && !$0.hasExpired(on: day)
        && reaches($0, models, platform: platform)
    }
  }

  /// Why an RSR/BSI cannot be installed any more, in words, or nil if it can.
  public func whyNotInstallable(
    _ rsr: CatalogRelease, platform: Platform, model: String?, on day: String
  ) -> String? {
    var reasons: [String] = []
    let models = possibleModels(platform: platform, model: model, base: rsr.version)
    if !reaches(rsr, models, platform: platform) {
      reasons.append("it is only for \(rsr.devices.summary)")
    }
    if let later = rsr.supersededBy {
      let date = osReleasesByMajor[rsr.family]?[later.major]?.first { $0.version == later }?
        .released
      reasons.append("\(later) replaced it" + (date.map { " on \($0)" } ?? ""))
    }
    if let expires = rsr.expires, rsr.hasExpired(on: day) {
      reasons.append("Apple stopped signing it after \(expires)")
    }
    return reasons.isEmpty ? nil : reasons.joined(separator: ", and ")
  }
}

extension HardwareScope {
  /// A short description for sentences: "Mac17,5", "Macs with Apple silicon", "95 models",
  /// "Macs with Apple silicon and 6 Intel models".
  public var summary: String {
    if appleSiliconOnly { return "Macs with Apple silicon" }
    guard let models else { return "every model" }
    let listed =
      models.count <= 3 ? models.sorted().joined(separator: ", ") : "\(models.count) models"
    guard includesAppleSilicon else { return listed }
    return "Macs with Apple silicon and "
      + (models.count <= 3 ? listed : "\(models.count) Intel models")
  }
}
