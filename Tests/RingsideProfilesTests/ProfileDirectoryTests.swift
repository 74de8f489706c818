import Foundation
import XCTest

@testable import RingsideProfiles

/// Writes are atomic, private and never follow a link someone placed in the folder.
final class ProfileDirectoryTests: XCTestCase {
  private func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?
      .intValue ?? -1
  }

  func testCreatedFolderAndFilesAreNotWritableByOthers() throws {
    let base = try TestSupport.temporaryDirectory(self)
    let directory = try ProfileDirectory.prepare(at: base + "/a/b/profiles")
    try directory.write(Array("hello\n".utf8), to: "test-ios.mobileconfig")
    XCTAssertEqual(try mode(directory.path), 0o700)
    XCTAssertEqual(try mode(base + "/a"), 0o700)
    XCTAssertEqual(try mode(directory.path(of: "test-ios.mobileconfig")), 0o600)
    XCTAssertEqual(directory.read("test-ios.mobileconfig").text, "hello\n")
  }

  func testWriteReplacesTheFileAndLeavesNoTemporaryFile() throws {
    let directory = try ProfileDirectory.prepare(at: try TestSupport.temporaryDirectory(self))
    try directory.write(Array("old\n".utf8), to: "f")
    try directory.write(Array("new\n".utf8), to: "f")
    XCTAssertEqual(directory.read("f").text, "new\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["f"])
  }

  func testSymbolicLinkInTheFolderIsReplacedNotFollowed() throws {
    let base = try TestSupport.temporaryDirectory(self)
    let victim = base + "/victim.txt"
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
    let directory = try ProfileDirectory.prepare(at: base + "/out")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path(of: "test-ios.mobileconfig"), withDestinationPath: victim)
    XCTAssertEqual(directory.read("test-ios.mobileconfig"), .symbolicLink(target: victim))
    try directory.write(Array("profile\n".utf8), to: "test-ios.mobileconfig")
    XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
    XCTAssertEqual(directory.read("test-ios.mobileconfig").text, "profile\n")
  }

  func testFolderWritableByOthersIsRefused() throws {
    let base = try TestSupport.temporaryDirectory(self) + "/shared"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: false)
    chmod(base, 0o777)
    XCTAssertThrowsError(try ProfileDirectory.prepare(at: base)) { error in
      XCTAssertEqual(error as? ProfileError, .directoryWritableByOthers(base))
      XCTAssertTrue("\(error)".contains("chmod o-w"))
    }
  }

  func testAPathThatIsAFileIsNotAFolder() throws {
    let base = try TestSupport.temporaryDirectory(self)
    try Data().write(to: URL(fileURLWithPath: base + "/file"))
    XCTAssertThrowsError(try ProfileDirectory.prepare(at: base + "/file"))
  }

  func testLeftoverTemporaryFilesAreRemoved() throws {
    let directory = try ProfileDirectory.prepare(at: try TestSupport.temporaryDirectory(self))
    let leftover = directory.path(of: ".test-ios.mobileconfig.ringside-tmp-123-1")
    try Data("partial".utf8).write(to: URL(fileURLWithPath: leftover))
    try Data("keep".utf8).write(to: URL(fileURLWithPath: directory.path(of: "notes.txt")))
    directory.removeLeftoverTemporaryFiles()
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path), ["notes.txt"])
  }

  func testFolderInThePlaceOfAProfileIsReportedAndNotReplaced() throws {
    let directory = try ProfileDirectory.prepare(at: try TestSupport.temporaryDirectory(self))
    try FileManager.default.createDirectory(
      atPath: directory.path(of: "x"), withIntermediateDirectories: false)
    XCTAssertEqual(directory.read("x"), .notRegularFile)
    XCTAssertThrowsError(try directory.write(Array("a".utf8), to: "x"))
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path), ["x"],
      "no temporary file left")
  }

  func testMissingFileReadsAsAbsent() throws {
    let directory = try ProfileDirectory.prepare(at: try TestSupport.temporaryDirectory(self))
    XCTAssertEqual(directory.read("nothing"), .absent)
    try directory.remove("nothing")
  }
}
