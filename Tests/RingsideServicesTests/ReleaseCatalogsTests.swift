import Foundation
import RingsideDomain
import RingsideServices
import XCTest

/// Feed files are checked before anything is stored: a file that cannot be read and one too
/// large to be a feed are refused naming the file; the list filters by kind and platform.
final class ReleaseCatalogsTests: XCTestCase {
  func testAFileThatCannotBeReadIsRefusedByName() throws {
    let folder = try ServiceTestFolder()
    XCTAssertThrowsError(try ReleaseCatalogs.read([folder.path + "/missing.json"])) { error in
      XCTAssertEqual(
        (error as? ReleaseCatalogs.FeedError)?.description,
        "\(folder.path)/missing.json: cannot read the file")
    }
  }

  func testAFileLargerThanAnyFeedIsRefusedBeforeItIsRead() throws {
    let folder = try ServiceTestFolder()
    let file = folder.path + "/huge.json"
    XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: nil))
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
    try handle.truncate(atOffset: UInt64(ReleaseCatalogs.maximumFeedBytes) + 1)  // sparse
    try handle.close()
    XCTAssertThrowsError(try ReleaseCatalogs.read([file])) { error in
      guard case .tooLarge = error as? ReleaseCatalogs.FeedError else {
        return XCTFail("\(error)")
      }
    }
  }

  func testTheListKeepsOnlyRSRsOfOnePlatformWhenAsked() {
    let listed = ReleaseCatalogs.listed(.builtin, rsrOnly: true, family: "macos")
    XCTAssertFalse(listed.isEmpty)
    XCTAssertTrue(listed.allSatisfy { $0.isRSR && $0.family.rawValue == "macos" })
    XCTAssertEqual(
      ReleaseCatalogs.listed(.builtin, rsrOnly: false, family: nil).count,
      ReleaseCatalog.builtin.releases.count)
  }
}
