import Foundation
import NoteGraphCore
import TestSupport
import XCTest
@testable import GraphStore

final class SQLiteGraphStoreTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("store/graph.sqlite"))
    }

    /// A document "…英伟达 and NVIDIA…" with one company node mentioned twice.
    func sample(path: String = "notes/a.txt", text: String = "𠀀 英伟达 and NVIDIA ship.", bytes: String = "a") -> (Document, Extraction) {
        let sha = StableID.sha256Hex(Array(bytes.utf8))
        let docText = DocumentText(text)
        let doc = Document(id: StableID.document(sha256: sha), path: path, sha256: sha, format: .text, encoding: "UTF-8",
                           title: "t", language: .mixed, date: NoteDate(iso: "2025-06-30", origin: "dateline:note-date"),
                           text: docText, sourceMap: SourceMap(), warnings: [])
        var extraction = Extraction()
        extraction.nodes = [NodeRecord(id: "company:nvidia", kind: .company,
                                       properties: [("name", .string("NVIDIA")), ("ticker", .string("NVDA")), ("known", .bool(true))])]
        let scalars = Array(text.unicodeScalars)
        func mention(_ s: String) -> Mention? {
            let needle = Array(s.unicodeScalars)
            guard scalars.count >= needle.count,
                  let start = (0...(scalars.count - needle.count)).first(where: { Array(scalars[$0..<($0 + needle.count)]) == needle }) else { return nil }
            return Mention(nodeID: "company:nvidia", documentID: doc.id, start: start, end: start + needle.count, text: s,
                           rule: "lexicons/companies#nvidia", sentenceStart: 0, sentenceEnd: scalars.count)
        }
        extraction.mentions = [mention("英伟达"), mention("NVIDIA")].compactMap { $0 }
        extraction.edges = [EdgeRecord(from: doc.id, to: "company:nvidia", type: "MENTIONS")]
        return (doc, extraction)
    }

    func exported() throws -> [JSONValue] {
        var lines: [JSONValue] = []
        try store.export { lines.append(try JSONValue.parse(Data($0.utf8))) }
        return lines
    }

    func testExportFollowsTheContract() throws {
        let (doc, extraction) = sample()
        try store.save(doc, extraction: extraction, pipelineVersion: "v1")
        let records = try exported()
        XCTAssertEqual(records.compactMap { $0["kind"]?.stringValue }, ["document", "company", "edge"])
        for record in records {
            let kind = try XCTUnwrap(RecordKind(rawValue: record["kind"]?.stringValue ?? ""))
            XCTAssertNotNil(record["id"]?.stringValue)
            for field in kind.contractFields { XCTAssertNotNil(record[field], "\(kind) lacks \(field)") }
            if kind != .document && kind != .edge { XCTAssertNotNil(record["mentions"]?.arrayValue) }
        }
        let company = records[1]
        XCTAssertEqual(company["names"], .array([.string("NVIDIA"), .string("英伟达")]))
        XCTAssertEqual(records[0]["date"], .string("2025-06-30"))
        // Offsets are Unicode scalars: text[start:end] == mention.text, even after a non-BMP character.
        let text = Array((records[0]["text"]?.stringValue ?? "").unicodeScalars)
        for m in company["mentions"]?.arrayValue ?? [] {
            let s = m["start"]!.intValue!, e = m["end"]!.intValue!
            XCTAssertEqual(String(String.UnicodeScalarView(text[s..<e])), m["text"]?.stringValue)
        }
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testSavingTheSameDocumentAgainChangesNothing() throws {
        let (doc, extraction) = sample()
        try store.save(doc, extraction: extraction, pipelineVersion: "v1")
        let first = try exported()
        try store.save(doc, extraction: extraction, pipelineVersion: "v1")
        XCTAssertEqual(try exported(), first)
        XCTAssertEqual(try store.source(path: doc.path)?.sha256, doc.sha256)
    }

    func testChangedFileReplacesItsOldDocumentAndOrphanNodesGo() throws {
        let (old, extraction) = sample(bytes: "old")
        try store.save(old, extraction: extraction, pipelineVersion: "v1")
        let (new, _) = sample(text: "No company here.", bytes: "new")
        try store.save(new, extraction: Extraction(), pipelineVersion: "v1")
        let stats = try store.stats()
        XCTAssertEqual(stats.documents, 1)
        XCTAssertEqual(stats.nodesByKind["company"], nil)
        XCTAssertEqual(stats.edges, 0)
        XCTAssertEqual(try store.source(path: "notes/a.txt")?.documentID, new.id)
    }

    /// A save that fails half-way leaves nothing of that document behind, and earlier ones intact.
    func testAFailedSaveStoresNothing() throws {
        let (good, goodExtraction) = sample(path: "notes/good.txt", bytes: "good")
        try store.save(good, extraction: goodExtraction, pipelineVersion: "v1")
        let (bad, badExtraction0) = sample(path: "notes/bad.txt", bytes: "bad")
        var badExtraction = badExtraction0
        badExtraction.mentions.append(Mention(nodeID: "company:missing", documentID: bad.id, start: 0, end: 1, text: "x",
                                              rule: "r", sentenceStart: 0, sentenceEnd: 1))
        XCTAssertThrowsError(try store.save(bad, extraction: badExtraction, pipelineVersion: "v1"))
        XCTAssertNil(try store.source(path: "notes/bad.txt"))
        let stats = try store.stats()
        XCTAssertEqual(stats.documents, 1)
        XCTAssertEqual(stats.mentions, 2)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testShowFindsMentionsWithTheirSentences() throws {
        let (doc, extraction) = sample()
        try store.save(doc, extraction: extraction, pipelineVersion: "v1")
        let record = try XCTUnwrap(try store.record(id: "company:nvidia"))
        XCTAssertEqual(record.mentions.count, 2)
        XCTAssertEqual(record.mentions.first?.sentence, "𠀀 英伟达 and NVIDIA ship.")
        XCTAssertNil(try store.record(id: "company:nobody"))
        XCTAssertEqual(try store.record(id: doc.id)?.json["kind"], .string("document"))
    }

    func testReopeningKeepsData() throws {
        let (doc, extraction) = sample()
        try store.save(doc, extraction: extraction, pipelineVersion: "v1")
        store = nil
        store = try SQLiteGraphStore(path: scratch.path("store/graph.sqlite"))
        XCTAssertEqual(try store.stats().documents, 1)
    }

    func testAStoreThatIsNotADatabaseIsAClearError() throws {
        let path = try scratch.write("junk.sqlite", String(repeating: "not a database ", count: 100))
        XCTAssertThrowsError(try SQLiteGraphStore(path: path)) { error in
            XCTAssertTrue((error as? ConfigError)?.message.hasPrefix("\(path): cannot open the store") ?? false, "\(error)")
        }
    }
}
