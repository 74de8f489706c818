// Generated from the reference data listed below; edit the facts here, not the generator.
//
// Sources:
// - shared/reference/rsr-releases.csv (RSR/BSI rows, from AppleDB and Apple's GDMF feed via SOFA;
//   see rsr-releases.SOURCES.md for the commits read). Rows marked UNCERTAIN there keep
//   their status here: macOS 13.4.1 (a) is "replaced", not "pulled".
// - macadmins/sofa v2 feeds ios_data_feed.json and macos_data_feed.json at commit
//   00b0d8ca82f93059846da900c50203b8825337e6 (2026-08-22): OSVersions[].SecurityReleases
//   (ProductVersion, Build, ReleaseDate) and BackgroundSecurityImprovements (SupersededBy).
// - iOS 16 base releases (16.4.1 20E252, 16.5 20F66, 16.5.1 20F75, 16.6 20G75) from AppleDB,
//   because SOFA's iOS feed starts at iOS 17.
//
// Columns: family (ios = iOS and iPadOS, macos), version, letter (empty for an OS release),
// build, prerequisite_build, released (YYYY-MM-DD), status (released, pulled, replaced,
// superseded, beta, internal), replaced_by (letter), superseded_by (version), source.

extension ReleaseCatalog {
  /// The catalog that ships inside the program, in `ReleaseCatalog.csvHeader` format.
  static let builtinCSV = """
      family,version,letter,build,prerequisite_build,released,status,replaced_by,superseded_by,source
      ios,16.2,a,20C7750490e,20C5049e,2022-11-16,beta,,,rsr-releases.csv
      ios,16.2,b,20C7750490f,20C5049e,2022-11-28,beta,,,rsr-releases.csv
      ios,16.4,a,20E7752230f,20E5223e,2023-03-01,beta,,,rsr-releases.csv
      ios,16.4,b,20E7752230g,20E5223e,2023-03-06,beta,,,rsr-releases.csv
      ios,16.4.1,,20E252,,2023-04-07,released,,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.4.1,a,20E772520a,20E252,2023-05-01,superseded,,16.5,rsr-releases.csv
      ios,16.5,,20F66,,2023-05-18,released,,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.5.1,,20F75,,2023-06-21,released,,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.5.1,a,20F770750b,20F75,2023-07-10,pulled,c,,rsr-releases.csv
      ios,16.5.1,c,20F770750d,20F75,2023-07-12,superseded,,16.6,rsr-releases.csv
      ios,16.6,,20G75,,2023-07-24,released,,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,17.0,,,,2023-09-18,released,,,sofa OSVersions.SecurityReleases
      ios,17.0.1,,,,2023-09-21,released,,,sofa OSVersions.SecurityReleases
      ios,17.0.2,,,,2023-09-21,released,,,sofa OSVersions.SecurityReleases
      ios,17.0.3,,,,2023-10-04,released,,,sofa OSVersions.SecurityReleases
      ios,17.1,,,,2023-10-25,released,,,sofa OSVersions.SecurityReleases
      ios,17.1.1,,,,2023-11-07,released,,,sofa OSVersions.SecurityReleases
      ios,17.1.2,,,,2023-11-30,released,,,sofa OSVersions.SecurityReleases
      ios,17.2,,,,2023-12-11,released,,,sofa OSVersions.SecurityReleases
      ios,17.2.1,,,,2023-12-19,released,,,sofa OSVersions.SecurityReleases
      ios,17.3,,,,2024-01-22,released,,,sofa OSVersions.SecurityReleases
      ios,17.3.1,,,,2024-02-08,released,,,sofa OSVersions.SecurityReleases
      ios,17.4,,,,2024-03-05,released,,,sofa OSVersions.SecurityReleases
      ios,17.4.1,,,,2024-03-21,released,,,sofa OSVersions.SecurityReleases
      ios,17.5,,,,2024-05-13,released,,,sofa OSVersions.SecurityReleases
      ios,17.5.1,,,,2024-05-20,released,,,sofa OSVersions.SecurityReleases
      ios,17.6,,,,2024-07-29,released,,,sofa OSVersions.SecurityReleases
      ios,17.6.1,,,,2024-08-07,released,,,sofa OSVersions.SecurityReleases
      ios,17.7,,,,2024-09-16,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.1,,,,2024-10-28,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.2,,,,2024-11-19,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.3,,,,2024-12-11,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.4,,,,2025-01-27,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.5,,,,2025-02-10,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.6,,,,2025-03-31,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.7,,,,2025-05-12,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.8,,,,2025-05-19,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.9,,,,2025-07-29,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.10,,,,2025-08-20,released,,,sofa OSVersions.SecurityReleases
      ios,17.7.11,,21H6461,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      ios,18.0,,,,2024-09-16,released,,,sofa OSVersions.SecurityReleases
      ios,18.0.1,,,,2024-10-03,released,,,sofa OSVersions.SecurityReleases
      ios,18.1,,,,2024-10-28,released,,,sofa OSVersions.SecurityReleases
      ios,18.1.1,,,,2024-11-19,released,,,sofa OSVersions.SecurityReleases
      ios,18.2,,,,2024-12-11,released,,,sofa OSVersions.SecurityReleases
      ios,18.2.1,,,,2025-01-06,released,,,sofa OSVersions.SecurityReleases
      ios,18.3,,,,2025-01-27,released,,,sofa OSVersions.SecurityReleases
      ios,18.3.1,,,,2025-02-10,released,,,sofa OSVersions.SecurityReleases
      ios,18.3.2,,,,2025-03-11,released,,,sofa OSVersions.SecurityReleases
      ios,18.4,,,,2025-03-31,released,,,sofa OSVersions.SecurityReleases
      ios,18.4.1,,,,2025-04-16,released,,,sofa OSVersions.SecurityReleases
      ios,18.5,,,,2025-05-12,released,,,sofa OSVersions.SecurityReleases
      ios,18.6,,,,2025-07-29,released,,,sofa OSVersions.SecurityReleases
      ios,18.6.1,,,,2025-08-14,released,,,sofa OSVersions.SecurityReleases
      ios,18.6.2,,,,2025-08-20,released,,,sofa OSVersions.SecurityReleases
      ios,18.7,,,,2025-09-15,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.1,,,,2025-09-29,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.2,,,,2025-11-05,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.3,,,,2025-12-12,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.4,,,,2026-01-26,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.5,,,,2026-02-11,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.6,,,,2026-03-04,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.7,,,,2026-03-24,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.8,,22H6352,,2026-04-22,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.9,,22H6355,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      ios,18.7.10,,22H6374,,2026-08-17,released,,,sofa OSVersions.SecurityReleases
      ios,26.0,,,,2025-09-15,released,,,sofa OSVersions.SecurityReleases
      ios,26.0.1,,,,2025-09-29,released,,,sofa OSVersions.SecurityReleases
      ios,26.1,,,,2025-11-03,released,,,sofa OSVersions.SecurityReleases
      ios,26.2,,,,2025-12-12,released,,,sofa OSVersions.SecurityReleases
      ios,26.2.1,,,,2026-01-26,released,,,sofa OSVersions.SecurityReleases
      ios,26.3,,,,2026-02-11,released,,,sofa OSVersions.SecurityReleases
      ios,26.3,a,23D770890b,23D5089e,2026-01-06,beta,,,rsr-releases.csv
      ios,26.3.1,,,,2026-03-04,released,,,sofa OSVersions.SecurityReleases
      ios,26.3.1,a,23D771330a,23D8133,2026-03-17,released,,26.5,rsr-releases.csv + sofa BackgroundSecurityImprovements
      ios,26.4,,,,2026-03-24,released,,,sofa OSVersions.SecurityReleases
      ios,26.4.1,,,,2026-04-08,released,,,sofa OSVersions.SecurityReleases
      ios,26.4.2,,,,2026-04-22,released,,,sofa OSVersions.SecurityReleases
      ios,26.5,,23T6570,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      ios,26.5.1,,23F81,,2026-06-01,released,,,sofa OSVersions.SecurityReleases
      ios,26.5.2,,23F84,,2026-06-29,released,,,sofa OSVersions.SecurityReleases
      ios,26.6,,23U67,,2026-07-27,released,,,sofa OSVersions.SecurityReleases
      ios,26.6.1,,23G83,,2026-08-17,released,,,sofa OSVersions.SecurityReleases
      macos,12.0,,,,2021-09-20,released,,,sofa OSVersions.SecurityReleases
      macos,12.0.1,,,,2021-10-25,released,,,sofa OSVersions.SecurityReleases
      macos,12.1,,,,2021-12-13,released,,,sofa OSVersions.SecurityReleases
      macos,12.2,,,,2023-11-02,released,,,sofa OSVersions.SecurityReleases
      macos,12.2.1,,,,2023-11-06,released,,,sofa OSVersions.SecurityReleases
      macos,12.3,,,,2023-10-31,released,,,sofa OSVersions.SecurityReleases
      macos,12.3.1,,,,2023-11-02,released,,,sofa OSVersions.SecurityReleases
      macos,12.4,,,,2022-05-16,released,,,sofa OSVersions.SecurityReleases
      macos,12.5,,,,2022-07-20,released,,,sofa OSVersions.SecurityReleases
      macos,12.5.1,,,,2023-10-31,released,,,sofa OSVersions.SecurityReleases
      macos,12.6,,,,2024-06-12,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.1,,,,2024-06-12,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.2,,,,2022-12-13,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.3,,,,2024-06-12,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.4,,,,2023-03-27,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.5,,,,2023-10-31,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.6,,,,2023-05-18,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.7,,,,2023-06-21,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.8,,,,2023-07-24,released,,,sofa OSVersions.SecurityReleases
      macos,12.6.9,,,,2023-09-11,released,,,sofa OSVersions.SecurityReleases
      macos,12.7,,,,2023-09-21,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.1,,,,2023-10-25,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.2,,,,2023-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.3,,,,2024-01-22,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.4,,,,2024-03-07,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.5,,,,2024-05-13,released,,,sofa OSVersions.SecurityReleases
      macos,12.7.6,,21H1320,,2024-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,13.0,,,,2022-10-24,released,,,sofa OSVersions.SecurityReleases
      macos,13.0,a,22A103310o,,,internal,,,rsr-releases.csv
      macos,13.0.1,,,,2024-06-12,released,,,sofa OSVersions.SecurityReleases
      macos,13.1,,,,2022-12-13,released,,,sofa OSVersions.SecurityReleases
      macos,13.2,,,,2023-01-23,released,,,sofa OSVersions.SecurityReleases
      macos,13.2,a,22D7750270d,22D5027d,2022-12-15,beta,,,rsr-releases.csv
      macos,13.2,b,22D7750270e,22D5027d,2023-01-09,beta,,,rsr-releases.csv
      macos,13.2.1,,,,2023-10-31,released,,,sofa OSVersions.SecurityReleases
      macos,13.3,,,,2023-03-27,released,,,sofa OSVersions.SecurityReleases
      macos,13.3,a,22E7752300f,22E5230e,2023-03-01,beta,,,rsr-releases.csv
      macos,13.3,b,22E7752300g,22E5230e,2023-03-06,beta,,,rsr-releases.csv
      macos,13.3.1,,,,2023-10-31,released,,,sofa OSVersions.SecurityReleases
      macos,13.3.1,a,22E772610a,22E261,2023-05-01,superseded,,13.4,rsr-releases.csv
      macos,13.4,,,,2023-05-18,released,,,sofa OSVersions.SecurityReleases
      macos,13.4.1,,,,2023-06-21,released,,,sofa OSVersions.SecurityReleases
      macos,13.4.1,a,22F770820b,22F82,2023-07-10,replaced,c,,rsr-releases.csv
      macos,13.4.1,a,22F770830b,22F2083,2023-07-10,replaced,c,,rsr-releases.csv
      macos,13.4.1,c,22F770820d,22F82,2023-07-12,superseded,,13.5,rsr-releases.csv
      macos,13.4.1,c,22F770830e,22F2083,2023-07-12,superseded,,13.5,rsr-releases.csv
      macos,13.5,,,,2023-07-24,released,,,sofa OSVersions.SecurityReleases
      macos,13.5.1,,,,2023-08-17,released,,,sofa OSVersions.SecurityReleases
      macos,13.5.2,,,,2023-09-07,released,,,sofa OSVersions.SecurityReleases
      macos,13.6,,,,2023-09-21,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.1,,,,2023-10-25,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.2,,,,2023-11-07,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.3,,,,2023-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.4,,,,2024-01-22,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.5,,,,2024-03-07,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.6,,,,2024-03-25,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.7,,,,2024-05-13,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.8,,,,2024-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,13.6.9,,,,2024-08-07,released,,,sofa OSVersions.SecurityReleases
      macos,13.7,,,,2024-09-16,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.1,,,,2024-10-28,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.2,,,,2024-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.3,,,,2025-01-27,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.4,,,,2025-02-10,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.5,,,,2025-03-31,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.6,,,,2025-05-12,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.7,,,,2025-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,13.7.8,,22H730,,2025-08-20,released,,,sofa OSVersions.SecurityReleases
      macos,14.0,,,,2023-09-26,released,,,sofa OSVersions.SecurityReleases
      macos,14.1,,,,2023-10-25,released,,,sofa OSVersions.SecurityReleases
      macos,14.1.1,,,,2023-11-07,released,,,sofa OSVersions.SecurityReleases
      macos,14.1.2,,,,2023-11-30,released,,,sofa OSVersions.SecurityReleases
      macos,14.2,,,,2023-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,14.2.1,,,,2023-12-19,released,,,sofa OSVersions.SecurityReleases
      macos,14.3,,,,2024-01-22,released,,,sofa OSVersions.SecurityReleases
      macos,14.3.1,,,,2024-02-08,released,,,sofa OSVersions.SecurityReleases
      macos,14.4,,,,2024-03-07,released,,,sofa OSVersions.SecurityReleases
      macos,14.4.1,,,,2024-03-25,released,,,sofa OSVersions.SecurityReleases
      macos,14.5,,,,2024-05-13,released,,,sofa OSVersions.SecurityReleases
      macos,14.6,,,,2024-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,14.6.1,,,,2024-08-07,released,,,sofa OSVersions.SecurityReleases
      macos,14.7,,,,2024-09-16,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.1,,,,2024-10-28,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.2,,,,2024-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.3,,,,2025-01-27,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.4,,,,2025-02-10,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.5,,,,2025-03-31,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.6,,,,2025-05-12,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.7,,,,2025-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,14.7.8,,,,2025-08-20,released,,,sofa OSVersions.SecurityReleases
      macos,14.8,,,,2025-09-15,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.1,,,,2025-09-29,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.2,,,,2025-11-03,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.3,,,,2025-12-12,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.4,,,,2026-02-11,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.5,,,,2026-03-24,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.7,,23J520,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.8,,23J620,,2026-07-27,released,,,sofa OSVersions.SecurityReleases
      macos,14.8.9,,23J631,,2026-08-06,released,,,sofa OSVersions.SecurityReleases
      macos,15.0,,,,2024-09-16,released,,,sofa OSVersions.SecurityReleases
      macos,15.0.1,,,,2024-10-03,released,,,sofa OSVersions.SecurityReleases
      macos,15.1,,,,2024-10-28,released,,,sofa OSVersions.SecurityReleases
      macos,15.1.1,,,,2024-11-19,released,,,sofa OSVersions.SecurityReleases
      macos,15.2,,,,2024-12-11,released,,,sofa OSVersions.SecurityReleases
      macos,15.3,,,,2025-01-27,released,,,sofa OSVersions.SecurityReleases
      macos,15.3.1,,,,2025-02-10,released,,,sofa OSVersions.SecurityReleases
      macos,15.3.2,,,,2025-03-11,released,,,sofa OSVersions.SecurityReleases
      macos,15.4,,,,2025-03-31,released,,,sofa OSVersions.SecurityReleases
      macos,15.4.1,,,,2025-04-16,released,,,sofa OSVersions.SecurityReleases
      macos,15.5,,,,2025-05-12,released,,,sofa OSVersions.SecurityReleases
      macos,15.6,,,,2025-07-29,released,,,sofa OSVersions.SecurityReleases
      macos,15.6.1,,,,2025-08-20,released,,,sofa OSVersions.SecurityReleases
      macos,15.7,,,,2025-09-15,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.1,,,,2025-09-29,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.2,,,,2025-11-03,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.3,,,,2025-12-12,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.4,,,,2026-02-11,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.5,,,,2026-03-24,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.7,,24G720,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.8,,24G824,,2026-07-27,released,,,sofa OSVersions.SecurityReleases
      macos,15.7.9,,24G830,,2026-08-06,released,,,sofa OSVersions.SecurityReleases
      macos,26.0,,,,2025-09-15,released,,,sofa OSVersions.SecurityReleases
      macos,26.0.1,,,,2025-09-29,released,,,sofa OSVersions.SecurityReleases
      macos,26.1,,,,2025-11-03,released,,,sofa OSVersions.SecurityReleases
      macos,26.2,,,,2025-12-12,released,,,sofa OSVersions.SecurityReleases
      macos,26.3,,,,2026-02-11,released,,,sofa OSVersions.SecurityReleases
      macos,26.3,a,25D770870b,25D5087f,2026-01-06,beta,,,rsr-releases.csv
      macos,26.3.1,,,,2026-03-04,released,,,sofa OSVersions.SecurityReleases
      macos,26.3.1,a,25D771280a,25D2128,2026-03-17,released,,26.4,rsr-releases.csv + sofa BackgroundSecurityImprovements
      macos,26.3.2,,,,2026-03-10,released,,,sofa OSVersions.SecurityReleases
      macos,26.3.2,a,25D771400a,25D2140,2026-03-17,released,,26.4,rsr-releases.csv + sofa BackgroundSecurityImprovements
      macos,26.4,,,,2026-03-24,released,,,sofa OSVersions.SecurityReleases
      macos,26.4.1,,,,2026-04-09,released,,,sofa OSVersions.SecurityReleases
      macos,26.5,,25F71,,2026-05-11,released,,,sofa OSVersions.SecurityReleases
      macos,26.5.1,,25F80,,2026-06-01,released,,,sofa OSVersions.SecurityReleases
      macos,26.5.2,,25F84,,2026-06-29,released,,,sofa OSVersions.SecurityReleases
      macos,26.6,,25G72,,2026-07-27,released,,,sofa OSVersions.SecurityReleases
      macos,26.6.1,,25G76,,2026-08-06,released,,,sofa OSVersions.SecurityReleases
      macos,26.6.2,,25G83,,2026-08-17,released,,,sofa OSVersions.SecurityReleases
    """
}
