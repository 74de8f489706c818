import RingsideImport
import XCTest

@testable import RingsideCLI

/// The summary `ringside import` prints: counts in the singular when there is one, and the
/// unknown letters by the source that left them unknown.
final class ImportReportTests: XCTestCase {
  func testOneOfEachIsWrittenInTheSingular() {
    var s = ImportSummary()
    s.read = 1
    s.added = 1
    s.warnings = 1
    s.pendingDevices = 1
    s.ringChanges = 1
    s.ringChangeExamples = ["ZZRING000001: production → pilot"]
    s.unknownLetters = 1
    s.unknownLettersBySource = ["kandji": 1]
    let text = ImportCommand.report(s, dryRun: false)
    XCTAssertTrue(text.contains("\n1 warning (listed above).\n"), text)
    XCTAssertTrue(text.contains("Pending updates recorded for 1 device.\n"), text)
    XCTAssertTrue(text.contains("1 device was in another Ringside ring than its MDM group"), text)
    XCTAssertTrue(
      text.contains(
        "1 device in the store has an unknown RSR/BSI letter: 1 from Kandji, without supplemental_os_version_extra."
      ), text)
    XCTAssertFalse(text.contains("1 devices"), text)
  }

  func testUnknownLettersListEachSourceMostDevicesFirst() {
    var s = ImportSummary()
    s.unknownLetters = 10
    s.unknownLettersBySource = ["mdm": 2, "intune": 7, "jamf-mobile": 1]
    let line = ImportCommand.unknownLetters(s)
    XCTAssertEqual(
      line,
      "10 devices in the store have an unknown RSR/BSI letter: 7 from Intune or Graph, which report only the base version; 2 from MDM responses, without SupplementalOSVersionExtra; 1 from Jamf mobile devices, without osRapidSecurityResponse. Import an export that has the field named, or a source that reports the letter (Jamf, Fleet, Kandji or MDM)."
    )
  }
}
