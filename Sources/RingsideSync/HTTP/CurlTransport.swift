import CCurl
import Foundation

/// HTTP through libcurl's easy interface: TLS peers and host names always verified (against
/// the system's CAs, or `caFile` for a private CA), no redirects followed (a bearer token must
/// not travel to another host), plain `http://` only to the loopback address.
public final class CurlTransport: HTTPTransport {
  private let caFile: String?
  private let handle: UnsafeMutableRawPointer

  /// libcurl's global setup. `SSLKEYLOGFILE` is dropped first: libcurl reads it there and
  /// would write every TLS session's keys to that file (mode 0644, even when the certificate
  /// then fails to verify), which makes the recorded token and secret readable.
  private static let initialized: Bool = {
    unsetenv("SSLKEYLOGFILE")
    return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
  }()

  /// A transport that verifies servers against `caFile` (PEM) instead of the system's CAs.
  public init(caFile: String? = nil) throws(TransportError) {
    guard Self.initialized, let handle = curl_easy_init() else {
      throw TransportError(.refusedLocally, "libcurl could not be initialized")
    }
    if let caFile { try Self.checkCAFile(caFile) }
    self.caFile = caFile
    self.handle = handle
  }

  deinit { curl_easy_cleanup(handle) }

  public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
    try Self.checkScheme(request.url)
    curl_easy_reset(handle)
    let buffer = ResponseBuffer(limit: request.maxBytes)
    let context = Unmanaged.passUnretained(buffer).toOpaque()
    var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    var headerList: UnsafeMutablePointer<curl_slist>?
    defer { curl_slist_free_all(headerList) }
    for (name, value) in request.headers {
      headerList = curl_slist_append(headerList, "\(name): \(value)")
    }
    let milliseconds = max(1, Int(request.timeout * 1000))
    var code = CURLE_OK
    func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
    errorText.withUnsafeMutableBufferPointer { errorBuffer in
      set(ringside_curl_set_string(handle, CURLOPT_URL, request.url))
      set(ringside_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
      set(ringside_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
      set(ringside_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
      set(ringside_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0))
      set(ringside_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
      if request.url.lowercased().hasPrefix("http:") {
        // Plain HTTP goes only to loopback (checkScheme): never through an `http_proxy` from
        // the environment, which would see the bearer token in clear.
        set(ringside_curl_set_string(handle, CURLOPT_PROXY, ""))
      }
      set(ringside_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds))
      set(ringside_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 30_000)))
      set(ringside_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
      set(ringside_curl_set_string(handle, CURLOPT_USERAGENT, "ringside-sync"))
      set(ringside_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress))
      if let caFile { set(ringside_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
      set(ringside_curl_set_list(handle, CURLOPT_HTTPHEADER, headerList))
      set(ringside_curl_set_write_function(handle, CURLOPT_WRITEFUNCTION, writeBody))
      set(ringside_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
      set(ringside_curl_set_write_function(handle, CURLOPT_HEADERFUNCTION, writeHeader))
      set(ringside_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))
      if let body = request.body {
        set(ringside_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
        body.withUnsafeBytes { bytes in
          set(
            ringside_curl_set_pointer(
              handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)))
        }
      }
      if request.method != "GET" && request.method != "POST" {
        set(ringside_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
      }
      if code == CURLE_OK { code = curl_easy_perform(handle) }
    }
    var status = 0
    _ = ringside_curl_response_code(handle, &status)
    // The request's Authorization header must not outlive it in libcurl's copy either.
    curl_easy_reset(handle)
    if code != CURLE_OK {
      let detail = String(
        decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
      throw Self.error(code, text: text, buffer: buffer, limit: request.maxBytes)
    }
    return HTTPResponse(status: status, headers: buffer.headers, body: buffer.body)
  }

  private static func error(_ code: CURLcode, text: String, buffer: ResponseBuffer, limit: Int)
    -> TransportError
  {
    if buffer.tooLarge {
      return TransportError(.tooLarge, "the response is larger than \(limit >> 20) MB")
    }
    if buffer.headersTooLarge {
      return TransportError(
        .tooLarge,
        "the response's headers are larger than \(ResponseBuffer.maxHeaderBytes >> 10) KB")
    }
    switch code {
    case CURLE_PARTIAL_FILE:
      return TransportError(.truncated, "the response ended early (\(text))")
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
      CURLE_SSL_CERTPROBLEM:
      return TransportError(.tls, "TLS: \(text)")
    case CURLE_COULDNT_RESOLVE_HOST:
      return TransportError(.unresolved, text)
    case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
      return TransportError(.refusedLocally, text)
    default:
      return TransportError(.unreachable, text)
    }
  }

  /// The largest CA file accepted (the system's whole bundle is about 200 KB).
  static let maxCAFileSize = 16 << 20

  /// Refuses a CA file that is not a readable regular file of at most 16 MB: a folder fails
  /// only later, at the first request, as a TLS error; a FIFO would block TLS setup forever.
  static func checkCAFile(_ path: String) throws(TransportError) {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      throw TransportError(
        .refusedLocally, "\(path): cannot read the CA file: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw TransportError(.refusedLocally, "\(path): the CA file is not a regular file")
    }
    guard info.st_size <= maxCAFileSize else {
      throw TransportError(
        .refusedLocally, "\(path): the CA file is larger than \(maxCAFileSize >> 20) MB")
    }
  }

  /// Refuses URLs other than `https://`, and `http://` to the loopback address (local tests
  /// and proxies): a token sent in clear over a network is a token given away.
  static func checkScheme(_ url: String) throws(TransportError) {
    guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased() else {
      throw TransportError(.refusedLocally, "not a URL: \(url)")
    }
    if scheme == "https" { return }
    let host = parsed.host?.lowercased() ?? ""
    if scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) { return }
    throw TransportError(
      .refusedLocally,
      "\(url): only https:// is allowed (http:// only to 127.0.0.1), so the credentials never travel in clear"
    )
  }
}

/// What libcurl hands over while a response arrives.
private final class ResponseBuffer {
  let limit: Int
  var body = Data()
  var headers: [String: String] = [:]
  var tooLarge = false
  /// Bytes of header lines received, for the header bound.
  var headerBytes = 0
  var headersTooLarge = false
  /// The most bytes of response headers accepted (libcurl bounds one line, not all of them).
  static let maxHeaderBytes = 256 << 10

  init(limit: Int) { self.limit = limit }
}

private let writeBody: ringside_curl_write_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let buffer = Unmanaged<ResponseBuffer>.fromOpaque(context).takeUnretainedValue()
  let length = size * count
  if buffer.body.count + length > buffer.limit {
    buffer.tooLarge = true
    return 0
  }
  buffer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
  return length
}

private let writeHeader: ringside_curl_write_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let buffer = Unmanaged<ResponseBuffer>.fromOpaque(context).takeUnretainedValue()
  let length = size * count
  buffer.headerBytes += length
  if buffer.headerBytes > ResponseBuffer.maxHeaderBytes {
    buffer.headersTooLarge = true
    return 0
  }
  let bytes = UnsafeRawBufferPointer(start: data, count: length)
  let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  if line.hasPrefix("HTTP/") {
    // A new status line (after 100 Continue): its headers start afresh.
    buffer.headers = [:]
  } else if let colon = line.firstIndex(of: ":"), buffer.headers.count < 200 {
    let name = line[..<colon].lowercased()
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    buffer.headers[name] = String(value.prefix(4096))
  }
  return length
}
