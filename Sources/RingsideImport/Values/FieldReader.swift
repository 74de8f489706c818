import Foundation
import RingsideDomain

/// Converts one record's raw values to domain values, naming the field and the record in
/// every error. Each format keeps one per file, so parsed versions are cached across records.
public final class FieldReader {
  /// The longest text kept for a name, serial, model or user; longer values are rejected.
  public static let maxTextLength = 1024

  private var versions: [String: AppleOSVersion] = [:]
  private var dates: [String: Date?] = [:]
  private var platforms: [String: PlatformGuess.Outcome] = [:]
  fileprivate var flags: [String: Bool] = [:]

  public init() {}

  /// Trimmed text, nil when empty; rejects values that are absurdly long.
  public func text(_ raw: String?, field: String, at location: SourceLocation) throws(ImportIssue)
    -> String?
  {
    guard let raw else { return nil }
    let utf8 = raw.utf8
    // A NUL ends a text in SQLite's C API (the rest was lost) and PostgreSQL refuses it (the
    // whole import failed): the record is invalid, like any other bad field.
    if Self.holdsNUL(utf8) {
      throw ImportIssue(
        location, field: field, "holds a NUL character, which no store keeps in a text")
    }
    if utf8.count <= Self.maxTextLength, let first = utf8.first, let last = utf8.last,
      first > 0x20, first < 0x80, last > 0x20, last < 0x80
    {
      return raw
    }
    if utf8.count > Self.maxTextLength * 4 || raw.count > Self.maxTextLength {
      throw ImportIssue(
        location, field: field,
        "is \(raw.utf8.count) bytes long; at most \(Self.maxTextLength) characters are accepted")
    }
    let t = raw.trimmed
    return t.isEmpty ? nil : t
  }

  /// True when the bytes hold a zero byte (one `memchr` over a native string's bytes).
  private static func holdsNUL(_ utf8: String.UTF8View) -> Bool {
    utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, 0, bytes.count) != nil
    } ?? utf8.contains(0)
  }

  /// A timestamp in any form `DateValue` reads; nil when empty or a sentinel.
  public func date(_ raw: String?, field: String, at location: SourceLocation) throws(ImportIssue)
    -> Date?
  {
    guard let raw, !raw.isEmpty else { return nil }
    if let cached = dates[raw] { return cached }
    do {
      let d = try DateValue.parse(raw)
      if dates.count < 4096 { dates[raw] = d }
      return d
    } catch {
      throw ImportIssue(
        location, field: field,
        "cannot read \(String(reflecting: Sanitized.text(raw, limit: 60))) as a date: expected e.g. 2024-06-03T07:41:12Z or 2024-06-03 07:41:12.0000000"
      )
    }
  }

  /// A boolean written as text in any form `BoolValue` reads; nil when empty or unknown.
  public func bool(_ raw: String?, field: String, at location: SourceLocation) throws(ImportIssue)
    -> Bool?
  {
    guard let raw else { return nil }
    do {
      return try BoolValue.parse(raw)
    } catch {
      throw ImportIssue(
        location, field: field,
        "cannot read \(String(reflecting: Sanitized.text(error.text, limit: 60))) as true or false")
    }
  }

  /// A JSON or plist boolean, or text `BoolValue` reads; nil when missing or unknown.
  func bool(_ raw: JSONValue?, field: String, at location: SourceLocation) throws(ImportIssue)
    -> Bool?
  {
    do {
      return try BoolValue.parse(json: raw)
    } catch {
      throw ImportIssue(
        location, field: field,
        "cannot read \(String(reflecting: Sanitized.text(error.text, limit: 60))) as true or false")
    }
  }

  /// A version as one string (`16.4.1`, `macOS 14.3.1 (a)`); `missingLetter` says what a
  /// version without a letter means for this source.
  public func version(
    _ raw: String?, missingLetter: RSRMark, field: String, at location: SourceLocation
  ) throws(ImportIssue) -> AppleOSVersion {
    guard let raw else { return .unreported }
    if let v = versions[missingLetter == .unknown ? raw : "\u{1}" + raw] { return v }
    let text = raw.trimmed
    if text.isEmpty { return .unreported }
    let cacheKey = missingLetter == .unknown ? raw : "\u{1}" + raw
    do {
      let v = try AppleOSVersion.parse(text, missingLetter: missingLetter)
      if versions.count < 4096 { versions[cacheKey] = v }
      return v
    } catch {
      throw ImportIssue(location, field: field, error.description)
    }
  }

  /// A version from Apple's four keys, as MDM, Jamf, Fleet and Kandji report them. A nil
  /// `extra` means the record has no letter field, so the letter is unknown.
  public func version(
    osVersion: String?, extra: String?, build: String?, supplementalBuild: String?,
    fields: (version: String, extra: String, build: String, supplemental: String),
    at location: SourceLocation
  ) throws(ImportIssue) -> AppleOSVersion {
    do {
      var v = try AppleOSVersion.fromMDM(
        osVersion: osVersion?.trimmed, supplementalOSVersionExtra: extra, buildVersion: build,
        supplementalBuildVersion: supplementalBuild)
      // No letter field at all says nothing about the letter (an older agent, a section not
      // asked for): unknown, unless the version text carries one or the builds settle it.
      if extra == nil, v.base != nil, v.rsr == .none, let text = osVersion?.trimmed,
        try AppleOSVersion.parse(text, missingLetter: .unknown).rsr == .unknown
      {
        v.rsr = .unknown
        if let b = v.build, let s = v.supplementalBuild, b == s { v.rsr = .none }
      }
      return v
    } catch {
      let field: String =
        if error.input == extra { fields.extra } else if error.input == build {
          fields.build
        } else if error.input == supplementalBuild { fields.supplemental } else { fields.version }
      throw ImportIssue(location, field: field, error.description)
    }
  }

  /// iOS, iPadOS or macOS from the reported OS and the model; `.notApple` records are skipped.
  public func platform(
    reported: String?, model: String?, field: String, at location: SourceLocation
  ) throws(ImportIssue) -> PlatformGuess.Outcome {
    let key = (reported ?? "") + "\u{0}" + (model ?? "")
    let outcome: PlatformGuess.Outcome
    if let known = platforms[key] {
      outcome = known
    } else {
      outcome = PlatformGuess.decide(reported: reported, model: model)
      if platforms.count < 4096 { platforms[key] = outcome }
    }
    if outcome == .unknown {
      let shown = reported.map { String(reflecting: Sanitized.text($0, limit: 40)) } ?? "nothing"
      throw ImportIssue(
        location, field: field, "cannot tell iOS, iPadOS or macOS from \(shown) and no known model")
    }
    return outcome
  }

  /// The `--ring-from` value of a JSON record: the field at that dotted path, else a Jamf-style
  /// extension attribute of that name.
  func ringLabel(_ o: JSONObject, ringFrom: String?, attributeLists: [String] = [])
    throws(ImportIssue)
    -> String?
  {
    guard let ringFrom else { return nil }
    if o.raw(ringFrom) != nil {
      return try text(try o.string(ringFrom), field: ringFrom, at: o.location)
    }
    let lists = attributeLists + ["extensionAttributes"]
    return try text(o.extensionAttribute(ringFrom, in: lists), field: ringFrom, at: o.location)
  }

  /// "iPhone 14 (iPhone14,7)" when a source gives both the marketing name and the model
  /// identifier: people read the name, verdicts need the identifier (which releases the
  /// hardware runs).
  static func model(name: String?, identifier: String?) -> String? {
    guard let identifier, identifier != name else { return name ?? identifier }
    guard let name else { return identifier }
    return "\(name) (\(identifier))"
  }
}

extension FieldReader {
  /// `test(value)`, remembered for the few distinct values a field such as an enrollment
  /// type takes.
  func memo(_ value: String, _ test: (String) -> Bool) -> Bool {
    if let known = flags[value] { return known }
    let result = test(value)
    if flags.count < 256 { flags[value] = result }
    return result
  }

  /// The latest of several time fields a vendor keeps for one device (Jamf's `lastContactTime`
  /// and `reportDate`, Fleet's `seen_time` and `detail_updated_at`); each one is checked.
  func freshestDate(_ o: JSONObject, _ paths: [String], at here: SourceLocation)
    throws(ImportIssue) -> Date?
  {
    var best: Date?
    for path in paths {
      if let d = try date(try o.string(path), field: path, at: here), best.map({ d > $0 }) ?? true {
        best = d
      }
    }
    return best
  }
}
