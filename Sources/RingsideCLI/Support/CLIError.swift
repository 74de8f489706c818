import RingsideDomain
import RingsideStore

/// A failure to report in one line on stderr, with the exit status it maps to.
public struct CLIError: Error, Sendable, CustomStringConvertible {
  public let code: ExitCode
  public let message: String

  public init(_ code: ExitCode, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  static func usage(_ message: String, command: String?) -> CLIError {
    let hint = command.map { "ringside \($0) --help" } ?? "ringside --help"
    return CLIError(.usage, "\(message) (see `\(hint)`)")
  }

  /// Maps a store failure to the sysexits status that fits it.
  static func store(_ error: StoreError) -> CLIError {
    let code: ExitCode =
      switch error.kind {
      case .malformedLocation: .usage
      case .notFound: .noInput
      case .cannotOpen: .cantCreate
      case .readOnly, .authentication: .noPermission
      case .unavailable: .unavailable
      case .busy: .tempFail
      case .full: .ioError
      case .corrupt, .newerSchema: .dataError
      case .constraint, .conflict: .dataError
      case .other, .interrupted: .software
      }
    return CLIError(code, error.message)
  }
}
