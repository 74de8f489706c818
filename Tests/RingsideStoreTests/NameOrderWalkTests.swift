import XCTest

@testable import RingsideStore

/// A page along the name order tests devices only until the page is full, and gives up after
/// its budget so the word's scan answers instead.
final class NameOrderWalkTests: XCTestCase {
  /// Positions 0..<n in a shuffled but fixed name order.
  private let order: [Int32] = (0..<1000).map { Int32(($0 * 389) % 1000) }

  func testACommonMatchFillsThePageAfterTestingAFewDevices() {
    var tested = 0
    let walk = NameOrderWalk(order: order, offset: 0, limit: 10, minimum: 500)
    let page = walk.page(offset: 0, limit: 10, descending: false) {
      tested += 1
      return $0 % 2 == 0
    }
    XCTAssertEqual(page, order.filter { $0 % 2 == 0 }.prefix(10).map { $0 })
    XCTAssertLessThan(tested, 30)
  }

  func testOffsetAndDescendingCountFromTheOrdersEnd() {
    let walk = NameOrderWalk(order: order, offset: 5, limit: 3, minimum: 1000)
    let page = walk.page(offset: 5, limit: 3, descending: true) { $0 % 3 == 0 }
    XCTAssertEqual(page, Array(order.reversed().filter { $0 % 3 == 0 }[5..<8]))
  }

  func testARareMatchGivesUpAfterTheBudget() {
    var tested = 0
    let walk = NameOrderWalk(order: order, offset: 0, limit: 10, minimum: 300)
    let page = walk.page(offset: 0, limit: 10, descending: false) {
      tested += 1
      return $0 == 999
    }
    XCTAssertNil(page)
    XCTAssertEqual(tested, 300)
  }

  func testAWalkThatReachesTheEndWithinBudgetIsAnAnswerEvenIfShort() {
    let walk = NameOrderWalk(order: order, offset: 0, limit: 10, minimum: 1000)
    XCTAssertEqual(walk.page(offset: 0, limit: 10, descending: false) { $0 == 999 }, [999])
    XCTAssertEqual(walk.page(offset: 0, limit: 10, descending: false) { _ in false }, [])
  }

  func testTheBudgetGrowsWithTheDepthOfThePage() {
    XCTAssertEqual(NameOrderWalk(order: order, offset: 960, limit: 40, minimum: 10).budget, 20_000)
    XCTAssertEqual(NameOrderWalk(order: order, offset: .max, limit: 40, minimum: 10).budget, 0)
  }
}
