/// Reads and writes the catalog's own CSV format (the builtin data and `catalog list --format csv`).
public enum CatalogCSV {
  public static let header =
    "family,version,letter,build,prerequisite_build,released,status,replaced_by,superseded_by,expires,devices,notes,source"
  /// The header of catalogs written before expiry, devices and notes existed.
  static let legacyHeader =
    "family,version,letter,build,prerequisite_build,released,status,replaced_by,superseded_by,source"

  /// Parses catalog rows; every problem names the line.
  public static func parse(_ text: String, file: String) throws(CatalogError) -> [CatalogRelease] {
    var releases: [CatalogRelease] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, first.trimmed == header || first.trimmed == legacyHeader else {
      throw CatalogError(file: file, location: "line 1", reason: "expected the header \(header)")
    }
    let legacy = first.trimmed == legacyHeader
    let fieldCount = legacy ? 10 : 13
    for (index, raw) in lines.enumerated().dropFirst() {
      let line = raw.trimmed
      if line.isEmpty { continue }
      let place = "line \(index + 1)"
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= fieldCount else {
        throw CatalogError(
          file: file, location: place, reason: "expected \(fieldCount) fields, found \(f.count)")
      }
      func fail(_ reason: String) -> CatalogError {
        CatalogError(file: file, location: place, reason: reason)
      }
      guard let family = PlatformFamily(rawValue: f[0]) else {
        throw fail("family must be ios or macos, found \(Sanitized.text(f[0], limit: 20))")
      }
      guard let version = OSVersionNumber(f[1]) else {
        throw fail("version must look like 16.4.1, found \(Sanitized.text(f[1], limit: 20))")
      }
      guard let status = CatalogRelease.Status(rawValue: f[6]) else {
        throw fail(
          "status must be one of \(CatalogRelease.Status.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      do {
        releases.append(
          CatalogRelease(
            family: family, version: version,
            letter: try letter(f[2]),
            build: f[3].isEmpty ? nil : try AppleBuild(f[3]),
            prerequisiteBuild: f[4].isEmpty ? nil : try AppleBuild(f[4]),
            released: f[5].isEmpty ? nil : f[5], status: status,
            replacedBy: try letter(f[7]),
            supersededBy: f[8].isEmpty ? nil : OSVersionNumber(f[8]),
            expires: legacy || f[9].isEmpty ? nil : try day(f[9]),
            devices: legacy ? .all : try HardwareScope(parsing: f[10]),
            notes: legacy ? "" : f[11],
            source: f[(fieldCount - 1)...].joined(separator: ",")))
      } catch let error as CatalogError {
        throw fail(error.reason)
      } catch {
        throw fail("\(error)")
      }
    }
    return releases
  }

  /// A `YYYY-MM-DD` day.
  static func day(_ s: String) throws(CatalogError) -> String {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    else {
      throw CatalogError(
        file: "", location: "",
        reason: "expected a day such as 2026-11-20, found \(Sanitized.text(s, limit: 20))")
    }
    return s
  }

  private static func letter(_ s: String) throws(VersionParseError) -> Character? {
    if s.isEmpty { return nil }
    return try RSRMark.parse(s).letter
  }

  /// One catalog row in this format.
  public static func row(_ r: CatalogRelease) -> String {
    [
      r.family.rawValue, r.version.description, r.letter.map(String.init) ?? "",
      r.build?.text ?? "", r.prerequisiteBuild?.text ?? "", r.released ?? "", r.status.rawValue,
      r.replacedBy.map(String.init) ?? "", r.supersededBy?.description ?? "",
      r.expires ?? "", r.devices.text, r.notes.replacingAll(",", with: ";"),
      r.source.replacingAll(",", with: ";"),
    ].joined(separator: ",")
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
