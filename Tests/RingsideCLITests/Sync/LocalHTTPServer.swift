import Foundation

/// A minimal HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for the sync tests: one
/// connection at a time, `Connection: close` after every answer, and a handler that decides
/// each answer (including cut bodies).
final class LocalHTTPServer: @unchecked Sendable {
  /// One request as received.
  struct Request: Sendable {
    let method: String
    /// The path with its query, as sent.
    let target: String
    /// Header names in lowercase.
    let headers: [String: String]
    let body: String

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

    /// The query's values (percent-decoded; `+` stays).
    var query: [String: String] {
      guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
      var out: [String: String] = [:]
      for pair in q.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        out[parts[0].removingPercentEncoding ?? parts[0]] =
          parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
      }
      return out
    }

    /// The form fields of an `application/x-www-form-urlencoded` body.
    var form: [String: String] {
      var out: [String: String] = [:]
      for pair in body.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        out[parts[0].removingPercentEncoding ?? parts[0]] =
          parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
      }
      return out
    }
  }

  /// How to answer.
  enum Reply: Sendable {
    case json(Int, String, headers: [(String, String)] = [])
    /// Announces `Content-Length` of the whole body, sends only `sent` bytes, and closes.
    case cut(String, sent: Int)
    /// Sends the first `sent` bytes of the body with no `Content-Length`, then closes (the end of
    /// the connection ends the body, so the client sees a complete but cut document).
    case cutUnannounced(String, sent: Int)
  }

  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var log: [Request] = []
  private var answers: [Int] = []
  private let handler: @Sendable (Request) -> Reply
  private let done = DispatchSemaphore(value: 0)

  var base: String { "http://127.0.0.1:\(port)" }
  /// Every request so far, in order.
  var requests: [Request] { lock.withLock { log } }
  /// The status of every answer so far.
  var statuses: [Int] { lock.withLock { answers } }

  init(handler: @escaping @Sendable (Request) -> Reply) throws {
    self.handler = handler
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && listen(fd, 16) == 0
          && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    listener = fd
    port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in serve() }
    thread.start()
  }

  /// Stops accepting and waits for the serving thread to end.
  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    done.wait()
  }

  private func serve() {
    defer { done.signal() }
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        if errno == EINTR { continue }
        return
      }
      var timeout = timeval(tv_sec: 5, tv_usec: 0)
      setsockopt(
        connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      if let request = read(connection) {
        let reply = handler(request)
        lock.withLock { log.append(request) }
        write(reply, to: connection)
      }
      close(connection)
    }
  }

  private func read(_ connection: Int32) -> Request? {
    var data = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    var headerEnd: Int?
    while headerEnd == nil {
      let n = recv(connection, &chunk, chunk.count, 0)
      guard n > 0 else { return nil }
      data += chunk[0..<n]
      headerEnd = Self.find([13, 10, 13, 10], in: data)
    }
    guard let end = headerEnd else { return nil }
    let head = String(decoding: data[0..<end], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] =
        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    var body = Array(data[(end + 4)...])
    while body.count < length {
      let n = recv(connection, &chunk, chunk.count, 0)
      guard n > 0 else { return nil }
      body += chunk[0..<n]
    }
    return Request(
      method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
      body: String(decoding: body, as: UTF8.self))
  }

  private func write(_ reply: Reply, to connection: Int32) {
    var status = 200
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: [UInt8]
    var sent: Int
    switch reply {
    case .json(let code, let text, let extra):
      status = code
      headers += extra
      body = Array(text.utf8)
      sent = body.count
      headers.append(("Content-Length", "\(body.count)"))
    case .cut(let text, let count):
      body = Array(text.utf8)
      sent = min(count, body.count)
      headers.append(("Content-Length", "\(body.count)"))
    case .cutUnannounced(let text, let count):
      body = Array(text.utf8)
      sent = min(count, body.count)
    }
    lock.withLock { answers.append(status) }
    var text = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
    for (name, value) in headers + [("Connection", "close")] { text += "\(name): \(value)\r\n" }
    text += "\r\n"
    let bytes = Array(text.utf8) + body[0..<sent]
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes {
        send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard n > 0 else { return }
      offset += n
    }
  }

  private static func find(_ needle: [UInt8], in data: [UInt8]) -> Int? {
    guard data.count >= needle.count else { return nil }
    for i in 0...(data.count - needle.count) where data[i..<i + needle.count].elementsEqual(needle)
    {
      return i
    }
    return nil
  }
}
