import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// The deduplication commands through the built CLI on Fixtures/dedup/notes with the repository's
/// pipeline.json (default distance 3): the ingest summary's dedup lines, `show` saying why,
/// `split` with the mention id `show` prints, `merge`, `stats --dedup`, and refusals.
final class DedupCommandTests: XCTestCase {
    static let first = "Kestrel Semiconductor wafer shipments will climb to 3.2 million units in 2027 on demand for edge devices across Asia"

    func testShowSplitMergeAndStats() throws {
        let scratch = try ScratchFolder()
        let store = scratch.path("g.sqlite")
        let ingest = try CLI.run(["ingest", TestPaths.fixtures.appendingPathComponent("dedup/notes").path, "--store", store])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertTrue(ingest.stdout.contains("dedup claim: 8 mentions → 7 records (merges: 0 exact key, 0 aligned, 1 near-duplicate, 0 user)"), ingest.stdout)
        let export = try CLI.run(["export", "--store", store]).stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        let claim = try XCTUnwrap(export.first { $0["text"]?.stringValue == Self.first && $0["source"] == .string("Tervo Securities") })
        let id = try XCTUnwrap(claim["id"]?.stringValue)

        let show = try CLI.run(["show", id, "--store", store])
        XCTAssertTrue(show.stdout.contains("why in this record: same normalised key: source and text (case and spacing folded)"), show.stdout)
        XCTAssertTrue(show.stdout.contains("why in this record: near-duplicate: distance 0 from \"\(Self.first)\" in "), show.stdout)
        let lines = show.stdout.split(separator: "\n").map(String.init)
        let mentionIDs = lines.filter { $0.contains("mention id (for notegraph split): ") }.compactMap { $0.components(separatedBy: ": ").last }
        XCTAssertEqual(mentionIDs.count, 2)
        let mentionID = try XCTUnwrap(mentionIDs.last)

        let split = try CLI.run(["split", id, "--mention", mentionID, "--store", store])
        XCTAssertEqual(split.status, 0, split.stderr)
        let newID = try XCTUnwrap(split.stdout.components(separatedBy: " into ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertTrue(try CLI.run(["stats", "--dedup", "--store", store]).stdout
            .contains("dedup claim: 8 mentions → 8 records (merges: 0 exact key, 0 aligned, 0 near-duplicate, 0 user)"))

        let merge = try CLI.run(["merge", id, newID, "--store", store])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertTrue(try CLI.run(["stats", "--dedup", "--store", store]).stdout
            .contains("dedup claim: 8 mentions → 7 records (merges: 0 exact key, 0 aligned, 0 near-duplicate, 1 user)"))
        XCTAssertTrue(try CLI.run(["show", id, "--store", store]).stdout.contains("why in this record: merged by the user: \(newID) merged into \(id)"))

        let bad = try CLI.run(["merge", id, "company:nobody", "--store", store])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no record company:nobody in the store"), bad.stderr)
    }
}
