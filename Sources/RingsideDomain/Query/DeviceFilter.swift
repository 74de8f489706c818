/// The filter language shared by the dashboard's `/` and `ringside devices --filter`:
/// plain words match name, serial, user or model; `field:value` terms narrow by a field;
/// a leading `-` negates a term. Terms side by side must all hold; `OR` between them lets
/// either side hold and binds looser (`a b OR c` is `(a b) OR c`); parentheses group.
///
///     os:16.5.1 ring:test state:pulled-rsr removal:blocked platform:macos supervised:no
///     (ring:test OR ring:pilot) -state:current
public struct DeviceFilter: Sendable, Hashable {
  /// One condition of the filter.
  public enum Term: Sendable, Hashable {
    case text(String)
    /// `os:16`, `os:16.5`, `os:16.5.1` match that release and everything under it;
    /// with a mark (`os:"16.5.1 (c)"`), only that RSR.
    case os(OSVersionNumber, RSRMark?)
    case ring(String)
    case state(DeviceState)
    /// Any of these states: `state:pending` is every state that needs an action.
    case states([DeviceState])
    case removal(RemovalStatus)
    case platform(Platform)
    case supervised(Bool?)
    /// Checked in more (true) or less (false) than `days` ago; never checked in counts as stale.
    case stale(Bool, days: Int)
    case build(String)
    case model(String)
    case source(String)
    /// Any of these serial numbers or device names (upper-cased), from `serial:A,B,C` or a
    /// pasted list of words.
    case anyOf([String])
    indirect case not(Term)
    /// At least one of these holds (`a OR b`).
    indirect case or([Term])
    /// All of these hold: a group such as `(a b)` inside an `OR`.
    indirect case and([Term])
  }

  /// More terms than this (`OR` and parentheses not counted) is a usage error: the filter
  /// is typed, not generated.
  public static let maxTerms = 1000
  /// A filter of more plain words than this, and nothing else, is a pasted list: it matches
  /// devices whose serial number or name is any of them (all of 20 words never matches).
  public static let listThreshold = 20
  /// The most entries of one list.
  public static let maxListEntries = 100_000

  /// Days without a check-in after which a device counts as stale.
  public static let staleDays = 14

  public static let fields = [
    "os", "ring", "state", "removal", "platform", "supervised", "stale", "build", "model",
    "source", "name", "serial",
  ]

  /// Terms that must all hold; an `OR` among them is one term.
  public let terms: [Term]
  public let text: String

  public init(terms: [Term], text: String = "") {
    self.terms = terms
    self.text = text
  }

  public static let all = DeviceFilter(terms: [])

  public var isEmpty: Bool { terms.isEmpty }

  /// Parses filter text; an unknown field or value says what it accepts, an unbalanced
  /// parenthesis or an `OR` with nothing on one side says where it is.
  public static func parse(_ text: String) throws(FilterError) -> DeviceFilter {
    let tokens = FilterToken.tokenize(text)
    let words = tokens.compactMap(\.word)
    if words.count > listThreshold, words.count == tokens.count,
      words.allSatisfy({ !$0.contains(":") && !$0.hasPrefix("-") && !$0.hasPrefix("!") })
    {
      guard words.count <= maxListEntries else {
        throw FilterError(
          message: "a list of \(words.count) entries; at most \(maxListEntries) at a time")
      }
      return DeviceFilter(terms: [.anyOf(words.map { $0.uppercased() })], text: text)
    }
    guard words.count <= maxTerms else {
      throw FilterError(
        message:
          "\(words.count) terms; a filter takes at most \(maxTerms) (a list of serial numbers "
          + "alone, or serial:A,B,C, takes up to \(maxListEntries))")
    }
    var parser = FilterParser(text: text, tokens: tokens, parseWord: parseTerm)
    return DeviceFilter(terms: try parser.parse(), text: text)
  }

  private static func parseTerm(_ token: String) throws(FilterError) -> Term {
    guard let colon = token.firstIndex(of: ":") else { return .text(token) }
    let field = token[..<colon].lowercased()
    let value = String(token[token.index(after: colon)...])
    let lower = value.lowercased()
    func bad(_ accepted: String) -> FilterError {
      FilterError(
        message: "\(field):\(Sanitized.text(value, limit: 30)) — \(field) takes \(accepted)")
    }
    switch field {
    case "os", "version":
      // `26.3.1 (?)`, as the screen shows a version whose letter the source does not report.
      let compact = value.replacingOccurrences(of: " ", with: "")
      if compact.hasSuffix("(?)"), let base = OSVersionNumber(String(compact.dropLast(3))) {
        return .os(base, .unknown)
      }
      do {
        let v = try AppleOSVersion.parse(value, missingLetter: .unknown)
        let mark: RSRMark? = value.contains("(") ? v.rsr : nil
        guard let base = v.base else { throw bad("a version such as 16.5.1 or \"16.5.1 (c)\"") }
        let written = OSVersionNumber(String(value.prefix { $0 != " " && $0 != "(" }))
        return .os(written ?? base, mark)
      } catch {
        throw bad("a version such as 16.5.1, \"16.5.1 (c)\" or \"26.3.1 (?)\"")
      }
    case "ring": return .ring(lower)
    case "state":
      if lower == "pending" { return .states(DeviceState.pending) }
      guard let s = DeviceState(rawValue: lower) else {
        throw bad((DeviceState.allCases.map(\.rawValue) + ["pending"]).joined(separator: ", "))
      }
      return .state(s)
    case "removal":
      guard let r = RemovalStatus(rawValue: lower) else {
        throw bad(RemovalStatus.allCases.map(\.rawValue).joined(separator: ", "))
      }
      return .removal(r)
    case "platform":
      guard let p = Platform(name: lower) else { throw bad("ios, ipados or macos") }
      return .platform(p)
    case "supervised":
      switch lower {
      case "yes", "true", "1": return .supervised(true)
      case "no", "false", "0": return .supervised(false)
      case "unknown": return .supervised(nil)
      default: throw bad("yes, no or unknown")
      }
    case "stale":
      switch lower {
      case "yes", "true": return .stale(true, days: staleDays)
      case "no", "false": return .stale(false, days: staleDays)
      default:
        let digits = lower.hasSuffix("d") ? String(lower.dropLast()) : lower
        guard let days = Int(digits), (1...3650).contains(days) else {
          throw bad("yes, no, or a number of days such as 30d")
        }
        return .stale(true, days: days)
      }
    case "build": return .build(value)
    case "model": return .model(value)
    case "source": return .source(lower)
    case "name": return .text(value)
    case "serial":
      let entries = value.split(separator: ",").map { $0.uppercased() }
      guard !entries.isEmpty, entries.count <= maxListEntries else {
        throw bad("1 to \(maxListEntries) serial numbers separated by commas")
      }
      return .anyOf(entries)
    default:
      throw FilterError(
        message:
          "unknown field \(Sanitized.text(field, limit: 20)):, use one of \(fields.joined(separator: ", "))"
      )
    }
  }
}

/// A filter the user typed that cannot be understood.
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public var description: String { "filter: " + message }
}
