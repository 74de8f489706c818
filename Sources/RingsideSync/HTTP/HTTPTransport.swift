/// Sends one request and returns the server's answer, whatever its status. Failures below HTTP
/// (no connection, TLS, a cut or oversized body) are `TransportError`s.
public protocol HTTPTransport {
  func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

/// Why a request got no complete answer.
public struct TransportError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable {
    /// No connection, a timeout, a reset: worth trying again.
    case unreachable
    /// The host name does not resolve: a typo more often than a glitch, not retried.
    case unresolved
    /// The body ended before its announced length: worth trying again.
    case truncated
    /// The body is longer than the request allows.
    case tooLarge
    /// TLS: the certificate does not verify, or the CA file is unusable. Not retried.
    case tls
    /// The URL or a setting is unusable. Not retried.
    case refusedLocally
  }

  public let kind: Kind
  public let reason: String

  public init(_ kind: Kind, _ reason: String) {
    self.kind = kind
    self.reason = reason
  }

  public var description: String { reason }

  /// True when waiting and sending again may help.
  public var isTransient: Bool { kind == .unreachable || kind == .truncated }
}
