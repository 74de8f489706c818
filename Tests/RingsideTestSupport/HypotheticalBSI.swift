import RingsideDomain

/// A BSI Apple has not shipped, for the tests that need one the builtin catalog does not know:
/// iOS 26.7.1 (a), build 23H773010a on 26.7.1's 23H30, released 2026-11-01, so the demo's
/// devices on 26.7.1 are one BSI behind once a store's catalog holds it.
public enum HypotheticalBSI {
  /// Its build, as a device that installed it reports in `SupplementalBuildVersion`.
  public static let build = "23H773010a"

  /// The release, signed until `expires` when given.
  public static func ios2671a(expires: String? = nil) -> CatalogRelease {
    CatalogRelease(
      family: .iOS, version: OSVersionNumber("26.7.1")!, letter: "a",
      build: try! AppleBuild(build), prerequisiteBuild: try! AppleBuild("23H30"),
      released: "2026-11-01", expires: expires, source: "test")
  }
}
