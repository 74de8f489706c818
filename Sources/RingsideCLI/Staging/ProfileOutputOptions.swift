import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

/// `--out` and `--org`, shared by `staged` and `apply`, and the exit status of each profile
/// failure.
enum ProfileOutputOptions {
  static let outOption = CommandSpec.Option(
    "--out", value: "DIR",
    help:
      "Profile folder. Default: $XDG_DATA_HOME/ringside/profiles (else ~/.local/share/ringside/profiles)."
  )
  static let orgOption = CommandSpec.Option(
    "--org", value: "NAME",
    help: "Organisation written as PayloadOrganization and used in identifiers. Default: Ringside.")

  /// The folder: the store's setting (`ringside config --out`), else `--out` (made absolute
  /// against the working directory), else the XDG default. A different `--out` than the stored
  /// one is refused: every admin writes to one folder, and moving it is `ringside config --out
  /// DIR`. A relative folder a store kept from before is returned as it is, for the writers to
  /// refuse (`ProfileError.relativeDirectory`).
  static func directory(
    _ arguments: ParsedArguments, _ context: CommandContext, settings: ProfileSettings? = nil
  ) throws(CLIError) -> String {
    let given = try out(arguments, context)
    if let stored = settings?.directory {
      if let given, given != stored {
        throw CLIError.usage(
          "this store writes profiles to \(Sanitized.text(stored)) (ringside config); move the folder with `ringside config --out \(Sanitized.text(given))`",
          command: nil)
      }
      return stored
    }
    return given ?? StorePath.dataDirectory(environment: context.environment) + "/profiles"
  }

  /// `--out` as an absolute, standardized path; nil when not given. A path with a control or
  /// format character, or longer than `maxOutLength` bytes, is refused: it is kept in the store
  /// and printed by every later apply.
  static func out(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError)
    -> String?
  {
    guard let given = arguments.value("--out"), !given.isEmpty else { return nil }
    let unprintable = given.unicodeScalars.contains {
      [.control, .format].contains($0.properties.generalCategory)
    }
    guard !unprintable, given.utf8.count <= maxOutLength else {
      throw CLIError.usage(
        "--out \(Sanitized.text(given, limit: 80)): a profile folder is a path of at most "
          + "\(maxOutLength) bytes without control characters",
        command: nil)
    }
    return AbsolutePath.of(given, from: context.workingDirectory)
  }

  /// The longest `--out` taken (Linux's PATH_MAX is 4,096 bytes, and file names go under it).
  static let maxOutLength = 1024

  /// The organisation: the store's setting, else `--org`, else "Ringside"; with the store's
  /// identifier prefix. A different `--org` than the stored one is refused like `--out`.
  static func organization(
    _ arguments: ParsedArguments, command: String, settings: ProfileSettings? = nil
  ) throws(CLIError) -> ProfileOrganization {
    let given = arguments.value("--org")
    if let stored = settings?.organization, let given, given.trimmed != stored {
      throw CLIError.usage(
        "this store writes profiles for organisation \"\(Sanitized.text(stored))\" (ringside config); change it with `ringside config --org`",
        command: command)
    }
    let name = settings?.organization ?? given
    var organization = ProfileOrganization.default
    if let name {
      do { organization = try ProfileOrganization(name) } catch {
        throw CLIError.usage(error.description, command: command)
      }
    }
    return organization.withIdentifierPrefix(settings?.identifierPrefix)
  }

  /// Refuses an `--org` the store does not keep yet when it would give the profiles already
  /// written new identifiers (`IdentifierGuard`), unless `force`.
  static func refuseNewIdentifiers(
    _ arguments: ParsedArguments, store: InventoryStore, settings: ProfileSettings, force: Bool,
    fix: String
  ) throws(CLIError) {
    guard settings.organization == nil, let org = arguments.value("--org") else { return }
    var new = settings
    new.organization = org.trimmed
    try IdentifierGuard.check(from: settings, to: new, store: store, force: force, fix: fix)
  }

  /// The store's profile settings, as a CLI error when the store cannot say.
  static func settings(_ store: InventoryStore) throws(CLIError) -> ProfileSettings {
    do { return try store.profileSettings() } catch { throw CLIError.store(error) }
  }

  /// Stores `--org` and `--out` on an admin's first apply, so later runs write the same
  /// identifiers to the same folder without repeating them.
  static func rememberFirstUse(
    _ arguments: ParsedArguments, store: InventoryStore, settings: ProfileSettings,
    context: CommandContext
  ) throws(CLIError) {
    var new = ProfileSettings()
    if settings.organization == nil, let org = arguments.value("--org") {
      new.organization = org.trimmed
    }
    if settings.directory == nil, let out = try out(arguments, context) { new.directory = out }
    guard new.organization != nil || new.directory != nil else { return }
    do {
      try store.setProfileSettings(
        new, by: context.auditActor(on: store), at: context.now)
    } catch {
      throw CLIError.store(error)
    }
  }

  /// The one-line error and exit status for an apply that stopped.
  static func cliError(_ failure: StagedApply.Failure) -> CLIError {
    switch failure {
    case .store(let error): CLIError.store(error)
    case .profile(let error): cliError(error)
    }
  }

  /// The one-line error and sysexits status for a profile failure.
  static func cliError(_ error: ProfileError) -> CLIError {
    let code: ExitCode =
      switch error {
      case .organizationEmpty, .organizationTooLong: .usage
      case .cannotCreateDirectory, .notADirectory, .cannotWrite, .changedOnDisk: .cantCreate
      case .relativeDirectory: .config
      case .directoryWritableByOthers: .noPermission
      case .cannotLock: .tempFail
      case .cannotRead, .cannotRemove: .ioError
      case .ledger: .software
      }
    return CLIError(code, error.description)
  }
}
