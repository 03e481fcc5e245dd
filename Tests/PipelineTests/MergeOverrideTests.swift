import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// `notegraph split` and `notegraph merge` at the store: applied at once, kept in
/// merge_overrides, applied again by every later import (after a grammar change, after a file
/// change), and verdicts follow a merged-away claim to the claim that survives.
final class MergeOverrideTests: XCTestCase {
    typealias T = NearDuplicateClaimTests

    func id(_ claims: [String: JSONValue], _ text: String) -> String? { claims[text]?["id"]?.stringValue }
    func texts(_ claim: JSONValue?) -> [String] { claim?["mentions"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? [] }

    func testASplitSurvivesReimportsAfterAGrammarChangeAndAFileChange() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 5)
        try run.importNotes()
        let canonical = try XCTUnwrap(id(try run.claims(), T.first))
        let record = try XCTUnwrap(run.store.record(id: canonical))
        let restated = try XCTUnwrap(record.mentions.first { $0.mention.text == T.restated }?.mention)
        let newID = try run.store.split(canonical, mention: SQLiteGraphStore.mentionID(restated))
        func check(_ when: String) throws {
            let claims = try run.claims()
            XCTAssertEqual(id(claims, T.restated), newID, when)
            XCTAssertEqual(texts(claims[T.first]), [T.first], when)
            XCTAssertEqual(claims[T.restated]?["split"], .string("detached from \(canonical) by the user (notegraph split)"), when)
        }
        try check("right after the split")
        try run.configure(distance: 5, extraRule: true)
        XCTAssertEqual(try run.importNotes().summary.documents, 1, "a grammar change reads the note again")
        try check("after a grammar change")
        // A file change moves the mention: the split follows its text.
        let original = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("dedup/notes/a-fab-outlook.md"), encoding: .utf8)
        try run.write("a-fab-outlook.md", original.replacingOccurrences(of: "## Details\n", with: "## Details\n\nA new paragraph about packaging was added.\n"))
        XCTAssertEqual(try run.importNotes().summary.documents, 1)
        try check("after a file change")
        XCTAssertEqual(try run.store.overrides().map(\.action), [.split])
    }

    func testAMergeSurvivesAReimportAndTheVerdictFollowsTheSurvivingClaim() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 5)
        try run.importNotes()
        let claims = try run.claims()
        let keep = try XCTUnwrap(id(claims, T.first))
        let other = try XCTUnwrap(id(claims, T.otherFigure))
        try run.store.recordVerdicts(claimIDs: [other], decision: .accept, note: "checked", reviewer: "ana")
        let moved = try run.store.merge(keep: keep, other: other)
        XCTAssertEqual(moved.map(\.kind), [.moved])
        func check(_ when: String) throws {
            let claims = try run.claims()
            XCTAssertNil(claims[T.otherFigure], when)
            XCTAssertEqual(texts(claims[T.first]), [T.first, T.restated, T.otherFigure], when)
            XCTAssertEqual(claims[T.first]?["review"], .string("accepted"), "the verdict followed the mentions (\(when))")
            XCTAssertEqual(try run.store.verdicts().map(\.claimID), [keep], when)
            let user = try run.store.record(id: keep)?.mentions.first { $0.mention.text == T.otherFigure }?.mention.merge
            XCTAssertEqual(user?.cause, .user, when)
            XCTAssertEqual(try run.store.dedupCounts().first { $0.kind == "claim" }?.user, 1, when)
        }
        try check("right after the merge")
        try run.configure(distance: 5, extraRule: true)
        XCTAssertEqual(try run.importNotes().summary.documents, 1)
        try check("after a grammar change")
        XCTAssertNotNil(try run.store.record(id: other)?.retirement)
    }

    func testBadMergesAndSplitsAreRefusedWithTheReason() throws {
        let run = try DedupScratch(notes: ["a-fab-outlook.md"], distance: 5)
        try run.importNotes()
        let claims = try run.claims()
        let claim = try XCTUnwrap(id(claims, T.first)), lone = try XCTUnwrap(id(claims, T.otherFigure))
        let figure = try XCTUnwrap(claims[T.first]?["figures"]?.arrayValue?.first?.stringValue)
        func refused(_ body: () throws -> Void, _ text: String) {
            XCTAssertThrowsError(try body()) { XCTAssertTrue(($0 as? InputError)?.reason.contains(text) ?? false, "\($0)") }
        }
        refused({ try run.store.merge(keep: claim, other: figure) }, "is a claim and \(figure) a figure; only records of one kind merge")
        refused({ try run.store.merge(keep: claim, other: claim) }, "given twice")
        refused({ try run.store.merge(keep: claim, other: "claim:0000000000000000") }, "no record claim:0000000000000000")
        refused({ _ = try run.store.split(claim, mention: "doc:x@1-2") }, "has no mention doc:x@1-2; its mentions: doc:")
        let only = try XCTUnwrap(run.store.record(id: lone)?.mentions.first?.mention)
        refused({ _ = try run.store.split(lone, mention: SQLiteGraphStore.mentionID(only)) }, "there is nothing to split it from")
        XCTAssertTrue(try run.store.overrides().isEmpty, "nothing refused is recorded")
    }
}
