extension AppleOSVersion {
  /// Reads the forms seen in exports and device reports: `16.4.1`, `16.4.1 (a)`, `16.4.1(a)`,
  /// `iOS 16.4.1 (a)`, `macOS 13.4.1 (c)`, `macOS Ventura 13.4.1 (c)`, and with a build in
  /// parentheses or brackets, `16.4.1 (20E252)`.
  ///
  /// - Parameter missingLetter: what a version without a letter means for this source.
  ///   Intune never reports letters, so its `16.4.1` is `.unknown`; Jamf reports them,
  ///   so its `16.4.1` is `.none`.
  public static func parse(
    _ text: some StringProtocol, missingLetter: RSRMark = .unknown
  ) throws(VersionParseError) -> AppleOSVersion {
    let expected =
      "a version such as \"16.4.1\", \"16.4.1 (a)\" or \"iOS 16.4.1 (a)\""
    var words = String(text).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    var platform: Platform?
    if let first = words.first, let p = Platform(name: first) {
      platform = p
      words.removeFirst()
      // marketing names: "macOS Ventura 13.4.1"
      if let next = words.first, next.first?.isLetter == true, words.count > 1 {
        words.removeFirst()
      }
    }
    var rest = words.joined(separator: " ")
    var build: AppleBuild?
    var mark = missingLetter
    // Peel trailing parenthesised groups: a letter or a build.
    while let open = rest.lastIndex(where: { $0 == "(" || $0 == "[" }),
      let last = rest.last, last == ")" || last == "]"
    {
      let inner = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
      if inner.count == 1 {
        mark = try RSRMark.parse(inner)
      } else if let b = try? AppleBuild(inner) {
        build = b
      } else {
        throw VersionParseError(input: String(text), expected: expected)
      }
      rest = rest[..<open].trimmed
    }
    guard let base = OSVersionNumber(rest) else {
      throw VersionParseError(input: String(text), expected: expected)
    }
    return AppleOSVersion(platform: platform, base: base, rsr: mark, build: build)
  }

  /// Builds a version from Apple's four MDM `DeviceInformation` keys.
  /// An empty or missing `SupplementalOSVersionExtra` means no RSR (the device reports it).
  public static func fromMDM(
    osVersion: String?, supplementalOSVersionExtra: String?, buildVersion: String?,
    supplementalBuildVersion: String?, platform: Platform? = nil
  ) throws(VersionParseError) -> AppleOSVersion {
    var version =
      if let osVersion, !osVersion.isEmpty {
        try parse(osVersion, missingLetter: .none)
      } else {
        AppleOSVersion.unreported
      }
    if let extra = supplementalOSVersionExtra {
      let mark = try RSRMark.parse(extra)
      if mark != .none || version.rsr == .unknown { version.rsr = mark }
    }
    if let b = buildVersion.nonEmpty { version.build = try AppleBuild(b) }
    if let s = supplementalBuildVersion.nonEmpty { version.supplementalBuild = try AppleBuild(s) }
    if let platform { version.platform = platform }
    version.inferMarkFromBuilds()
    return version
  }
}

extension Optional where Wrapped == String {
  var nonEmpty: String? {
    guard let s = self?.trimmed, !s.isEmpty else { return nil }
    return s
  }
}
