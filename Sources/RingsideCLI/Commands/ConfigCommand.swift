import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideStore

/// `ringside config`: the profile identity every admin of a store shares (organisation,
/// identifier prefix, folder), shown, set once, or changed on purpose.
enum ConfigCommand {
  static let spec = CommandSpec(
    path: ["config"],
    summary: "Show or set who profiles are written for and where (kept in the store).",
    options: [
      CommandSpec.dbOption,
      CommandSpec.Option("--org", value: "NAME", help: "PayloadOrganization of every profile."),
      CommandSpec.Option(
        "--identifier-prefix", value: "PREFIX",
        help: "Reverse-DNS prefix of every identifier, e.g. com.example."),
      CommandSpec.Option("--out", value: "DIR", help: "The profile folder every admin writes to."),
      CommandSpec.Option(
        "--force", help: "Change a value already set (the MDM then gets new profiles)."),
    ],
    discussion: """
      Without options, prints the settings. A value is set once (or by the first apply with
      --org or --out) and then used by every admin and session: identifiers and UUIDs derive
      from organisation (or prefix), ring and platform, so the MDM replaces a profile instead of
      adding a second one. Changing the organisation or prefix once profiles were written
      changes every identifier, so it needs --force; every change is in the audit log.
      """,
    writes: true,
    run: { arguments, context in try run(arguments, context) })

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
    let store = try context.openStore(arguments, create: true)
    let current = try ProfileOutputOptions.settings(store)
    var new = ProfileSettings(
      organization: arguments.value("--org")?.trimmed,
      identifierPrefix: arguments.value("--identifier-prefix"),
      directory: try ProfileOutputOptions.out(arguments, context))
    if let org = new.organization {
      do { _ = try ProfileOrganization(org) } catch {
        throw CLIError.usage("--org: \(error.description)", command: "config")
      }
    }
    if let prefix = new.identifierPrefix, !ProfileOrganization.isIdentifierPrefix(prefix) {
      throw CLIError.usage(
        "--identifier-prefix must be reverse DNS such as com.example, not \(Sanitized.text(prefix, limit: 60))",
        command: "config")
    }
    if new == ProfileSettings() {
      context.print(describe(current))
      return ExitCode.ok.rawValue
    }
    var merged = current
    merged.organization = new.organization ?? current.organization
    merged.identifierPrefix = new.identifierPrefix ?? current.identifierPrefix
    try IdentifierGuard.check(
      from: current, to: merged, store: store, force: arguments.flag("--force"),
      fix: "repeat with --force")
    if new.organization == current.organization { new.organization = nil }
    if new.identifierPrefix == current.identifierPrefix { new.identifierPrefix = nil }
    if new.directory == current.directory { new.directory = nil }
    let stored: ProfileSettings
    do {
      stored = try store.setProfileSettings(
        new, by: context.auditActor(on: store), at: context.now)
    } catch {
      throw CLIError.store(error)
    }
    context.print(describe(stored))
    return ExitCode.ok.rawValue
  }

  /// The stored folder; a relative one (kept from before Ringside stored full paths) says
  /// nothing is written there until it is set again.
  static func folder(_ directory: String?) -> String {
    guard let directory else { return "not set: --out or $XDG_DATA_HOME/ringside/profiles" }
    guard directory.hasPrefix("/") else {
      return Sanitized.text(directory)
        + " (relative, so apply writes nothing: set its full path with `ringside config --out DIR`)"
    }
    return Sanitized.text(directory)
  }

  static func describe(_ s: ProfileSettings) -> String {
    let organization = s.organization ?? ProfileOrganization.defaultName
    let sample = (try? ProfileOrganization(organization))?.withIdentifierPrefix(
      s.identifierPrefix)
    let identifier =
      sample.map {
        ProfileIdentity(organization: $0, ring: "RING", family: .iOS).profileIdentifier
      } ?? ""
    return """
      organisation       \(Sanitized.text(organization))\(s.organization == nil ? " (default)" : "")
      identifier prefix  \(s.identifierPrefix ?? "none: identifiers are ringside.ORG...")
      profile folder     \(folder(s.directory))
      identifiers        \(identifier)
      """
  }
}
