import Foundation
import RingsideDomain

/// A WHERE clause with its bound parameters; filter text never becomes SQL text.
struct SQLCondition {
  var sql: String
  var bindings: [SQLiteValue]
}

extension DeviceFilter {
  /// The condition on `devices d` that selects the filtered devices; it needs no join.
  /// `word` may answer a filter word's condition in its own way (the text index); it gets
  /// the word and a function that binds a value and returns its parameter, and returns nil
  /// to leave the word to `LIKE`.
  /// With `walkSortIndex`, the columns `fleet_groups` counts are written so that no index on
  /// them answers the condition (`+d.state`): SQLite then reads the sort's index in order and
  /// tests each row, instead of collecting every match and sorting them, which is faster
  /// when the matches are many.
  func sqlCondition(
    now: Date, walkSortIndex: Bool = false,
    word: ((String, (SQLiteValue) -> String) -> String?)? = nil
  ) -> SQLCondition {
    func col(_ name: String) -> String { walkSortIndex ? "+" + name : name }
    var parts: [String] = []
    var bindings: [SQLiteValue] = []
    func add(_ term: Term) -> String {
      func bind(_ v: SQLiteValue) -> String {
        bindings.append(v)
        return "?\(bindings.count)"
      }
      switch term {
      case .text(let text):
        if let word, let sql = word(text, bind) { return sql }
        let p = bind(.text(Self.likePattern(containing: text)))
        return
          "(d.name LIKE \(p) ESCAPE '\\' OR d.serial LIKE \(p) ESCAPE '\\' OR d.user_name LIKE \(p) ESCAPE '\\' OR d.model LIKE \(p) ESCAPE '\\')"
      case .os(let version, let mark):
        let (low, high) = DeviceFilter.sortKeyRange(version)
        var sql =
          "\(col("d.os_sort")) >= \(bind(.text(low))) AND \(col("d.os_sort")) < \(bind(.text(high)))"
        if let mark {
          sql += " AND \(col("d.rsr")) = \(bind(.text(DeviceColumns.rsrText(mark))))"
        }
        return "(\(sql))"
      case .ring(let name):
        return "\(col("d.ring_id")) = (SELECT id FROM rings WHERE name = \(bind(.text(name))))"
      case .state(let s): return "\(col("d.state")) = \(bind(.text(s.rawValue)))"
      case .states(let list):
        return
          "\(col("d.state")) IN (\(list.map { bind(.text($0.rawValue)) }.joined(separator: ", ")))"
      case .removal(let r): return "\(col("d.removal")) = \(bind(.text(r.rawValue)))"
      case .platform(let p): return "\(col("d.platform")) = \(bind(.text(p.rawValue)))"
      case .supervised(let s):
        return s.map { "d.supervised = \(bind(.integer($0 ? 1 : 0)))" } ?? "d.supervised IS NULL"
      case .stale(let stale, let days):
        let cutoff = bind(.integer(Int64(now.timeIntervalSince1970) - Int64(days * 86400)))
        return stale
          ? "(d.last_checkin IS NULL OR d.last_checkin < \(cutoff))"
          : "(d.last_checkin >= \(cutoff))"
      case .build(let b):
        let p = bind(.text(b))
        return "(d.build = \(p) OR d.supplemental_build = \(p))"
      case .model(let m):
        return "d.model LIKE \(bind(.text(Self.likePattern(containing: m)))) ESCAPE '\\'"
      case .source(let s): return "d.source = \(bind(.text(s)))"
      case .anyOf(let entries):
        // One bound JSON array, however long the list: no SQL variable limit to hit.
        let list = bind(.text(InventoryStore.jsonArray(entries)))
        return
          "(d.serial IN (SELECT value FROM json_each(\(list))) OR upper(d.name) IN (SELECT value FROM json_each(\(list))))"
      // A NULL column makes the inner term NULL, and NOT NULL is not true: a device without a
      // serial must still pass `-ipad`.
      case .not(let inner): return "NOT COALESCE((\(add(inner))), 0)"
      // AND and OR only rise with their parts, so a NULL part left unknown decides no
      // differently from a false one, once `NOT` and WHERE have counted NULL as false.
      case .or(let list): return Self.balanced(list.map(add), joinedBy: "OR")
      case .and(let list): return Self.balanced(list.map(add), joinedBy: "AND")
      }
    }
    for term in terms { parts.append(add(term)) }
    return SQLCondition(
      sql: parts.isEmpty ? "1" : Self.balanced(parts, joinedBy: "AND"), bindings: bindings)
  }

  /// `parts` joined by `op` in a balanced tree of parentheses: SQLite refuses an expression
  /// nested deeper than 1,000, which a chain of a thousand terms would be.
  static func balanced(_ parts: [String], joinedBy op: String) -> String {
    switch parts.count {
    case 0: return op == "OR" ? "0" : "1"
    case 1: return parts[0]
    default:
      let half = parts.count / 2
      return
        "(\(balanced(Array(parts[..<half]), joinedBy: op)) \(op) \(balanced(Array(parts[half...]), joinedBy: op)))"
    }
  }

  /// The `os_sort` keys an `os:` term selects, as a half-open range: `os:16.5.1` every
  /// release of 16.5.1 whatever its letter, `os:16.5` and `os:16` every release under them.
  static func sortKeyRange(_ version: OSVersionNumber) -> (low: String, high: String) {
    let written = version.components.count
    if written >= 3 { return (version.sortKey, version.sortKey + "~") }
    let low = OSVersionNumber(version.major, written == 1 ? 0 : version.minor, 0)
    let high =
      written == 1
      ? OSVersionNumber(version.major + 1, 0, 0)
      : OSVersionNumber(version.major, version.minor + 1, 0)
    return (low.sortKey, high.sortKey)
  }

  /// The `LIKE` pattern (with `ESCAPE '\'`) that matches text containing `s`: its `%`, `_`
  /// and backslashes taken literally.
  static func likePattern(containing s: String) -> String {
    var out = "%"
    for c in s {
      if c == "%" || c == "_" || c == "\\" { out.append("\\") }
      out.append(c)
    }
    return out + "%"
  }
}

extension DeviceSort {
  /// ORDER BY for this sort, with the row id as a tie-breaker so pages are stable.
  var sqlOrder: String {
    let dir = descending ? "DESC" : "ASC"
    let column: String =
      switch self.column {
      case .name: "d.name COLLATE NOCASE"
      // Next keys that match an index (platform, model; check-in, ring) keep pages cheap.
      case .platform: "d.platform \(dir), d.model"
      case .os: "d.os_sort"
      case .build: "COALESCE(d.supplemental_build, d.build)"
      // With the ring's id after its position, each ring's rows come in a row, so SQLite
      // walks the rings in order and each ring's devices by `devices_overview` (platform,
      // version, state, removal) instead of sorting them.
      case .ring:
        "r.position \(dir), r.id \(dir), d.platform \(dir), d.os_sort \(dir), d.rsr \(dir), d.state \(dir), d.removal"
      case .supervised: "d.supervised"
      case .removal: "d.removal"
      case .state: "d.state"
      case .checkin: "d.last_checkin \(dir), d.ring_id"
      }
    return "\(column) \(dir), d.id \(dir)"
  }
}
