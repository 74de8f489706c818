/// Rewrites the store's SQL, written for SQLite, where PostgreSQL means something else by the
/// same words: `x IS y` (a NULL-safe comparison) becomes `IS NOT DISTINCT FROM`, `LIKE`
/// (ASCII case-blind in SQLite) becomes `ILIKE`, `CAST(x AS INTEGER)` (SQLite reads a leading
/// number and never fails) becomes `ringside_int(x)`, `group_concat(DISTINCT x)` becomes
/// `string_agg(DISTINCT x, ',')`, `json_each(x)` the elements of a JSON array; then `?N`
/// becomes `$N` (`PostgresPlaceholders`).
enum PostgresDialect {
  static func translate(_ sql: String) -> String {
    var tokens = SQLTokens.split(sql)
    rewriteIsParameter(&tokens)
    rewriteCasts(&tokens)
    rewriteNoCase(&tokens)
    rewriteConstantConditions(&tokens)
    dropUnaryPlus(&tokens)
    for i in tokens.indices where tokens[i].isWord {
      switch tokens[i].text.uppercased() {
      case "LIKE": tokens[i].text = "ILIKE"
      case "GROUP_CONCAT": rewriteGroupConcat(&tokens, at: i)
      case "JSON_EACH": rewriteJSONEach(&tokens, at: i)
      case "COALESCE": rewriteConditionDefault(&tokens, at: i)
      case "FROM", "JOIN": nameSubquery(&tokens, at: i)
      case "LIMIT": rewriteNegativeLimit(&tokens, at: i)
      case "ORDER": orderNullsAsSQLite(&tokens, at: i)
      default: break
      }
    }
    return PostgresPlaceholders.translate(tokens.map(\.text).joined())
  }

  /// `IS x` → `IS NOT DISTINCT FROM x`, `IS NOT x` → `IS DISTINCT FROM x` (SQLite's NULL-safe
  /// comparison), unless x is NULL, TRUE or FALSE.
  private static func rewriteIsParameter(_ tokens: inout [SQLTokens.Token]) {
    for i in tokens.indices where tokens[i].isWord && tokens[i].text.uppercased() == "IS" {
      guard var next = SQLTokens.next(tokens, after: i) else { continue }
      var negated = false
      if tokens[next].text.uppercased() == "NOT", let after = SQLTokens.next(tokens, after: next) {
        negated = true
        next = after
      }
      let plain: Set<String> = ["NULL", "TRUE", "FALSE", "DISTINCT", "UNKNOWN"]
      guard !plain.contains(tokens[next].text.uppercased()) else { continue }
      tokens[i].text = negated ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM"
      for j in (i + 1)..<next { tokens[j].text = tokens[j].isWord ? "" : tokens[j].text }
    }
  }

  /// `x COLLATE NOCASE` → `ringside_nocase(x) COLLATE "C"`, and the other side of a
  /// comparison likewise: ASCII letters folded, then byte order, exactly as SQLite's NOCASE
  /// sorts and compares (so both backends list names in the same order).
  private static func rewriteNoCase(_ tokens: inout [SQLTokens.Token]) {
    for i in tokens.indices where tokens[i].isWord && tokens[i].text.uppercased() == "COLLATE" {
      guard let name = SQLTokens.next(tokens, after: i),
        tokens[name].text.uppercased() == "NOCASE",
        let end = SQLTokens.previous(tokens, before: i),
        let start = operandStart(tokens, end: end)
      else { continue }
      wrap(&tokens, start, end)
      tokens[i].text = "COLLATE"
      tokens[name].text = "\"C\""
      // The left side of `a = b COLLATE NOCASE` (also <, >, <=, >=, <>).
      var op = SQLTokens.previous(tokens, before: start)
      var sawOperator = false
      while let o = op, ["=", "<", ">", "!"].contains(tokens[o].text) {
        sawOperator = true
        op = o > 0 ? o - 1 : nil
        if let p = op, tokens[p].isSpace { op = SQLTokens.previous(tokens, before: p + 1) }
      }
      if sawOperator, let leftEnd = op, let leftStart = operandStart(tokens, end: leftEnd) {
        wrap(&tokens, leftStart, leftEnd)
      }
    }
  }

  /// Where the operand ending at `end` starts: a parameter, or a possibly qualified name.
  private static func operandStart(_ tokens: [SQLTokens.Token], end: Int) -> Int? {
    if tokens[end].text.hasPrefix("?") { return end }
    guard tokens[end].isWord else { return nil }
    if end >= 2, tokens[end - 1].text == ".", tokens[end - 2].isWord { return end - 2 }
    return end
  }

  private static func wrap(_ tokens: inout [SQLTokens.Token], _ start: Int, _ end: Int) {
    tokens[start].text = "ringside_nocase(" + tokens[start].text
    tokens[end].text += ")"
  }

  /// A bare `1` or `0` standing as a condition (`WHERE 1`, `AND 0`) → `TRUE` or `FALSE`.
  private static func rewriteConstantConditions(_ tokens: inout [SQLTokens.Token]) {
    let before: Set<String> = ["WHERE", "AND", "OR", "NOT", "ON", "WHEN", "HAVING", "("]
    let after: Set<String> = [
      "AND", "OR", "ORDER", "GROUP", "LIMIT", "HAVING", "THEN", ")", "UNION", "EXCEPT", ";",
    ]
    for i in tokens.indices where tokens[i].text == "1" || tokens[i].text == "0" {
      guard let previous = SQLTokens.previous(tokens, before: i),
        before.contains(tokens[previous].text.uppercased())
      else { continue }
      let next = SQLTokens.next(tokens, after: i)
      guard next.map({ after.contains(tokens[$0].text.uppercased()) }) ?? true else { continue }
      // `(1)` alone may be a value (`VALUES (1)`); only after a condition keyword or inside
      // one's parentheses is it a condition.
      if tokens[previous].text == "(",
        let outer = SQLTokens.previous(tokens, before: previous),
        !before.contains(tokens[outer].text.uppercased())
      {
        continue
      }
      tokens[i].text = tokens[i].text == "1" ? "TRUE" : "FALSE"
    }
  }

  /// `+d.state`: SQLite's way to keep an index out of a term; PostgreSQL has no unary plus on
  /// text, and its planner needs no such hint, so the plus goes.
  private static func dropUnaryPlus(_ tokens: inout [SQLTokens.Token]) {
    let before: Set<String> = ["(", "=", ",", "WHERE", "AND", "OR", "NOT", "ON", "WHEN", "BY"]
    for i in tokens.indices where tokens[i].text == "+" {
      guard i + 1 < tokens.count, tokens[i + 1].isWord,
        let previous = SQLTokens.previous(tokens, before: i),
        before.contains(tokens[previous].text.uppercased())
      else { continue }
      tokens[i].text = ""
    }
  }

  /// `CAST(expr AS INTEGER)` → `ringside_int((expr)::text)`.
  private static func rewriteCasts(_ tokens: inout [SQLTokens.Token]) {
    var i = 0
    while i < tokens.count {
      defer { i += 1 }
      guard tokens[i].isWord, tokens[i].text.uppercased() == "CAST",
        let open = SQLTokens.next(tokens, after: i), tokens[open].text == "(",
        let close = SQLTokens.matching(tokens, open: open),
        let type = SQLTokens.previous(tokens, before: close),
        tokens[type].text.uppercased() == "INTEGER",
        let asWord = SQLTokens.previous(tokens, before: type),
        tokens[asWord].text.uppercased() == "AS"
      else { continue }
      tokens[i].text = "ringside_int"
      tokens[open].text = "(("
      tokens[asWord].text = ")::text"
      for j in (asWord + 1)..<close { tokens[j].text = "" }
    }
  }

  /// `COALESCE((condition), 0)` → `COALESCE((condition), FALSE)` (and 1 → TRUE): SQLite's
  /// conditions are numbers, PostgreSQL's are booleans. Only a first argument in parentheses
  /// counts as a condition.
  private static func rewriteConditionDefault(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let open = SQLTokens.next(tokens, after: i), tokens[open].text == "(",
      let first = SQLTokens.next(tokens, after: open), tokens[first].text == "(",
      let innerClose = SQLTokens.matching(tokens, open: first),
      let comma = SQLTokens.next(tokens, after: innerClose), tokens[comma].text == ",",
      let value = SQLTokens.next(tokens, after: comma),
      tokens[value].text == "0" || tokens[value].text == "1",
      let close = SQLTokens.next(tokens, after: value), tokens[close].text == ")"
    else { return }
    tokens[value].text = tokens[value].text == "1" ? "TRUE" : "FALSE"
  }

  /// `FROM (SELECT …)` without a name gets one: PostgreSQL 15 requires it.
  private static func nameSubquery(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let open = SQLTokens.next(tokens, after: i), tokens[open].text == "(",
      let close = SQLTokens.matching(tokens, open: open)
    else { return }
    let next = SQLTokens.next(tokens, after: close)
    let clauses: Set<String> = [
      "WHERE", "GROUP", "ORDER", "LIMIT", "JOIN", "LEFT", "INNER", "CROSS", "UNION", "ON", ")",
      ",", ";", "HAVING", "EXCEPT", "INTERSECT",
    ]
    if let next, !clauses.contains(tokens[next].text.uppercased()) { return }
    tokens[close].text = ") AS ringside_sub\(i)"
  }

  /// SQLite sorts NULL before every value, PostgreSQL after: each ORDER BY term gets
  /// `NULLS FIRST` (ascending) or `NULLS LAST` (descending), so rows come in the same order.
  /// Not an order by a row id alone (`id`, `d.id`): a key is never NULL, and the primary
  /// key's index gives that order only as it was declared (NULLS LAST), so a slice read by id
  /// would sort the whole table instead of walking the index.
  private static func orderNullsAsSQLite(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let by = SQLTokens.next(tokens, after: i), tokens[by].text.uppercased() == "BY"
    else { return }
    let ends: Set<String> = ["LIMIT", "OFFSET", ";", "UNION", "EXCEPT", "INTERSECT", "FOR"]
    var depth = 0
    // Each term's non-space tokens.
    var terms: [[Int]] = [[]]
    var j = by + 1
    while j < tokens.count {
      let text = tokens[j].text.uppercased()
      if text == "(" { depth += 1 }
      if text == ")" {
        if depth == 0 { break }
        depth -= 1
      }
      if depth == 0 && (ends.contains(text) && tokens[j].isWord || text == ";") { break }
      if depth == 0 && text == "," {
        terms.append([])
      } else if !tokens[j].isSpace {
        terms[terms.count - 1].append(j)
      }
      j += 1
    }
    if terms.count == 1, isRowID(terms[0].map { tokens[$0].text.uppercased() }) { return }
    for term in terms {
      guard let last = term.last else { continue }
      switch tokens[last].text.uppercased() {
      case "DESC": tokens[last].text += " NULLS LAST"
      case "FIRST", "LAST": break
      default: tokens[last].text += " NULLS FIRST"
      }
    }
  }

  /// True for `ID`, `X.ID`, either followed by `ASC` or `DESC` (upper-cased tokens).
  private static func isRowID(_ words: [String]) -> Bool {
    var words = words
    if let last = words.last, last == "ASC" || last == "DESC" { words.removeLast() }
    let name = words.joined()
    guard name.hasSuffix("ID") else { return false }
    let qualifier = name.dropLast(2)
    return qualifier.isEmpty
      || (qualifier.hasSuffix(".") && qualifier.dropLast().allSatisfy { $0.isLetter || $0 == "_" })
  }

  /// `LIMIT ?N`: SQLite reads a negative limit as none, PostgreSQL refuses it.
  private static func rewriteNegativeLimit(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let value = SQLTokens.next(tokens, after: i) else { return }
    if tokens[value].text == "-", let one = SQLTokens.next(tokens, after: value),
      tokens[one].text == "1"
    {
      tokens[value].text = "ALL"
      tokens[one].text = ""
    } else if tokens[value].text.hasPrefix("?") {
      let p = tokens[value].text
      tokens[value].text = "NULLIF(GREATEST(CAST(\(p) AS BIGINT), -1), -1)"
    }
  }

  /// `json_each(x)` → `jsonb_array_elements_text(CAST(x AS jsonb))`: the elements of a JSON
  /// array, as text in a column named `value` in both.
  private static func rewriteJSONEach(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let open = SQLTokens.next(tokens, after: i), tokens[open].text == "(",
      let close = SQLTokens.matching(tokens, open: open)
    else { return }
    tokens[i].text = "jsonb_array_elements_text"
    tokens[open].text = "(CAST("
    tokens[close].text = " AS jsonb))"
  }

  /// `group_concat(DISTINCT x)` → `string_agg(DISTINCT x, ',')` (one argument only).
  private static func rewriteGroupConcat(_ tokens: inout [SQLTokens.Token], at i: Int) {
    guard let open = SQLTokens.next(tokens, after: i), tokens[open].text == "(",
      let close = SQLTokens.matching(tokens, open: open),
      !tokens[(open + 1)..<close].contains(where: { $0.text == "," })
    else { return }
    tokens[i].text = "string_agg"
    tokens[close].text = ", ',')"
  }

  /// Functions the translated SQL calls; `ringside init` creates them with the schema.
  static let functions = """
    CREATE OR REPLACE FUNCTION ringside_nocase(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
      SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
    $$;
    CREATE OR REPLACE FUNCTION ringside_int(t TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN t IS NULL THEN NULL
        ELSE COALESCE(substring(t FROM '^\\s*([+-]?[0-9]{1,18})')::bigint, 0) END
    $$;

    """
}
