import Foundation
import RingsideProfiles
import RingsideStore
import RingsideTUI

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

  /// The folder from `--out`, else the XDG default.
  static func directory(_ arguments: ParsedArguments, _ context: CommandContext) -> String {
    if let out = arguments.value("--out"), !out.isEmpty { return out }
    return StorePath.dataDirectory(environment: context.environment) + "/profiles"
  }

  /// The organisation from `--org`, else "Ringside".
  static func organization(_ arguments: ParsedArguments, command: String) throws(CLIError)
    -> ProfileOrganization
  {
    guard let name = arguments.value("--org") else { return .default }
    do {
      return try ProfileOrganization(name)
    } catch {
      throw CLIError.usage(error.description, command: command)
    }
  }

  /// The one-line error and sysexits status for a profile failure.
  static func cliError(_ error: ProfileError, ledger: StoreProfileLedger? = nil) -> CLIError {
    if case .ledger = error, let storeError = ledger?.storeError {
      return CLIError.store(storeError)
    }
    let code: ExitCode =
      switch error {
      case .organizationEmpty, .organizationTooLong: .usage
      case .cannotCreateDirectory, .notADirectory, .cannotWrite, .changedOnDisk: .cantCreate
      case .directoryWritableByOthers: .noPermission
      case .cannotLock: .tempFail
      case .cannotRead, .cannotRemove: .ioError
      case .ledger: .software
      }
    return CLIError(code, error.description)
  }
}
