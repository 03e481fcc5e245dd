import Foundation
import NoteGraphCore
import TestSupport
import XCTest
@testable import GraphStore

/// `ingest --dry-run` works on a copy of the store in memory: the store file is only read.
final class InMemoryCopyTests: XCTestCase {
    func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    func testChangesToTheCopyNeverReachTheFile() throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("store/graph.sqlite")
        var a = NoteBuilder(path: "notes/a.txt", text: "Zentrix and Orvane.")
        a.company("zentrix", "Zentrix")
        a.company("orvane", "Orvane")
        var store: SQLiteGraphStore? = try SQLiteGraphStore(path: path)
        try store!.save(a.document, extraction: a.extraction, pipelineVersion: "v1")
        store = nil
        let folder = scratch.url.appendingPathComponent("store")
        let before = try files(in: folder)

        let copy = try SQLiteGraphStore(inMemoryCopyOf: path)
        var b = NoteBuilder(path: "notes/a.txt", text: "Zentrix alone.")
        b.company("zentrix", "Zentrix")
        let changes = try copy.save(b.document, extraction: b.extraction, pipelineVersion: "v2")
        XCTAssertEqual(changes.retired.map(\.id), ["company:orvane"])
        XCTAssertEqual(try copy.stats().documents, 1)
        XCTAssertEqual(try copy.source(path: "notes/a.txt")?.documentID, b.document.id)
        XCTAssertEqual(try files(in: folder), before, "the store's files are byte for byte as they were")

        let reopened = try SQLiteGraphStore(path: path)
        XCTAssertEqual(try reopened.source(path: "notes/a.txt")?.documentID, a.document.id)
    }

    /// While another connection has the store open, the copy reads through its log.
    func testACopyOfAStoreInUseSeesWhatIsCommitted() throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("graph.sqlite")
        let writer = try SQLiteGraphStore(path: path)
        var a = NoteBuilder(path: "notes/a.txt", text: "Zentrix.")
        a.company("zentrix", "Zentrix")
        try writer.save(a.document, extraction: a.extraction, pipelineVersion: "v1")
        let main = try Data(contentsOf: URL(fileURLWithPath: path))
        let copy = try SQLiteGraphStore(inMemoryCopyOf: path)
        XCTAssertEqual(try copy.stats().nodesByKind["company"], 1)
        let b = NoteBuilder(path: "notes/a.txt", text: "Nobody.")
        try copy.save(b.document, extraction: b.extraction, pipelineVersion: "v2")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), main)
        XCTAssertEqual(try writer.stats().nodesByKind["company"], 1)
    }

    func testACopyOfNoStoreIsEmptyAndCreatesNothing() throws {
        let scratch = try ScratchFolder()
        let copy = try SQLiteGraphStore(inMemoryCopyOf: scratch.path("none/graph.sqlite"))
        XCTAssertEqual(try copy.stats().documents, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("none")))
    }
}
