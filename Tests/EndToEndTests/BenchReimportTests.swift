import Foundation
import TestSupport
import XCTest

/// `bench --reimport N` through the CLI: N distinct copies, a first import that reads them all,
/// a re-import that changes nothing. Timings are printed, never asserted.
final class BenchReimportTests: XCTestCase {
    func testReimportCopiesImportsAndFindsNothingChanged() throws {
        let result = try CLI.run(["bench", "--reimport", "7", "Fixtures/claims"])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.stdout)
        XCTAssertTrue(lines[0].hasPrefix("input: 7 files, ") && lines[0].hasSuffix("(copies of the 2 given)"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("first import: 7 imported, 0 failed in "), "every copy is a document of its own: \(lines[1])")
        XCTAssertTrue(lines[2].hasPrefix("re-import of the unchanged folder: 7 files, 0 changed (0 expected), 7 unchanged, 0 failed; "), lines[2])
        XCTAssertTrue(lines[2].contains(" s; peak RSS ") && lines[2].hasSuffix(" MB"), lines[2])
        let bad = try CLI.run(["bench", "--reimport", "3", "Fixtures/nothing-here"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("Fixtures/nothing-here"), bad.stderr)
    }
}
