import Foundation
import GRDB
import NoteGraphCore
import TestSupport
import XCTest
@testable import GraphStore

/// Records nothing supports any more are retired (kept with when and why, out of the export and
/// the counts) and come back under the same id when found again.
final class RetirementTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("graph.sqlite"))
    }

    static let text = "Zentrix said capex will reach $40 billion next year. Orvane agreed."

    func exportedIDs() throws -> [String] {
        var ids: [String] = []
        try store.export { ids.append(try JSONValue.parse(Data($0.utf8))["id"]?.stringValue ?? "") }
        return ids
    }

    func history(_ id: String) throws -> [Row] {
        try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT event, reason, mentions, path FROM node_history WHERE node_id = ? ORDER BY seq", arguments: [id]) }
    }

    func testANodeNoLongerFoundIsRetiredWithWhyAndComesBackUnderItsID() throws {
        var first = NoteBuilder(path: "notes/z.txt", text: Self.text)
        first.company("zentrix", "Zentrix")
        first.company("orvane", "Orvane")
        let figure = first.figure("$40 billion", value: 40_000_000_000, metric: "capex")
        let claim = first.claim("capex will reach $40 billion next year", source: .string("company:zentrix"), subjects: ["company:zentrix"], figures: [figure])
        var changes = try store.save(first.document, extraction: first.extraction, pipelineVersion: "v1")
        XCTAssertEqual(changes.document, .new)
        XCTAssertEqual(Set(changes.added.map(\.id)), ["company:zentrix", "company:orvane", figure, claim])

        // Read again under another pipeline: Orvane and the claim are not found any more.
        var second = NoteBuilder(path: "notes/z.txt", text: Self.text)
        second.company("zentrix", "Zentrix")
        second.figure("$40 billion", value: 40_000_000_000, metric: "capex")
        changes = try store.save(second.document, extraction: second.extraction, pipelineVersion: "v2")
        XCTAssertEqual(changes.document, .reread)
        XCTAssertEqual(Set(changes.retired.map(\.id)), ["company:orvane", claim])
        XCTAssertEqual(changes.added, [])
        XCTAssertFalse(try exportedIDs().contains("company:orvane"))
        XCTAssertFalse(try exportedIDs().contains(claim))
        let stats = try store.stats()
        XCTAssertEqual(stats.nodesByKind["company"], 1)
        XCTAssertEqual(stats.nodesByKind["claim"], nil)
        XCTAssertEqual(stats.retired, 2)
        let retired = try history("company:orvane")
        XCTAssertEqual(retired.count, 1)
        XCTAssertEqual(retired[0][0] as String, "retired")
        XCTAssertEqual(retired[0][1] as String, "not found when notes/z.txt (\(first.document.id)) was read again")
        XCTAssertTrue((retired[0][2] as String).contains(#""text":"Orvane","rule":"companies/lexicon#term""#), retired[0][2] as String)
        // `show` still finds it, with why it is retired.
        XCTAssertTrue(try XCTUnwrap(store.record(id: "company:orvane")).retirement?.contains("not found when notes/z.txt") ?? false)

        // A third run finds them again: same ids, back in the export, history says so.
        changes = try store.save(first.document, extraction: first.extraction, pipelineVersion: "v3")
        XCTAssertEqual(Set(changes.added.map(\.id)), ["company:orvane", claim])
        XCTAssertTrue(changes.added.allSatisfy(\.restored))
        XCTAssertTrue(try exportedIDs().contains(claim))
        XCTAssertEqual(try store.stats().retired, 0)
        XCTAssertEqual(try history(claim).map { $0[0] as String }, ["retired", "restored"])
    }

    func testAChangedFileRetiresWhatOnlyItsOldVersionHad() throws {
        var a = NoteBuilder(path: "notes/a.txt", text: "Orvane grew. Zentrix too.")
        a.company("orvane", "Orvane")
        a.company("zentrix", "Zentrix")
        var b = NoteBuilder(path: "notes/b.txt", text: "Zentrix again.")
        b.company("zentrix", "Zentrix")
        try store.save(a.document, extraction: a.extraction, pipelineVersion: "v1")
        try store.save(b.document, extraction: b.extraction, pipelineVersion: "v1")
        let edited = NoteBuilder(path: "notes/a.txt", text: "Nothing named here.")
        let changes = try store.save(edited.document, extraction: edited.extraction, pipelineVersion: "v1")
        XCTAssertEqual(changes.document, .replaced)
        XCTAssertEqual(changes.replacedDocument, a.document.id)
        XCTAssertEqual(changes.retired.map(\.id), ["company:orvane"])
        XCTAssertEqual(changes.changed.map(\.id), ["company:zentrix"], "it lost a mention but notes/b.txt still has it")
        XCTAssertEqual(try history("company:orvane").first?[1] as String?,
                       "notes/a.txt changed (\(a.document.id) became \(edited.document.id)) and no longer mentions it")
        XCTAssertEqual(try store.stats().documents, 2)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testSavingTheSameExtractionAgainReportsNoChange() throws {
        var a = NoteBuilder(path: "notes/a.txt", text: Self.text)
        a.company("zentrix", "Zentrix")
        a.claim("capex will reach $40 billion next year")
        try store.save(a.document, extraction: a.extraction, pipelineVersion: "v1")
        let again = try store.save(a.document, extraction: a.extraction, pipelineVersion: "v2")
        XCTAssertTrue(again.isEmpty, "\(again)")
        XCTAssertEqual(again.nodes.count, 2)
    }
}
