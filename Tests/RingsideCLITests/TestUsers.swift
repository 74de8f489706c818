import Foundation

/// Unix users and groups for tests of the shared-store permissions, created once (needs root).
enum TestUsers {
  static let adminGroup = "rs-test-admins"
  static let viewerGroup = "rs-test-viewers"
  static let admin = "rs-test-admin"
  static let viewer = "rs-test-viewer"
  static let outsider = "rs-test-outsider"

  static func ensure() throws {
    for group in [adminGroup, viewerGroup] {
      try command("/usr/sbin/groupadd", "-f", group)
    }
    for (user, groups) in [
      (admin, "\(adminGroup),\(viewerGroup)"), (viewer, viewerGroup), (outsider, ""),
    ]
    where (try? command("/usr/bin/id", user)) == nil {
      try command("/usr/sbin/useradd", "-M", "-N", "-s", "/bin/sh", "-G", groups, user)
    }
  }

  private static func command(_ arguments: String...) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      throw NSError(domain: "TestUsers", code: Int(process.terminationStatus))
    }
  }
}
