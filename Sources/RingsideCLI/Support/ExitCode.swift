/// Exit statuses: sysexits(3) for commands, the monitoring-plugin codes for `check`.
public enum ExitCode: Int32, Sendable {
  case ok = 0
  case usage = 64
  case dataError = 65
  case noInput = 66
  case unavailable = 69
  case software = 70
  case cantCreate = 73
  case ioError = 74
  case tempFail = 75
  case noPermission = 77
  /// A setting kept in the store must be fixed first (`ringside config`).
  case config = 78

  public static let checkWarning: Int32 = 1
  public static let checkCritical: Int32 = 2
  public static let checkUnknown: Int32 = 3
}
