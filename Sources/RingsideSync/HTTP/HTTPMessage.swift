import Foundation

/// One HTTP request as the sync clients send it.
public struct HTTPRequest: Sendable {
  public var method: String
  public var url: String
  /// Header lines in order; an `Authorization` value is a secret and never shown.
  public var headers: [(String, String)]
  public var body: Data?
  /// The largest response body accepted, in bytes; a longer one fails the request.
  public var maxBytes: Int
  /// Seconds the whole exchange may take.
  public var timeout: Double

  public init(
    method: String = "GET", url: String, headers: [(String, String)] = [], body: Data? = nil,
    maxBytes: Int = 64 << 20, timeout: Double = 120
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.maxBytes = maxBytes
    self.timeout = timeout
  }
}

/// A response: its status, its headers (names in lowercase) and its body.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}
