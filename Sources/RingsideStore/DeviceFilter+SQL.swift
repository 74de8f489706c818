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
  /// `postgres` writes each word and `model:` for PostgreSQL (`containsCondition`).
  func sqlCondition(
    now: Date, walkSortIndex: Bool = false, postgres: Bool = false,
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
        return Self.containsCondition(Self.wordColumns, text, postgres: postgres, bind: bind)
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
        return Self.containsCondition(["d.model"], m, postgres: postgres, bind: bind)
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

  /// The columns a filter word looks in.
  static let wordColumns = ["d.name", "d.serial", "d.user_name", "d.model"]

  /// "One of `columns` holds `word`" as the README's rule compares text: ASCII letters without
  /// case, every other character as it is, which is SQLite's `LIKE`.
  ///
  /// PostgreSQL's `ILIKE` (what the dialect makes of `LIKE`) lowercases every letter the
  /// server's locale knows: `JOSÉ` found "José", full-width `ｂ` found "ＡＢＣ", `İ` nearly every
  /// "i" (it lowercases to i and a combining dot), and an ASCII word a text holding KELVIN SIGN
  /// (U+212A, whose lower case is `k`) or İ. So:
  /// - a word without ASCII letters (`123`, `10.2`, `é`, `İ`, `ｂ`): PostgreSQL's own `~~`,
  ///   exact, which the trigram index answers too, and which skips lowercasing every
  ///   candidate's texts (`123` at 1M devices: 5.6 ms against `ILIKE`'s 14-19 ms).
  /// - any other word: `ILIKE`, which the trigram index answers, keeps a superset, and the
  ///   same comparison under `COLLATE "C"` keeps the exact answer: in the C locale the
  ///   server's `lower()` folds ASCII letters alone, byte by byte, so that `ILIKE` is SQLite's
  ///   `LIKE`. (The index, built under the database's collation, answers neither it nor a
  ///   `translate` of the column, hence both.) The superset's pattern has each run of
  ///   characters outside ASCII as `%`: whatever the locale's `lower()` makes of them (two
  ///   characters for İ, ICU's final sigma after a letter), a device that matches exactly is
  ///   kept, on every locale that lowers A-Z to a-z (all but Turkish and Azeri).
  ///
  /// The exact test costs only on the rows the superset kept: the matches, or a page of them
  /// under a walk along a sort's index. At 200,000 devices, counting `ipad`'s 29,897 matches
  /// took 58 ms with `ILIKE` alone and 76 ms with the test (`translate(col, 'A…Z', 'a…z') ~~`
  /// took 351 ms). A cheaper guard for a word of ASCII alone, testing only the texts holding
  /// KELVIN SIGN or İ (the only characters outside ASCII whose lower case is ASCII), cost
  /// the same 75 ms (`strpos` on the four texts), so every word with letters gets the test:
  /// exact on any server.
  static func containsCondition(
    _ columns: [String], _ word: String, postgres: Bool, bind: (SQLiteValue) -> String
  ) -> String {
    func any(_ test: (String) -> String) -> String {
      "(" + columns.map(test).joined(separator: " OR ") + ")"
    }
    let p = bind(.text(likePattern(containing: word)))
    guard postgres else { return any { "\($0) LIKE \(p) ESCAPE '\\'" } }
    guard word.unicodeScalars.contains(where: isASCIILetter) else {
      // PostgreSQL's `~~` takes `\` as its escape by default, the one `likePattern` writes.
      return any { "\($0) ~~ \(p)" }
    }
    let wide = word.unicodeScalars.allSatisfy(\.isASCII) ? p : bind(.text(supersetPattern(word)))
    let superset = any { "\($0) LIKE \(wide) ESCAPE '\\'" }
    let exact = any { "\($0) LIKE \(p) COLLATE \"C\" ESCAPE '\\'" }
    return "(\(superset) AND \(exact))"
  }

  /// `likePattern(containing:)` with each run of characters outside ASCII as `%`: what
  /// `ILIKE` compares, whatever the server's `lower()` makes of those characters.
  static func supersetPattern(_ s: String) -> String {
    var out = "%"
    var endsInWildcard = true
    for c in s.unicodeScalars {
      if !c.isASCII {
        if !endsInWildcard { out.append("%") }
        endsInWildcard = true
        continue
      }
      if c == "%" || c == "_" || c == "\\" { out.append("\\") }
      out.unicodeScalars.append(c)
      endsInWildcard = false
    }
    return endsInWildcard ? out : out + "%"
  }

  private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
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
