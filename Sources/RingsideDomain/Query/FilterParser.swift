/// Reads filter tokens into terms: terms side by side must all hold (AND), `OR` between
/// them lets either side hold and binds looser than AND, parentheses group:
/// `a b OR c` is `(a b) OR c`; `(a OR b) c` is `(a OR b) c`.
struct FilterParser {
  /// Parentheses nest at most this deep.
  static let maxDepth = 16

  private let text: String
  private let tokens: [FilterToken]
  private let parseWord: (String) throws(FilterError) -> DeviceFilter.Term
  private var index = 0

  init(
    text: String, tokens: [FilterToken],
    parseWord: @escaping (String) throws(FilterError) -> DeviceFilter.Term
  ) {
    self.text = text
    self.tokens = tokens
    self.parseWord = parseWord
  }

  /// The filter's terms, all of which must hold.
  mutating func parse() throws(FilterError) -> [DeviceFilter.Term] {
    guard !tokens.isEmpty else { return [] }
    let root = try parseOr(depth: 0)
    if index < tokens.count {
      // Only an unmatched `)` stops a top-level expression early.
      throw FilterError(
        message: ") at position \(at(tokens[index])) has no ( before it")
    }
    if case .and(let terms) = root { return terms }
    return [root]
  }

  /// Where `token` is, in characters from 1.
  private func at(_ token: FilterToken) -> Int { token.position(in: text) }

  private var next: FilterToken? { index < tokens.count ? tokens[index] : nil }

  private mutating func parseOr(depth: Int) throws(FilterError) -> DeviceFilter.Term {
    var alternatives: [DeviceFilter.Term] = []
    if let first = next, first.kind == .or {
      throw FilterError(message: "OR at position \(at(first)) has nothing before it")
    }
    while true {
      alternatives.append(try parseAnd(depth: depth))
      guard let token = next, token.kind == .or else { break }
      index += 1
      if next == nil || next?.kind == .close || next?.kind == .or {
        throw FilterError(message: "OR at position \(at(token)) has nothing after it")
      }
    }
    return Self.joined(alternatives, or: true)
  }

  private mutating func parseAnd(depth: Int) throws(FilterError) -> DeviceFilter.Term {
    var all: [DeviceFilter.Term] = []
    while let token = next {
      switch token.kind {
      case .or, .close:
        return Self.joined(all, or: false)
      case .word(let text, _):
        index += 1
        all.append(try word(text))
      case .open(let negated):
        index += 1
        guard depth < Self.maxDepth else {
          throw FilterError(
            message:
              "( at position \(at(token)) nests deeper than \(Self.maxDepth) parentheses")
        }
        if next?.kind == .close {
          throw FilterError(message: "() at position \(at(token)) is empty")
        }
        let group = try parseOr(depth: depth + 1)
        guard next?.kind == .close else {
          throw FilterError(message: "( at position \(at(token)) is never closed")
        }
        index += 1
        all.append(negated ? .not(group) : group)
      }
    }
    return Self.joined(all, or: false)
  }

  /// A word, `-` or `!` before it negating it.
  private func word(_ text: String) throws(FilterError) -> DeviceFilter.Term {
    var body = text
    var negated = false
    if body.count > 1, body.first == "-" || body.first == "!" {
      negated = true
      body.removeFirst()
    }
    let term = try parseWord(body)
    return negated ? .not(term) : term
  }

  /// One term for several: nested groups of the same kind flattened, a single term as itself.
  static func joined(_ terms: [DeviceFilter.Term], or: Bool) -> DeviceFilter.Term {
    var flat: [DeviceFilter.Term] = []
    for term in terms {
      switch (term, or) {
      case (.or(let inner), true), (.and(let inner), false): flat += inner
      default: flat.append(term)
      }
    }
    if flat.count == 1 { return flat[0] }
    return or ? .or(flat) : .and(flat)
  }
}
