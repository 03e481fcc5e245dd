import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// Reworded duplicates (Fixtures/dedup/notes, see Fixtures/README.md): within a note in the
/// claims stage, across notes at save time; never across sources or figures; ids stable.
final class NearDuplicateClaimTests: XCTestCase {
    static let first = "Kestrel Semiconductor wafer shipments will climb to 3.2 million units in 2027 on demand for edge devices across Asia"
    static let restated = "Kestrel Semiconductor wafer shipments will climb to 3.2 million units in 2027 mainly on demand for edge devices across Asia"
    static let otherFigure = "Kestrel Semiconductor wafer shipments will climb to 4.1 million units in 2027 on demand for edge devices across Asia"
    static let withThe = "Kestrel Semiconductor wafer shipments will climb to 3.2 million units in 2027 on the demand for edge devices across Asia"
    static let twoWords = "Kestrel Semiconductor wafer shipments will climb to 3.2 million units in 2027 on strong demand for edge devices throughout Asia"

    func mentions(_ claim: JSONValue?) -> [String] { claim?["mentions"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? [] }

    func testARestatedForecastIsOneClaimWithinANote() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 5)
        let (_, extractions) = try run.importNotes()
        let claims = try run.claims()
        XCTAssertNil(claims[Self.restated], "the restatement joins the headline's claim")
        XCTAssertEqual(mentions(claims[Self.first]), [Self.first, Self.restated])
        let merged = extractions["a-fab-outlook.md"]!.mentions.first { $0.text == Self.restated }
        XCTAssertEqual(merged?.merge?.cause, .nearDuplicate)
        XCTAssertTrue(merged?.merge?.detail.hasPrefix("distance 5 from \"\(Self.first)\"") ?? false, merged?.merge?.detail ?? "no reason")
        // One bit less and the two wordings are two claims.
        let strict = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 4)
        try strict.importNotes()
        XCTAssertNotNil(try strict.claims()[Self.restated])
    }

    /// The same wording with another figure, or from another source, is another claim however
    /// near its text is (the test first checks that it is near).
    func testSameWordingWithAnotherFigureOrSourceIsNeverMerged() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 16)
        let (_, extractions) = try run.importNotes()
        let e = extractions["a-fab-outlook.md"]!
        let claims = try run.claims()
        let tervo = try XCTUnwrap(claims[Self.first])
        let brevik = try XCTUnwrap(run.claims(source: "Brevik Capital")[Self.first])
        let four = try XCTUnwrap(claims[Self.otherFigure])
        XCTAssertNotEqual(tervo["id"], brevik["id"])
        XCTAssertNotEqual(tervo["id"], four["id"])
        XCTAssertEqual(brevik["figures"], tervo["figures"], "only the source differs")
        XCTAssertNotEqual(four["figures"], tervo["figures"])
        let fingerprints = e.fingerprints.filter { $0.kind == .claim }
        let tervoHash = try XCTUnwrap(fingerprints.first { $0.nodeID == tervo["id"]?.stringValue }).simhash
        for other in [brevik, four] {
            let h = try XCTUnwrap(fingerprints.first { $0.nodeID == other["id"]?.stringValue }).simhash
            XCTAssertLessThanOrEqual(SimHash.distance(h, tervoHash), 16, "near enough that only the key can keep them apart")
        }
    }

    func testAForecastRewordedInASecondNoteJoinsTheFirstNotesClaim() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md", "b-channel-check.md"], distance: 7)
        try run.importNotes()
        let claims = try run.claims()
        XCTAssertNil(claims[Self.withThe], "distance 7: the second note's wording joins the first note's claim")
        XCTAssertEqual(mentions(claims[Self.first]), [Self.first, Self.restated, Self.withThe])
        XCTAssertNotNil(claims[Self.twoWords], "distance 8 stays apart")
        let record = try XCTUnwrap(run.store.record(id: claims[Self.first]!["id"]!.stringValue!))
        let across = try XCTUnwrap(record.mentions.first { $0.mention.text == Self.withThe }?.mention.merge)
        XCTAssertEqual(across.cause, .nearDuplicate)
        XCTAssertTrue(across.detail.hasPrefix("distance 7 from \"\(Self.first)\" in "), across.detail)
        let count = try XCTUnwrap(run.store.dedupCounts().first { $0.kind == "claim" })
        XCTAssertEqual(count.nearDuplicate, 2)
        XCTAssertEqual(count.mentions - count.records, count.exactKey + count.aligned + count.nearDuplicate + count.user)
    }

    /// At the default distance (3), the same forecast syndicated with other punctuation is one
    /// record across notes, although its claim key (which keeps punctuation) differs.
    func testASyndicatedCopyWithOtherPunctuationJoinsAtTheDefaultDistance() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md", "c-syndicated.md"], distance: nil)
        try run.importNotes()
        let claims = try run.claims()
        let texts = mentions(claims[Self.first])
        XCTAssertEqual(texts.count, 2, "\(texts)")
        XCTAssertTrue(texts.last?.contains("—") ?? false)
    }

    /// Re-runs (here a changed file) keep every id: the record already
    /// stored wins, and within a note the first wording does.
    func testIdsStayStableAcrossRerunsAndImportOrder() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md", "b-channel-check.md"], distance: 7)
        try run.importNotes()
        let before = Set(try run.claims().values.compactMap { $0["id"]?.stringValue })
        try run.write("b-channel-check.md", try String(contentsOf: TestPaths.fixtures.appendingPathComponent("dedup/notes/b-channel-check.md"), encoding: .utf8) + "\nOne more line.\n")
        let (summary, _) = try run.importNotes()
        XCTAssertEqual(summary.documents, 1, "the changed note is read again")
        XCTAssertEqual(Set(try run.claims().values.compactMap { $0["id"]?.stringValue }), before)
        // The second note alone first in another store: its own wording is the record then,
        // and the first note's joins it (the earlier import wins).
        let other = try DedupScratch(notes: ["b-channel-check.md"], distance: 7)
        try other.importNotes()
        let onlyB = try other.claims()[Self.withThe]?["id"]
        for name in ["a-fab-outlook.md"] {
            try other.folder.write("notes/\(name)", Array(try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("dedup/notes/\(name)"))))
        }
        try other.importNotes()
        XCTAssertEqual(try other.claims()[Self.withThe]?["id"], onlyB)
        XCTAssertEqual(mentions(try other.claims()[Self.withThe]).count, 3)
    }
}
