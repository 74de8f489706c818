// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Ringside",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "ringside", targets: ["ringside"])
  ],
  targets: [
    // C libraries from Debian packages (libsqlite3-dev, libncurses-dev).
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // zlib1g-dev: inflate and CRC-32 for zip exports.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
    // libpq-dev: the PostgreSQL backend's client library.
    .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
    // The byte scan behind the dashboard's in-memory text search (SSE2 where available).
    .target(name: "CTextScan"),
    // SQLite's unix VFS with writers that readers' locks cannot keep out (see WriterLock).
    .target(name: "CSQLiteVFS", dependencies: ["CSQLite"]),
    // The C library's wcwidth under a UTF-8 locale, so display widths agree with ncurses.
    .target(name: "CWidth"),
    // Pure domain: versions, catalog, rings, policies, derived states. No I/O, no curses.
    .target(name: "RingsideDomain", dependencies: ["CWidth"]),
    // The inventory: SQLite, or PostgreSQL for a shared one.
    .target(
      name: "RingsideStore",
      dependencies: ["RingsideDomain", "CSQLite", "CSQLiteVFS", "CTextScan", "CLibPQ"]),
    // Importers for MDM exports.
    .target(name: "RingsideImport", dependencies: ["RingsideDomain", "RingsideStore", "CZlib"]),
    // libcurl4-openssl-dev: HTTP and TLS for `ringside sync`.
    .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
    // libssl-dev (libcrypto): the certificate and PS256 signature of Graph client assertions.
    .target(name: "CCrypto", linkerSettings: [.linkedLibrary("crypto")]),
    // `ringside sync`: MDM API clients (auth, paging, politeness) feeding the importer.
    .target(
      name: "RingsideSync", dependencies: ["RingsideImport", "RingsideStore", "CCurl", "CCrypto"]),
    // Ring policy -> .mobileconfig and DDM declarations.
    .target(name: "RingsideProfiles", dependencies: ["RingsideDomain"]),
    // The use cases the CLI and the dashboard share (staging review, apply ledger, device
    // facts): no UI, no SQLite types in its API.
    .target(
      name: "RingsideServices",
      dependencies: ["RingsideDomain", "RingsideStore", "RingsideImport", "RingsideProfiles"]),
    // Dashboard state, views and the in-memory cell grid; no curses here.
    .target(
      name: "RingsideTUI",
      dependencies: ["RingsideDomain", "RingsideStore", "RingsideProfiles", "RingsideServices"]),
    // The one thin ncurses driver.
    .target(name: "RingsideTerminal", dependencies: ["RingsideTUI", "CNcursesw"]),
    // Subcommands and their command table.
    .target(
      name: "RingsideCLI",
      dependencies: [
        "RingsideDomain", "RingsideStore", "RingsideImport", "RingsideProfiles",
        "RingsideServices", "RingsideTUI", "RingsideTerminal", "RingsideSync",
      ]),
    .executableTarget(name: "ringside", dependencies: ["RingsideCLI"]),
    // The benchmark (README "Performance"): import, first frame, keys, apply, memory, wire bytes
    // on the demo fleet and on fleets shaped like real ones.
    .executableTarget(
      name: "ringside-bench",
      dependencies: [
        "RingsideDomain", "RingsideStore", "RingsideImport", "RingsideProfiles", "RingsideServices",
        "RingsideTUI",
      ]),
    // What the test suites share: a PostgreSQL database of a test's own, the backend under test.
    .target(
      name: "RingsideTestSupport", dependencies: ["RingsideStore", "RingsideDomain"],
      path: "Tests/RingsideTestSupport"),
    .testTarget(
      name: "RingsideDomainTests", dependencies: ["RingsideDomain"], exclude: ["Fixtures"]),
    .testTarget(
      name: "RingsideStoreTests",
      dependencies: [
        "RingsideTestSupport", "RingsideStore", "RingsideDomain",
      ]),
    .testTarget(
      name: "RingsideImportTests",
      dependencies: [
        "RingsideTestSupport", "RingsideImport", "RingsideStore", "RingsideDomain",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "RingsideProfilesTests", dependencies: ["RingsideProfiles", "RingsideDomain"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "RingsideServicesTests",
      dependencies: [
        "RingsideTestSupport",
        "RingsideServices", "RingsideImport", "RingsideProfiles", "RingsideStore", "RingsideDomain",
      ]),
    .testTarget(
      name: "RingsideTUITests",
      dependencies: [
        "RingsideTestSupport", "RingsideTUI", "RingsideStore", "RingsideDomain",
      ],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "RingsideCLITests",
      dependencies: [
        "RingsideTestSupport",
        "RingsideCLI", "RingsideStore", "RingsideDomain", "RingsideImport", "RingsideSync",
        "RingsideServices", "CCrypto",
      ],
      exclude: ["Snapshots"]),
  ]
)
