/// Rewrites SQLite's `?N` parameters as PostgreSQL's `$N`, leaving string literals, quoted
/// names and comments alone; a bare `?` numbers itself as SQLite does (one past the largest).
enum PostgresPlaceholders {
  static func translate(_ sql: String) -> String {
    let bytes = Array(sql.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    var largest = 0
    var i = 0
    func copy(until end: Int) {
      out.append(contentsOf: bytes[i..<end])
      i = end
    }
    while i < bytes.count {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        // A quoted run ends at the next unpaired quote ('' inside is an escaped quote).
        var end = i + 1
        while end < bytes.count {
          if bytes[end] == byte {
            if end + 1 < bytes.count && bytes[end + 1] == byte {
              end += 2
              continue
            }
            end += 1
            break
          }
          end += 1
        }
        copy(until: min(end, bytes.count))
      case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-"):
        var end = i + 2
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        copy(until: end)
      case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
        var end = i + 2
        while end + 1 < bytes.count
          && !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/"))
        {
          end += 1
        }
        copy(until: min(end + 2, bytes.count))
      case UInt8(ascii: "?"):
        var end = i + 1
        var number = 0
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"),
          number < 100_000
        {
          number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
          end += 1
        }
        if end == i + 1 { number = largest + 1 }
        largest = max(largest, number)
        out.append(contentsOf: Array("$\(number)".utf8))
        i = end
      default:
        out.append(byte)
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
