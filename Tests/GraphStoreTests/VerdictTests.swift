import Foundation
import NoteGraphCore
import TestSupport
import XCTest
@testable import GraphStore

/// Verdicts live apart from extraction output: saves never touch them, the export shows them,
/// and when a re-run changes a claim's id they follow the claim at their anchor or are kept as
/// orphaned, never dropped.
final class VerdictTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("graph.sqlite"))
    }

    static let text = "Orvane's CFO said capex will grow next year. Analysts think margins stay flat."

    func claims() throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        try store.export { line in
            let json = try JSONValue.parse(Data(line.utf8))
            if json["kind"] == .string("claim") { out[json["id"]!.stringValue!] = json }
        }
        return out
    }

    /// The note with its two claims, the first one's clause as given.
    func note(_ clause: String = "capex will grow", path: String = "notes/o.txt", text: String = VerdictTests.text) -> (NoteBuilder, String, String) {
        var b = NoteBuilder(path: path, text: text)
        b.company("orvane", "Orvane")
        let first = b.claim(clause, source: .string("company:orvane"), subjects: ["company:orvane"], date: "2026")
        let second = b.claim("margins stay flat", modality: "opinion")
        return (b, first, second)
    }

    func testTheExportShowsVerdictsAndAnEditKeepsTheOriginal() throws {
        var (b, first, second) = note()
        let figure = b.figure("next year", value: 1)
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        XCTAssertEqual(try claims()[first]?["review"], .string("pending"))
        let accepted = try store.recordVerdicts(claimIDs: [first], decision: .accept, note: "checked", reviewer: "ana")
        XCTAssertNil(accepted[0].previous)
        XCTAssertEqual(accepted[0].verdict.anchor, VerdictAnchor(documentID: b.document.id, path: "notes/o.txt", start: 18, end: 33, text: "capex will grow"))
        try store.recordVerdicts(claimIDs: [second], decision: .reject, note: nil, reviewer: "ana")
        var exported = try claims()
        XCTAssertEqual(exported[first]?["review"], .string("accepted"))
        XCTAssertEqual(exported[second]?["review"], .string("rejected"))
        XCTAssertNil(exported[first]?["edited"])

        // An edit replaces the verdict in force; the export shows the corrected fields.
        let edit = ClaimEdit(text: "capex will grow 20%", source: .string("Jane Roe"), figures: [figure])
        let edited = try store.recordVerdicts(claimIDs: [first], decision: .edit, edit: edit, note: nil, reviewer: "bo")
        XCTAssertEqual(edited[0].previous?.decision, .accept)
        XCTAssertEqual(edited[0].verdict.original["text"], .string("capex will grow"))
        XCTAssertEqual(edited[0].verdict.original["source"], .string("company:orvane"))
        exported = try claims()
        XCTAssertEqual(exported[first]?["text"], .string("capex will grow 20%"))
        XCTAssertEqual(exported[first]?["source"], .string("Jane Roe"))
        XCTAssertEqual(exported[first]?["figures"], .array([.string(figure)]))
        XCTAssertEqual(exported[first]?["review"], .string("accepted"))
        XCTAssertEqual(exported[first]?["edited"], .array([.string("text"), .string("source"), .string("figures")]))
        XCTAssertEqual(try store.verdicts().count, 2, "the superseded verdict is kept but not in force")

        // A re-run with the same claims leaves every verdict where it was.
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v2")
        XCTAssertEqual(try store.reconcileVerdicts(), [])
        XCTAssertEqual(try claims()[first]?["text"], .string("capex will grow 20%"))
    }

    func testUnknownRetiredAndWrongKindIdsAreRefusedAndNothingIsWritten() throws {
        let (b, first, _) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        XCTAssertThrowsError(try store.recordVerdicts(claimIDs: [first, "claim:nope", "company:orvane"], decision: .accept, note: nil, reviewer: "ana")) { error in
            XCTAssertEqual((error as? InputError)?.message,
                           "\(self.store.path): no claim claim:nope in the store; company:orvane is a company, not a claim")
        }
        XCTAssertThrowsError(try store.recordVerdicts(claimIDs: [first], decision: .edit, edit: ClaimEdit(source: .string("company:nobody"), figures: ["figure:none"]),
                                                      note: nil, reviewer: "ana")) { error in
            XCTAssertEqual((error as? InputError)?.reason, "no figure figure:none in the store; no company company:nobody in the store")
        }
        XCTAssertEqual(try store.verdicts(), [])
    }

    func testAVerdictFollowsItsClaimWhenTheClauseGrowsByAWord() throws {
        let (b, first, _) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        try store.recordVerdicts(claimIDs: [first], decision: .reject, note: "not a forecast", reviewer: "ana")
        // A later grammar takes one more word into the clause: the claim's id changes.
        let (grown, grownID, _) = note("capex will grow next")
        XCTAssertNotEqual(grownID, first)
        try store.save(grown.document, extraction: grown.extraction, pipelineVersion: "v2")
        let changes = try store.reconcileVerdicts()
        XCTAssertEqual(changes.map(\.kind), [.moved])
        XCTAssertEqual(changes.first?.from, first)
        XCTAssertEqual(changes.first?.to, grownID)
        let verdict = try XCTUnwrap(store.verdicts().first)
        XCTAssertEqual(verdict.claimID, grownID)
        XCTAssertEqual(verdict.recordedClaimID, first)
        XCTAssertEqual(verdict.state, .moved)
        XCTAssertEqual(verdict.anchor?.text, "capex will grow next")
        XCTAssertEqual(verdict.note, "not a forecast")
        XCTAssertEqual(try claims()[grownID]?["review"], .string("rejected"))
    }

    func testAVerdictFollowsItsClaimIntoAnEditedFile() throws {
        let (b, first, _) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        try store.recordVerdicts(claimIDs: [first], decision: .accept, note: nil, reviewer: "ana")
        // The file gains a first line: a new document, offsets shifted, the claim's id changed.
        let (edited, editedID, _) = note(text: "Update: revised.\n" + Self.text)
        try store.save(edited.document, extraction: edited.extraction, pipelineVersion: "v1")
        XCTAssertEqual(try store.reconcileVerdicts().map(\.kind), [.moved])
        XCTAssertEqual(try store.verdicts().first?.claimID, editedID)
        XCTAssertEqual(try store.verdicts().first?.anchor?.documentID, edited.document.id)
        XCTAssertEqual(try claims()[editedID]?["review"], .string("accepted"))
    }

    func testAVerdictWithNoClaimLeftIsOrphanedThenReattached() throws {
        let (b, first, second) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        try store.recordVerdicts(claimIDs: [first], decision: .accept, note: "good", reviewer: "ana")
        // Re-read and neither claim is found: the verdict stays, orphaned, with why.
        var bare = NoteBuilder(path: "notes/o.txt", text: Self.text)
        bare.company("orvane", "Orvane")
        try store.save(bare.document, extraction: bare.extraction, pipelineVersion: "v2")
        XCTAssertEqual(try store.reconcileVerdicts().map(\.kind), [.orphaned])
        XCTAssertEqual(try store.reconcileVerdicts(), [], "reported once")
        let orphan = try XCTUnwrap(store.verdicts().first)
        XCTAssertEqual(orphan.state, .orphaned)
        XCTAssertTrue(orphan.stateDetail?.hasPrefix("\(first) was retired") ?? false, orphan.stateDetail ?? "")
        XCTAssertEqual(orphan.note, "good")
        XCTAssertNil(try claims()[first])
        // The claim that is back takes its verdict again; the other claim never had one.
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v3")
        XCTAssertEqual(try store.reconcileVerdicts().map(\.kind), [.reattached])
        XCTAssertEqual(try claims()[first]?["review"], .string("accepted"))
        XCTAssertEqual(try claims()[second]?["review"], .string("pending"))
    }

    func testAMovedVerdictNeverTakesAClaimThatHasItsOwn() throws {
        let (b, first, second) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        try store.recordVerdicts(claimIDs: [first], decision: .accept, note: nil, reviewer: "ana")
        try store.recordVerdicts(claimIDs: [second], decision: .reject, note: nil, reviewer: "ana")
        // Now one claim spans both clauses; it keeps the second claim's id by chance of the test.
        var merged = NoteBuilder(path: "notes/o.txt", text: Self.text)
        merged.company("orvane", "Orvane")
        merged.extraction.nodes.append(NodeRecord(id: second, kind: .claim, properties: [("text", .string("x")), ("review", .string("pending"))]))
        merged.mention(second, "capex will grow next year. Analysts think margins stay flat", rule: "claims/en.rules#cue-said")
        try store.save(merged.document, extraction: merged.extraction, pipelineVersion: "v2")
        XCTAssertEqual(try store.reconcileVerdicts().map(\.kind), [.orphaned])
        XCTAssertEqual(Set(try store.verdicts().map(\.claimID)), [first, second])
    }

    func testSavesNeverTouchVerdicts() throws {
        let (b, first, _) = note()
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        let recorded = try store.recordVerdicts(claimIDs: [first], decision: .accept, note: nil, reviewer: "ana")
        let other = NoteBuilder(path: "notes/o.txt", text: "Replaced entirely.")
        try store.save(other.document, extraction: other.extraction, pipelineVersion: "v1")
        XCTAssertEqual(try store.verdicts(), recorded.map(\.verdict), "save() leaves the table alone; only reconciling changes state")
    }
}
