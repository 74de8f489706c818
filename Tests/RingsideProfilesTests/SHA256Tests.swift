import RingsideDomain
import XCTest

@testable import RingsideProfiles

final class SHA256Tests: XCTestCase {
  func testKnownVectorsMatchFIPS180() {
    XCTAssertEqual(
      SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    XCTAssertEqual(
      SHA256.hex(Array("abc".utf8)),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  func testBytesInPiecesOrOneByOneHashLikeTheWholeMessage() {
    var generator = SystemRandomNumberGenerator()
    let message = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let whole = SHA256.hex(message)
    XCTAssertEqual(SHA256.hex(message.lazy.map { $0 }), whole, "a sequence without storage")
    for _ in 0..<20 {
      var hasher = SHA256()
      var start = 0
      while start < message.count {
        let end = min(message.count, start + Int.random(in: 0...150, using: &generator))
        if Bool.random(using: &generator) {
          hasher.update(message[start..<end])
        } else {
          hasher.update(message[start..<end].lazy.map { $0 })
        }
        start = end
      }
      XCTAssertEqual(
        hasher.finalize().map { String(format: "%02x", $0) }.joined(), whole)
    }
  }
}
