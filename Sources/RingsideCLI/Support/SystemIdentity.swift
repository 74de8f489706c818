import Foundation
import RingsideDomain

/// Reads the facts roles are decided from: the unix user and groups, the config file, the
/// owner of the store file.
enum SystemIdentity {
  static func current() -> Identity {
    let uid = geteuid()
    var name = "uid \(uid)"
    var primaryGID = getegid()
    if let pw = getpwuid(uid) {
      name = String(cString: pw.pointee.pw_name)
      primaryGID = pw.pointee.pw_gid
    }
    var groups: Set<String> = []
    var count: Int32 = 64
    var ids = [gid_t](repeating: 0, count: Int(count))
    if getgrouplist(name, primaryGID, &ids, &count) == -1 {
      ids = [gid_t](repeating: 0, count: Int(count))
      _ = getgrouplist(name, primaryGID, &ids, &count)
    }
    for gid in ids.prefix(Int(max(0, count))) + [getegid()] {
      if let gr = getgrgid(gid) { groups.insert(String(cString: gr.pointee.gr_name)) }
    }
    return Identity(userName: name, uid: uid, groups: groups)
  }

  /// The host-wide config, `/etc/ringside/config.json`. Debug builds (the ones `swift test`
  /// runs) read `$RINGSIDE_TEST_HOST_CONFIG` instead when it is set, so that no test depends on
  /// the machine's configuration; release builds ignore that variable.
  static func hostConfigPath(environment: [String: String]) -> String {
    #if DEBUG
      if let path = environment["RINGSIDE_TEST_HOST_CONFIG"], path.hasPrefix("/") { return path }
    #endif
    return "/etc/ringside/config.json"
  }

  /// The host-wide config when present (a shared host's settings win), else the user's
  /// `$XDG_CONFIG_HOME/ringside/config.json`; nil when neither exists.
  static func config(environment: [String: String]) throws(CLIError) -> AccessConfig? {
    var candidates = [hostConfigPath(environment: environment)]
    let home = environment["HOME"] ?? NSHomeDirectory()
    let xdg =
      environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
    candidates.append(xdg + "/ringside/config.json")
    for path in candidates {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      do {
        return try JSONDecoder().decode(AccessConfig.self, from: data)
      } catch {
        throw CLIError(
          .dataError, "\(path): not a valid config (expected {\"admin_group\": \"NAME\"}): \(error)"
        )
      }
    }
    return nil
  }

  /// The uid owning the store file, or nil when it does not exist yet.
  static func owner(of path: String) -> UInt32? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_uid : nil
  }
}
