import XCTest

@testable import RingsideDomain

final class AccessTests: XCTestCase {
  let alice = Identity(userName: "alice", uid: 1001, groups: ["alice", "staff"])
  let admin = Identity(userName: "bob", uid: 1002, groups: ["bob", "ringside-admins"])
  let root = Identity(userName: "root", uid: 0, groups: ["root"])

  func testRootIsAnAdmin() {
    XCTAssertEqual(
      Access.decide(
        identity: root, config: AccessConfig(), storeOwnerUID: 1001, readOnlyRequested: false
      ).role, .admin)
  }

  func testMembersOfTheConfiguredGroupAreAdmins() {
    let config = AccessConfig(adminGroup: "mdm-team")
    let mdm = Identity(userName: "carol", uid: 1003, groups: ["mdm-team"])
    XCTAssertEqual(
      Access.decide(identity: mdm, config: config, storeOwnerUID: 0, readOnlyRequested: false).role,
      .admin)
    let denied = Access.decide(
      identity: admin, config: config, storeOwnerUID: 0, readOnlyRequested: false)
    XCTAssertEqual(denied.role, .viewer)
    XCTAssertEqual(denied.refusal, "read-only: you are not in group mdm-team")
  }

  func testWithoutConfigTheStoreOwnerIsAnAdminAndOthersAreViewers() {
    XCTAssertEqual(
      Access.decide(identity: alice, config: nil, storeOwnerUID: 1001, readOnlyRequested: false)
        .role, .admin)
    XCTAssertEqual(
      Access.decide(identity: alice, config: nil, storeOwnerUID: nil, readOnlyRequested: false)
        .role, .admin)
    let other = Access.decide(
      identity: alice, config: nil, storeOwnerUID: 0, readOnlyRequested: false)
    XCTAssertEqual(other.role, .viewer)
    XCTAssertEqual(other.refusal, "read-only: you are not in group ringside-admins")
  }

  func testWithAConfigOwningTheStoreIsNotEnough() {
    XCTAssertEqual(
      Access.decide(
        identity: alice, config: AccessConfig(), storeOwnerUID: 1001, readOnlyRequested: false
      ).role, .viewer)
  }

  func testReadOnlyMakesEvenRootAViewer() {
    let access = Access.decide(
      identity: root, config: nil, storeOwnerUID: 0, readOnlyRequested: true)
    XCTAssertEqual(access.role, .viewer)
    XCTAssertFalse(access.canWrite)
  }
}
