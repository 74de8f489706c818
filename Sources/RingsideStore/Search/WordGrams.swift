/// The letters and letter pairs a device's name, serial, user and model hold, as small
/// numbers: what a PostgreSQL store keeps in `device_grams` under a GIN index, so a filter
/// word of one or two characters (`q`, `os`, typed on the way to `os:27`) is looked up instead
/// of read from every device. The trigram index answers words of three letters or more; below
/// three, `pg_trgm` has nothing to look up and the server read all 1M devices (1.7-3.2 s).
///
/// Only printable ASCII counts, letters folded to lower case, as SQLite's `LIKE` compares
/// them: a character outside it (an accented letter, a control character) holds no code and
/// parts the pairs around it. So the codes answer exactly the words made of printable ASCII;
/// any other word is compared as `DeviceFilter.containsCondition` writes it (`~~`, or `ILIKE`
/// with an exact recheck that folds ASCII letters alone). The server computes the same codes for rows written
/// without them (`ringside_word_grams`, schema 12); a bulk import sends its own.
enum WordGrams {
  /// Printable ASCII (space to `~`): 95 symbols.
  private static let symbols = 95
  /// Codes 1...95 are single characters, 96 and up ordered pairs.
  private static let firstPair = 1 + symbols
  /// One past the largest code.
  static let codeCount = firstPair + symbols * symbols

  /// A character's symbol: its offset from space once folded, nil outside printable ASCII.
  @inline(__always)
  private static func symbol(_ byte: UInt8) -> Int? {
    guard byte >= 0x20, byte <= 0x7E else { return nil }
    return Int(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) - 0x20
  }

  /// The code of one character's symbol.
  private static func single(_ s: Int) -> Int { 1 + s }

  /// The code of the pair `a` then `b`.
  private static func pair(_ a: Int, _ b: Int) -> Int { firstPair + a * symbols + b }

  /// Every code the texts hold (nil texts hold none), in ascending order without repeats.
  /// Pairs never span two texts. A UTF-8 byte of a longer character is outside printable
  /// ASCII, so each breaks the pairs as the whole character does on the server.
  static func codes(of texts: [String?]) -> [Int16] {
    var codes: [Int16] = []
    collect(texts) { codes.append(Int16($0)) }
    return codes
  }

  /// `codes(of:)` in PostgreSQL's text form of an array (`{1,17,230}`), written straight from
  /// the bits: a bulk import computes it for every device.
  static func arrayText(of texts: [String?]) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "{")]
    bytes.reserveCapacity(512)
    collect(texts) { code in
      if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
      var digits = 1
      while digits < 4 && code >= pow10[digits] { digits += 1 }
      for d in stride(from: digits - 1, through: 0, by: -1) {
        bytes.append(UInt8(ascii: "0") + UInt8(code / pow10[d] % 10))
      }
    }
    bytes.append(UInt8(ascii: "}"))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let pow10 = [1, 10, 100, 1000]

  /// Calls `body` with each code the texts hold, ascending and once each.
  private static func collect(_ texts: [String?], _ body: (Int) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (codeCount + 63) / 64) { seen in
      seen.initialize(repeating: 0)
      for text in texts {
        guard var text else { continue }
        text.withUTF8 { bytes in
          var previous = -1
          for byte in bytes {
            guard let s = symbol(byte) else {
              previous = -1
              continue
            }
            let one = single(s)
            seen[one >> 6] |= 1 << UInt64(one & 63)
            if previous >= 0 {
              let two = pair(previous, s)
              seen[two >> 6] |= 1 << UInt64(two & 63)
            }
            previous = s
          }
        }
      }
      for i in 0..<seen.count where seen[i] != 0 {
        var bits = seen[i]
        while bits != 0 {
          body(i * 64 + bits.trailingZeroBitCount)
          bits &= bits - 1
        }
      }
    }
  }

  /// The value of a `grams` column for the device in `row`, whose name, serial, user and
  /// model are at `texts` (in `ringside_word_grams`'s order).
  static func value(of row: [SQLiteValue], texts: [Int]) -> SQLiteValue {
    .text(
      arrayText(
        of: texts.map { i -> String? in
          if case .text(let t) = row[i] { return t }
          return nil
        }))
  }

  /// The columns whose texts hold the codes, in `ringside_word_grams`'s order.
  static let textColumns = ["name", "serial", "user_name", "model"]

  /// The one code a word of one or two printable ASCII characters holds: a device's text
  /// contains the word (ASCII letters without case) exactly when its codes include it. Nil
  /// for any other word.
  static func code(matching word: String) -> Int16? {
    let bytes = Array(word.utf8)
    guard (1...2).contains(bytes.count), let a = symbol(bytes[0]) else { return nil }
    guard bytes.count == 2 else { return Int16(single(a)) }
    guard let b = symbol(bytes[1]) else { return nil }
    return Int16(pair(a, b))
  }

  /// The SQL function that computes `codes(of:)` on the server, for devices written without
  /// them: the triggers of schema 12 call it for every device inserted without codes (a single
  /// device's write, `demo`) and every device whose text an update changes.
  static let serverFunction = """
    CREATE FUNCTION ringside_word_grams(texts text[]) RETURNS smallint[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      t text;
      ch text;
      x int;
      s int;
      previous int;
      found int[] := '{}';
    BEGIN
      FOREACH t IN ARRAY texts LOOP
        CONTINUE WHEN t IS NULL;
        previous := NULL;
        FOREACH ch IN ARRAY string_to_array(t, NULL) LOOP
          x := ascii(ch);
          IF x < 32 OR x > 126 THEN
            previous := NULL;
            CONTINUE;
          END IF;
          s := (CASE WHEN x BETWEEN 65 AND 90 THEN x + 32 ELSE x END) - 32;
          found := found || (1 + s);
          IF previous IS NOT NULL THEN
            found := found || (\(firstPair) + previous * \(symbols) + s);
          END IF;
          previous := s;
        END LOOP;
      END LOOP;
      RETURN ARRAY(SELECT DISTINCT c FROM unnest(found) AS c ORDER BY c)::smallint[];
    END $$;

    """
}
