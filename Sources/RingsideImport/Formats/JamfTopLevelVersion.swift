import RingsideDomain

/// The version of a Jamf mobile-device record that keeps it at the top (`osVersion`,
/// `osRapidSecurityResponse`, `osBuild`, `osSupplementalBuildVersion`): the one-device detail
/// and the flat list and group-membership records read it alike.
enum JamfTopLevelVersion {
  static func read(
    _ o: JSONObject, platform: Platform, fields: FieldReader, at here: SourceLocation
  ) throws -> AppleOSVersion {
    var version = try fields.version(
      osVersion: try o.versionText("osVersion"),
      extra: try o.versionText("osRapidSecurityResponse"),
      build: try o.versionText("osBuild"),
      supplementalBuild: try o.versionText("osSupplementalBuildVersion"),
      fields: ("osVersion", "osRapidSecurityResponse", "osBuild", "osSupplementalBuildVersion"),
      at: here)
    version.platform = platform
    return version
  }
}
