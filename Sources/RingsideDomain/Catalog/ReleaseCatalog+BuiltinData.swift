// The release catalog compiled into the program; edit the facts here, row by row.
//
// Sources (all under shared/reference/, each with its own SOURCES file naming commits):
// - releases-2026.csv: every public iOS/iPadOS/macOS release and BSI posted in 2026 up to
//   2026-09-28, from Apple's GDMF feed (as cached by macadmins/sofa on 2026-08-22) and AppleDB.
// - gdmf/gdmf-pmv-sample.json (Apple's gdmf.apple.com/v2/pmv, 2026-08-22): BSI posting and
//   expiration dates, prerequisite builds and supported devices; supported devices of the
//   releases still in the feed (the named device sets in BuiltinDeviceSets.swift).
// - rsr-releases.csv: every RSR/BSI since 2022 with its status (pulled, replaced, superseded).
// - macadmins/sofa v2 feeds at 00b0d8ca (2026-08-22) for older releases, corrected where
//   releases-2026.SOURCES.md found them wrong: iOS 26.5 is 23F77 and 26.6 is 23G71 (SOFA gives
//   watchOS builds), iOS 26.3.1 (a) was superseded by 26.4 (not 26.5), macOS 13.3.1 shipped
//   2023-04-07 (not 2023-10-31), iPadOS 17.7.11 is 21H461 (SOFA gives the pair build).
// - iOS 16 base releases (16.4.1 20E252, 16.5 20F66, 16.5.1 20F75, 16.6 20G75) from AppleDB.
// - The Macs each macOS major runs (`@macos11` … `@macos26`: every Mac with Apple silicon and
//   the Intel Macs listed), from AppleDB's deviceMap of the major's newest build; the files and
//   commits are beside the lists in BuiltinDeviceSets.swift. Apple's feed names Macs by board
//   ID, which devices do not report, so it cannot scope them.
//
// Columns: family (ios = iOS and iPadOS, macos), version, letter (empty for an OS release),
// build, prerequisite_build, released (YYYY-MM-DD), status (released, pulled, replaced,
// superseded, beta, internal), replaced_by (letter), superseded_by (version), expires (the
// last day Apple signs it, from GDMF), devices (model identifiers with "." for ",", or
// @set names), notes (where sources disagree, and which one won), source.

extension ReleaseCatalog {
  /// The day the builtin data was last checked against its sources: the newest release in it.
  public static let builtinAsOf = "2026-09-28"

  /// The catalog that ships inside the program, in `CatalogCSV.header` format.
  static let builtinCSV = """
      family,version,letter,build,prerequisite_build,released,status,replaced_by,superseded_by,expires,devices,notes,source
      ios,12.5.8,,16H88,,2026-01-26,released,,,,@ios12-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,15.8.6,,19H402,,2026-01-26,released,,,,@ios15-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,15.8.7,,19H411,,2026-03-11,released,,,,@ios15-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,15.8.8,,19H422,,2026-05-11,released,,,,@ios15-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,16.2,a,20C7750490e,20C5049e,2022-11-16,beta,,,,,,rsr-releases.csv
      ios,16.2,b,20C7750490f,20C5049e,2022-11-28,beta,,,,,,rsr-releases.csv
      ios,16.4,a,20E7752230f,20E5223e,2023-03-01,beta,,,,,,rsr-releases.csv
      ios,16.4,b,20E7752230g,20E5223e,2023-03-06,beta,,,,,,rsr-releases.csv
      ios,16.4.1,,20E252,,2023-04-07,released,,,,@ios18 @ios18-final @ios17-final @ios16-final,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.4.1,a,20E772520a,20E252,2023-05-01,superseded,,16.5,,@ios18 @ios18-final @ios17-final @ios16-final,,rsr-releases.csv
      ios,16.5,,20F66,,2023-05-18,released,,,,@ios18 @ios18-final @ios17-final @ios16-final,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.5.1,,20F75,,2023-06-21,released,,,,@ios18 @ios18-final @ios17-final @ios16-final,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.5.1,a,20F770750b,20F75,2023-07-10,pulled,c,,,@ios18 @ios18-final @ios17-final @ios16-final,,rsr-releases.csv
      ios,16.5.1,c,20F770750d,20F75,2023-07-12,superseded,,16.6,,@ios18 @ios18-final @ios17-final @ios16-final,,rsr-releases.csv
      ios,16.6,,20G75,,2023-07-24,released,,,,@ios18 @ios18-final @ios17-final @ios16-final,,AppleDB (base of an RSR in rsr-releases.csv)
      ios,16.7.13,,20H365,,2026-01-26,released,,,,@ios16-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,16.7.14,,20H370,,2026-02-02,released,,,,@ios16-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,16.7.15,,20H380,,2026-03-11,released,,,,@ios16-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,16.7.16,,20H392,,2026-05-11,released,,,,@ios16-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,17.0,,,,2023-09-18,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.0.1,,,,2023-09-21,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.0.2,,,,2023-09-21,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.0.3,,,,2023-10-04,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.1,,,,2023-10-25,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.1.1,,,,2023-11-07,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.1.2,,,,2023-11-30,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.2,,,,2023-12-11,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.2.1,,,,2023-12-19,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.3,,,,2024-01-22,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.3.1,,,,2024-02-08,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.4,,,,2024-03-05,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.4.1,,,,2024-03-21,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.5,,,,2024-05-13,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.5.1,,,,2024-05-20,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.6,,,,2024-07-29,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.6.1,,,,2024-08-07,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7,,,,2024-09-16,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.1,,,,2024-10-28,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.2,,,,2024-11-19,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.3,,,,2024-12-11,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.4,,,,2025-01-27,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.5,,,,2025-02-10,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.6,,,,2025-03-31,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.7,,,,2025-05-12,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.8,,,,2025-05-19,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.9,,,,2025-07-29,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.10,,,,2025-08-20,released,,,,@ios18 @ios18-final @ios17-final,,sofa OSVersions.SecurityReleases
      ios,17.7.11,,21H461,,2026-05-11,released,,,,@ios17-final,iPadOS only (iPad7;1-7;6); SOFA gives the GDMF pair build 21H6461,sofa OSVersions.SecurityReleases
      ios,18.0,,,,2024-09-16,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.0.1,,,,2024-10-03,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.1,,,,2024-10-28,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.1.1,,,,2024-11-19,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.2,,,,2024-12-11,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.2.1,,,,2025-01-06,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.3,,,,2025-01-27,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.3.1,,,,2025-02-10,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.3.2,,,,2025-03-11,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.4,,,,2025-03-31,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.4.1,,,,2025-04-16,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.5,,,,2025-05-12,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.6,,,,2025-07-29,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.6.1,,,,2025-08-14,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.6.2,,,,2025-08-20,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7,,,,2025-09-15,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.1,,,,2025-09-29,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.2,,,,2025-11-05,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.3,,,,2025-12-12,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.4,,22H218,,2026-01-26,released,,,,@ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.5,,22H311,,2026-02-11,released,,,,@ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.6,,22H320,,2026-03-04,released,,,,iPhone11.2 iPhone11.4 iPhone11.6 iPhone11.8,,sofa OSVersions.SecurityReleases
      ios,18.7.7,,22H333,,2026-03-24,released,,,,@ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.7,,22H340,,2026-04-01,released,,,,@ios18 @ios18-final,,releases-2026.csv: macadmins/sofa data/resources/gdmf_history.ndjson@00b0d8ca
      ios,18.7.8,,22H352,,2026-04-22,released,,,,@ios18 @ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.9,,22H355,,2026-05-11,released,,,,@ios18-final,,sofa OSVersions.SecurityReleases
      ios,18.7.10,,22H374,,2026-08-17,released,,,,@ios18-final,,sofa OSVersions.SecurityReleases
      ios,26.0,,,,2025-09-15,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.0.1,,,,2025-09-29,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.1,,,,2025-11-03,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.2,,,,2025-12-12,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.2.1,,23C71,,2026-01-26,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.3,,23D127,,2026-02-11,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.3,a,23D770890b,23D5089e,2026-01-06,beta,,,,,,rsr-releases.csv
      ios,26.3,b,23D770890v,23D5089e,2026-01-08,beta,,,,,,releases-2026.csv: littlebyteorg/appledb osFiles/Background Security Improvements/iOS/23x - 26.x/23D770890v.json@1cdfd599
      ios,26.3.1,,23D8133,,2026-03-04,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.3.1,a,23D771330a,23D8133,2026-03-17,superseded,,26.4,2026-11-20,@ios26,SOFA says SupersededBy 26.5 (23T6570; a watchOS build); the fix (CVE-2026-20643) shipped in iOS 26.4 on 2026-03-24,Apple GDMF PublicBackgroundSecurityImprovements (2026-08-22 cache) + AppleDB
      ios,26.4,,23E246,,2026-03-24,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.4.1,,23E254,,2026-04-08,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.4.2,,23E261,,2026-04-22,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.5,,23F77,,2026-05-11,released,,,,@ios26,SOFA 2026-08-22 gives 23T6570; a watchOS build (GDMF SupportedDevices Watch6;x); 23F77 per GDMF and AppleDB,releases-2026.csv (AppleDB + GDMF)
      ios,26.5.1,,23F81,,2026-06-01,released,,,,@ios26-iphone18,,sofa OSVersions.SecurityReleases
      ios,26.5.2,,23F84,,2026-06-29,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.6,,23G71,,2026-07-27,released,,,,@ios26,SOFA 2026-08-22 gives 23U67; a watchOS build; 23G71 per GDMF and AppleDB,releases-2026.csv (AppleDB + GDMF)
      ios,26.6.1,,23G83,,2026-08-17,released,,,,@ios26,,sofa OSVersions.SecurityReleases
      ios,26.6.2,,23G90,,2026-09-08,released,,,,@ios26,AppleDB: iPhone12;1-18;5 (as 26.6.1),releases-2026.csv: littlebyteorg/appledb osFiles/iOS/23x - 26.x/23G90.json@36fb5bfa
      ios,26.7,,23H24,,2026-09-14,released,,,,@ios26,AppleDB: iPhone12;1-18;5 (as 26.6.1),releases-2026.csv: littlebyteorg/appledb osFiles/iOS/23x - 26.x/23H24.json@062c5f25
      ios,26.7.1,,23H30,,2026-09-28,released,,,,@ios26,AppleDB: iPhone12;1-18;5 (as 26.6.1),releases-2026.csv: littlebyteorg/appledb osFiles/iOS/23x - 26.x/23H30.json@20e619bb
      ios,27.0,,24A437,,2026-09-14,released,,,,@ios27,AppleDB: iPhone12;1 and later plus iPhone19;x; iPads assumed as iOS 26 (UNCERTAIN),releases-2026.csv: littlebyteorg/appledb osFiles/iOS/24x - 27.x/24A437.json@062c5f25
      ios,27.0.1,,24A446,,2026-09-28,released,,,,@ios27,AppleDB: iPhone12;1 and later plus iPhone19;x; iPads assumed as iOS 26 (UNCERTAIN),releases-2026.csv: littlebyteorg/appledb osFiles/iOS/24x - 27.x/24A446.json@20e619bb
      macos,11.7.11,,20G1443,,2026-02-02,released,,,,@macos11,,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/20x - 11.x/20G1443.json@17b73b41
      macos,12.0,,,,2021-09-20,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.0.1,,,,2021-10-25,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.1,,,,2021-12-13,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.2,,,,2023-11-02,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.2.1,,,,2023-11-06,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.3,,,,2023-10-31,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.3.1,,,,2023-11-02,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.4,,,,2022-05-16,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.5,,,,2022-07-20,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.5.1,,,,2023-10-31,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6,,,,2024-06-12,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.1,,,,2024-06-12,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.2,,,,2022-12-13,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.3,,,,2024-06-12,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.4,,,,2023-03-27,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.5,,,,2023-10-31,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.6,,,,2023-05-18,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.7,,,,2023-06-21,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.8,,,,2023-07-24,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.6.9,,,,2023-09-11,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7,,,,2023-09-21,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.1,,,,2023-10-25,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.2,,,,2023-12-11,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.3,,,,2024-01-22,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.4,,,,2024-03-07,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.5,,,,2024-05-13,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,12.7.6,,21H1320,,2024-07-29,released,,,,@macos12,,sofa OSVersions.SecurityReleases
      macos,13.0,,,,2022-10-24,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.0,a,22A103310o,,,internal,,,,,,rsr-releases.csv
      macos,13.0.1,,,,2024-06-12,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.1,,,,2022-12-13,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.2,,,,2023-01-23,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.2,a,22D7750270d,22D5027d,2022-12-15,beta,,,,,,rsr-releases.csv
      macos,13.2,b,22D7750270e,22D5027d,2023-01-09,beta,,,,,,rsr-releases.csv
      macos,13.2.1,,,,2023-10-31,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.3,,,,2023-03-27,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.3,a,22E7752300f,22E5230e,2023-03-01,beta,,,,,,rsr-releases.csv
      macos,13.3,b,22E7752300g,22E5230e,2023-03-06,beta,,,,,,rsr-releases.csv
      macos,13.3.1,,,,2023-04-07,released,,,,@macos13,SOFA gives 2023-10-31; AppleDB 22E261 released 2023-04-07 (releases-2026.SOURCES.md check 4),AppleDB macOS/22x - 13.x/22E261.json
      macos,13.3.1,a,22E772610a,22E261,2023-05-01,superseded,,13.4,,,,rsr-releases.csv
      macos,13.4,,,,2023-05-18,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.4.1,,,,2023-06-21,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.4.1,a,22F770820b,22F82,2023-07-10,replaced,c,,,,,rsr-releases.csv
      macos,13.4.1,a,22F770830b,22F2083,2023-07-10,replaced,c,,,,,rsr-releases.csv
      macos,13.4.1,c,22F770820d,22F82,2023-07-12,superseded,,13.5,,,,rsr-releases.csv
      macos,13.4.1,c,22F770830e,22F2083,2023-07-12,superseded,,13.5,,,,rsr-releases.csv
      macos,13.5,,,,2023-07-24,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.5.1,,,,2023-08-17,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.5.2,,,,2023-09-07,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6,,,,2023-09-21,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.1,,,,2023-10-25,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.2,,,,2023-11-07,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.3,,,,2023-12-11,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.4,,,,2024-01-22,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.5,,,,2024-03-07,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.6,,,,2024-03-25,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.7,,,,2024-05-13,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.8,,,,2024-07-29,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.6.9,,,,2024-08-07,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7,,,,2024-09-16,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.1,,,,2024-10-28,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.2,,,,2024-12-11,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.3,,,,2025-01-27,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.4,,,,2025-02-10,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.5,,,,2025-03-31,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.6,,,,2025-05-12,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.7,,,,2025-07-29,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,13.7.8,,22H730,,2025-08-20,released,,,,@macos13,,sofa OSVersions.SecurityReleases
      macos,14.0,,,,2023-09-26,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.1,,,,2023-10-25,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.1.1,,,,2023-11-07,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.1.2,,,,2023-11-30,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.2,,,,2023-12-11,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.2.1,,,,2023-12-19,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.3,,,,2024-01-22,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.3.1,,,,2024-02-08,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.4,,,,2024-03-07,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.4.1,,,,2024-03-25,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.5,,,,2024-05-13,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.6,,,,2024-07-29,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.6.1,,,,2024-08-07,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7,,,,2024-09-16,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.1,,,,2024-10-28,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.2,,,,2024-12-11,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.3,,,,2025-01-27,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.4,,,,2025-02-10,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.5,,,,2025-03-31,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.6,,,,2025-05-12,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.7,,,,2025-07-29,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.7.8,,,,2025-08-20,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8,,,,2025-09-15,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.1,,,,2025-09-29,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.2,,,,2025-11-03,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.3,,,,2025-12-12,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.4,,23J319,,2026-02-11,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.5,,23J423,,2026-03-24,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.7,,23J520,,2026-05-11,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.8,,23J620,,2026-07-27,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,14.8.9,,23J631,,2026-08-06,released,,,,@macos14,,sofa OSVersions.SecurityReleases
      macos,15.0,,,,2024-09-16,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.0.1,,,,2024-10-03,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.1,,,,2024-10-28,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.1.1,,,,2024-11-19,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.2,,,,2024-12-11,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.3,,,,2025-01-27,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.3.1,,,,2025-02-10,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.3.2,,,,2025-03-11,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.4,,,,2025-03-31,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.4.1,,,,2025-04-16,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.5,,,,2025-05-12,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.6,,,,2025-07-29,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.6.1,,,,2025-08-20,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7,,,,2025-09-15,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.1,,,,2025-09-29,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.2,,,,2025-11-03,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.3,,,,2025-12-12,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.4,,24G517,,2026-02-11,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.5,,24G624,,2026-03-24,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.7,,24G720,,2026-05-11,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.8,,24G824,,2026-07-27,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.7.9,,24G830,,2026-08-06,released,,,,@macos15,,sofa OSVersions.SecurityReleases
      macos,15.8,,24H23,,2026-09-14,released,,,,@macos15,,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/24x - 15.x/24H23.json@14cd1763
      macos,15.8.1,,24H32,,2026-09-28,released,,,,@macos15,,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/24x - 15.x/24H32.json@20e619bb
      macos,26.0,,,,2025-09-15,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.0.1,,,,2025-09-29,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.1,,,,2025-11-03,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.2,,,,2025-12-12,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.3,,25D125,,2026-02-11,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.3,a,25D770870b,25D5087f,2026-01-06,beta,,,,,,rsr-releases.csv
      macos,26.3,b,25D770870v,25D5087f,2026-01-08,beta,,,,,,releases-2026.csv: littlebyteorg/appledb osFiles/Background Security Improvements/macOS/25x - 26.x/25D770870v.json@a85ea7e5
      macos,26.3.1,,25D2128,,2026-03-04,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.3.1,a,25D771280a,25D2128,2026-03-17,superseded,,26.4,2026-11-20,,,Apple GDMF PublicBackgroundSecurityImprovements (2026-08-22 cache) + AppleDB
      macos,26.3.2,,25D2140,,2026-03-10,released,,,,Mac17.5,,sofa OSVersions.SecurityReleases
      macos,26.3.2,a,25D771400a,25D2140,2026-03-17,superseded,,26.4,2026-11-20,Mac17.5,GDMF SupportedDevices J700AP only (Mac17;5; MacBook Neo per SOFA bsi_history); AppleDB lists every Apple-silicon Mac: GDMF wins,Apple GDMF PublicBackgroundSecurityImprovements (2026-08-22 cache) + AppleDB
      macos,26.4,,25E246,,2026-03-24,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.4.1,,25E253,,2026-04-09,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.5,,25F71,,2026-05-11,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.5.1,,25F80,,2026-06-01,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.5.2,,25F84,,2026-06-29,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.6,,25G72,,2026-07-27,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.6.1,,25G76,,2026-08-06,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.6.2,,25G83,,2026-08-17,released,,,,@macos26,,sofa OSVersions.SecurityReleases
      macos,26.7,,25G229,,2026-09-14,released,,,,@macos26,,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/25x - 26.x/25G229.json@14cd1763
      macos,26.7.1,,25G241,,2026-09-28,released,,,,@macos26,,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/25x - 26.x/25G241.json@20e619bb
      macos,27.0,,26A428,,2026-09-14,released,,,,@apple-silicon,AppleDB: Apple silicon only,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/26x - 27.x/26A428.json@14cd1763
      macos,27.0.1,,26A434,,2026-09-28,released,,,,@apple-silicon,AppleDB: Apple silicon only,releases-2026.csv: littlebyteorg/appledb osFiles/macOS/26x - 27.x/26A434.json@20e619bb
    """
}
