/// A derived state with the reasons for it in words, citing the catalog.
public struct StateAssessment: Sendable, Hashable {
  public let state: DeviceState
  /// One or more sentences an admin can read aloud to a user.
  public let explanation: String
  /// The RSR/BSI the verdict is about (the one to install, or the pulled one), if any.
  public let release: CatalogRelease?
  /// The OS release the device should run: the newest of its line its hardware gets.
  public let target: CatalogRelease?
  /// The next step, such as "Update to 26.7.1 (23H30)."; nil when nothing is to be done.
  public let action: String?

  public init(
    state: DeviceState, explanation: String, release: CatalogRelease?,
    target: CatalogRelease? = nil, action: String? = nil
  ) {
    self.state = state
    self.explanation = explanation
    self.release = release
    self.target = target
    self.action = action
  }

  /// The same verdict with one more sentence of explanation.
  func adding(_ sentence: String) -> StateAssessment {
    StateAssessment(
      state: state, explanation: explanation + " " + sentence, release: release, target: target,
      action: action)
  }
}

/// Derives device states from the catalog; pure, so every rule is tested directly.
///
/// A device is `current` only when it runs the newest release its hardware gets on its line
/// (its own major while Apple still ships that major to its model, else the newest major the
/// model runs) with that release's newest installable RSR/BSI. An RSR/BSI is installable when
/// it is for the device's release, build and model, was not pulled or superseded, and Apple
/// still signs it on `today`.
public struct StateAssessor: Sendable {
  /// Names the rules and builtin data verdicts follow. Raise it with any change that gives a
  /// device another state (a rule, a model scope in the builtin catalog): a store whose states
  /// were derived under other rules derives them again when next opened for writing.
  public static let rules = "2026-11-30.1"

  public let catalog: ReleaseCatalog
  /// The day verdicts are for (`YYYY-MM-DD`): signing windows close on it.
  public let today: String

  /// `today` defaults to the catalog's own day, so a verdict never depends on the clock
  /// unless the caller says so.
  public init(catalog: ReleaseCatalog, today: String? = nil) {
    self.catalog = catalog
    self.today = today ?? catalog.asOf
  }

  /// Decides the state of a device on `version`, which previously had `removedLetter` on this
  /// base. `model` is the model identifier (`iPhone15,2`) or whatever the source reported.
  /// When the model text does not say which model the device is ("MacBook Air", "iPad"), the
  /// explanation says its target is a guess from the name; when the target reaches the model
  /// only by the catalog's assumption (iPadOS 27 on iPads), that the target is uncertain.
  public func assess(
    platform: Platform, model: String? = nil, version raw: AppleOSVersion,
    removedLetter: Character? = nil, requireNewestMajor: Bool = false
  ) -> StateAssessment {
    var verdict = judge(
      platform: platform, model: model, version: raw, removedLetter: removedLetter,
      requireNewestMajor: requireNewestMajor)
    if let beta = betaNote(platform: platform, version: raw) { verdict = verdict.adding(beta) }
    guard let target = verdict.target else { return verdict }
    if target.devices.isAssumed(model: model, platform: platform) {
      verdict = verdict.adding(
        "Whether \(platform.displayName) \(target.version.major) runs on \(Self.who(model)) is "
          + "the catalog's assumption, not in its sources, so this target is uncertain.")
    }
    if let model, ReleaseCatalog.namedModels(platform: platform, model: model) == nil {
      verdict = verdict.adding(
        "The source reports the model as \"\(Sanitized.text(model, limit: 40))\", which does "
          + "not say which model it is, so the target is a guess from the name.")
    }
    return verdict
  }

  private func judge(
    platform: Platform, model: String?, version raw: AppleOSVersion, removedLetter: Character?,
    requireNewestMajor: Bool
  ) -> StateAssessment {
    let version = catalog.resolve(raw, on: platform)
    guard let base = version.base else {
      return StateAssessment(
        state: .unknown, explanation: "No OS version has been reported for this device.",
        release: nil,
        action:
          "Check that the device still reports to the MDM, and that what is imported carries its OS version."
      )
    }
    if let contradiction = contradiction(platform: platform, version: version, base: base) {
      return contradiction
    }
    guard
      let target = catalog.targetRelease(
        platform: platform, model: model, base: base, requireNewestMajor: requireNewestMajor)
    else { return noTarget(platform: platform, model: model, base: base) }
    let onTarget = base >= target.version
    let update = "Update to \(Self.name(target))."
    let line = lineSentence(platform, model, base, target, requireNewestMajor)
    let installable = catalog.installableRSRs(
      platform: platform, model: model, base: base, build: version.build, on: today
    ).filter { $0.supersededBy == nil }

    if let installed = catalog.installedRSR(of: version, on: platform), installed.isWithdrawn {
      var text = "\(Self.name(installed))"
      let replacement = catalog.replacement(of: installed)
      let date = replacement?.released.map { " on \($0)" } ?? ""
      let by = replacement.map(Self.name)
      if installed.status == .pulled {
        text += " was pulled\(date)" + (by.map { "; \($0) replaced it" } ?? "") + "."
      } else {
        text += " was replaced\(date)" + (by.map { " by \($0)" } ?? "") + "."
      }
      let fix = replacement.flatMap { r in installable.contains(r) && onTarget ? r : nil }
      if let replacement, fix == nil,
        let why = catalog.whyNotInstallable(
          replacement, platform: platform, model: model, on: today)
      {
        text += " \(replacement.displayVersion) cannot be installed any more: \(why)."
      }
      if !onTarget { text += " " + line }
      return StateAssessment(
        state: .pulledRSR, explanation: text, release: installed, target: target,
        action: fix.map { "Install \($0.kindName) \(Self.name($0))." } ?? update)
    }

    if let letter = removedLetter, version.rsr == .none {
      var text =
        "This device had \(base) (\(letter)) and is back on \(base): the \(kind(base)) was removed."
      let again = installable.last
      if !onTarget { text += " " + line }
      return StateAssessment(
        state: .rsrRemoved, explanation: text,
        release: catalog.rsrs(for: platform, base: base).last { $0.letter == letter },
        target: target,
        action: onTarget
          ? again.map { "Reinstall \($0.kindName) \(Self.name($0)) and block its removal." }
          : update)
    }

    if !onTarget {
      var text = "Not patched: it runs \(version.displayString). " + line
      if let lost = lostRSR(platform: platform, model: model, base: base, version: version) {
        text += " " + lost
      }
      return StateAssessment(
        state: .osUpdateFirst, explanation: text, release: target, target: target, action: update)
    }

    if base > target.version {
      return StateAssessment(
        state: .current,
        explanation:
          "\(version.displayString) is newer than any release the catalog (as of \(catalog.asOf)) "
          + "knows for this device; its newest known release is \(Self.name(target)).",
        release: nil, target: target)
    }

    let shown = version.displayString
    let onNewest = "\(Self.name(target)) is the newest release for this device"
    guard let latest = installable.last else {
      var text = onNewest + "."
      let rsrs = catalog.rsrs(for: platform, base: base).filter { !$0.isWithdrawn }
      if version.rsr.letter != nil {
        text = "On \(shown). " + text
      } else if let last = rsrs.last,
        let why = catalog.whyNotInstallable(last, platform: platform, model: model, on: today)
      {
        text += " \(last.kindName) \(last.displayVersion) does not apply: \(why)."
      } else {
        text += " No RSR/BSI applies to it."
      }
      return StateAssessment(state: .current, explanation: text, release: nil, target: target)
    }
    switch version.rsr {
    case .unknown:
      if version.hasRSRInstalled == false {
        return available(latest, shown: shown, target: target)
      }
      return StateAssessment(
        state: .unknown,
        explanation:
          "The source reports \(base) without the RSR letter, and \(latest.displayVersion) exists "
          + "for it: import a source that reports the letter (Jamf, Fleet, Kandji, MDM).",
        release: latest, target: target,
        action: "Import an inventory that reports the RSR/BSI letter.")
    case .none:
      return available(latest, shown: shown, target: target)
    case .letter(let letter) where letter < (latest.letter ?? "a"):
      return available(latest, shown: shown, target: target)
    case .letter:
      return StateAssessment(
        state: .current,
        explanation: "On \(latest.kindName) \(shown), the newest for \(base); \(onNewest).",
        release: latest, target: target)
    }
  }

  /// Why `target` is the release to run, in one sentence.
  private func lineSentence(
    _ platform: Platform, _ model: String?, _ base: OSVersionNumber, _ target: CatalogRelease,
    _ requireNewestMajor: Bool
  ) -> String {
    let name = platform.displayName
    let released = target.released.map { ", released \($0)" } ?? ""
    if requireNewestMajor, target.version.major != base.major {
      return "Its ring requires the newest major: \(Self.name(target))\(released)."
    }
    if target.version.major == base.major {
      return "The newest \(name) \(base.major) release for it is \(Self.name(target))\(released)."
    }
    return "\(name) \(base.major) no longer gets releases for \(Self.who(model)); the newest "
      + "release it runs is \(Self.name(target))\(released)."
  }

  /// "this model (iPhone11,2)", or "this device" when the source reported no model. The
  /// identifier decides what the hardware runs, so it is what the sentence names; a marketing
  /// name only when there is none. Never cut: JSON and --wide carry it whole.
  private static func who(_ model: String?) -> String {
    let named = model.map { ModelIdentifier.extract(from: $0) ?? $0 }
    return named.map { "this model (\(Sanitized.text($0, limit: 80)))" } ?? "this device"
  }

  /// A device the catalog knows no release for is not patched, and not judged either: the
  /// inventory reports a model and a major that cannot both be right (an iPhone XS on iOS 26,
  /// an Intel Mac on macOS 27), or hardware no release in the catalog runs on (past Apple's
  /// support, or newer than the catalog). Its state is `unknown`, with no target.
  private func noTarget(platform: Platform, model: String?, base: OSVersionNumber)
    -> StateAssessment
  {
    let name = platform.displayName
    guard let newest = catalog.newestRelease(platform: platform, model: model, base: base) else {
      return StateAssessment(
        state: .unknown,
        explanation:
          "The catalog (as of \(catalog.asOf)) knows no \(name) release for \(Self.who(model)): "
          + "Apple no longer supports it, or it is hardware the catalog does not know. "
          + "It is not counted as patched.",
        release: nil,
        action:
          "Check the model; replace hardware Apple no longer supports, or import a newer catalog.")
    }
    return StateAssessment(
      state: .unknown,
      explanation:
        "\(name) \(base.major) does not list \(Self.who(model)); the newest release the catalog "
        + "lists for it is \(Self.name(newest)). The model or the version reported is wrong, "
        + "so its state is unknown.",
      release: nil,
      action: "Check the model and the OS version the source reports for it.")
  }

  /// For a device behind its target: the RSR/BSI of its own release that it has, or lacks and
  /// can no longer install, in words.
  private func lostRSR(
    platform: Platform, model: String?, base: OSVersionNumber, version: AppleOSVersion
  ) -> String? {
    let rsrs = catalog.rsrs(for: platform, base: base).filter { !$0.isWithdrawn }
    guard let last = rsrs.last(where: { $0.applies(toBuild: version.build) }) ?? rsrs.last else {
      return nil
    }
    let why = catalog.whyNotInstallable(last, platform: platform, model: model, on: today)
    if let letter = version.rsr.letter, letter >= (last.letter ?? "a") {
      return "Its \(last.kindName) \(last.displayVersion) no longer makes it current"
        + (why.map { ": \($0)." } ?? ".")
    }
    guard let why else {
      return "\(last.kindName) \(last.displayVersion) is still installable, but only the update "
        + "makes it current."
    }
    return "\(last.kindName) \(last.displayVersion) cannot be installed any more: \(why)."
  }

  private func available(_ latest: CatalogRelease, shown: String, target: CatalogRelease?)
    -> StateAssessment
  {
    var text = "\(latest.kindName) \(Self.name(latest))"
    if let date = latest.released { text += ", released \(date)," }
    text += " is not installed; the device is on \(shown)."
    if let expires = latest.expires { text += " Apple signs it until \(expires)." }
    return StateAssessment(
      state: .rsrAvailable, explanation: text, release: latest, target: target,
      action: "Install \(latest.kindName) \(latest.displayVersion).")
  }

  private func kind(_ base: OSVersionNumber) -> String { base.major >= 26 ? "BSI" : "RSR" }

  /// `26.7.1 (23H30)`, or `26.3.1 (a) (23D771330a)`.
  static func name(_ r: CatalogRelease) -> String {
    r.displayVersion + (r.build.map { " (\($0.text))" } ?? "")
  }

  /// Whether the ring's removal restriction holds on this device. Per Apple's schema the
  /// profile key needs supervision on iOS and iPadOS and is refused under User Enrollment
  /// everywhere; from OS 27 only the `softwareupdate.settings` declaration blocks removal, and
  /// only on supervised devices, Macs included. A device that should enforce the block but
  /// whose history shows a removal is flagged: the profile did not reach it, or came too late.
  public static func removalStatus(
    platform: Platform, supervised: Bool?, userEnrolled: Bool, ringRemoval: PolicySetting,
    major: Int? = nil, removedLetter: Character? = nil
  ) -> RemovalStatus {
    guard ringRemoval == .block else { return .allowed }
    if userEnrolled { return .notEnforced }
    let holds = (platform == .macOS && (major ?? 0) < 27) || supervised == true
    guard holds else { return .notEnforced }
    return removedLetter == nil ? .blocked : .removedAnyway
  }
}
