import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// Files processed a window at a time, spread over the cores: the same records as one by one,
/// events in file order, a bad file failing alone.
final class BatchWindowTests: XCTestCase {
    func testABatchGivesEachFileWhatItGivesAlone() throws {
        let settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: TestPaths.root)
        let processor = DocumentProcessor(stages: settings.stages, lexicon: settings.lexicon)
        let fixtures = try FileManager.default.contentsOfDirectory(at: TestPaths.notes, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        // The corpus, our notes in every format and encoding, and the web page twice more, so
        // two cores parse HTML at once.
        let html = TestPaths.notes.appendingPathComponent("timeline.html")
        var inputs = try (TestPaths.corpusFiles() + fixtures + [html, html]).map { ($0.path, Array(try Data(contentsOf: $0))) }
        // A file the read stage refuses, in the middle of the window.
        inputs.insert(("bad.txt", Array("Capex ".utf8) + [0x80, 0xFF, 0x81, 0xFE] + Array(" end".utf8)), at: 2)
        let batch = processor.process(batch: inputs)
        XCTAssertEqual(batch.count, inputs.count)
        for (k, (path, bytes)) in inputs.enumerated() {
            let alone = Result { try processor.process(path: path, bytes: bytes) }
            switch (batch[k], alone) {
            case let (.success(a), .success(b)):
                XCTAssertEqual(a.document?.id, b.document?.id, path)
                XCTAssertEqual(a.extraction.nodes, b.extraction.nodes, path)
                XCTAssertEqual(a.extraction.mentions, b.extraction.mentions, path)
                XCTAssertEqual(a.extraction.edges, b.extraction.edges, path)
                XCTAssertFalse(a.extraction.nodes.isEmpty, path)
            case let (.failure(a), .failure(b)):
                XCTAssertEqual("\(a)", "\(b)", path)
            default:
                XCTFail("\(path): in a batch \(batch[k]), alone \(alone)")
            }
        }
        guard case .failure = batch[2] else { return XCTFail("the undecodable file should fail") }
    }

    func testSectionsInsideASectionRunOnTheirWorker() throws {
        let inside = try Parallel.map(4) { _ in Parallel.cores }
        XCTAssertEqual(inside, [1, 1, 1, 1])
        XCTAssertEqual(Parallel.cores, Parallel.machineCores, "the mark is cleared after the section")
        let nested = try Parallel.map(3) { i in try Parallel.map(3) { j in 10 * i + j } }
        XCTAssertEqual(nested, [[0, 1, 2], [10, 11, 12], [20, 21, 22]])
    }

    func testEventsComeInFileOrderAndAPathNamedTwiceIsReadOnce() throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteGraphStore(path: scratch.path("store.sqlite"))
        let settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: scratch.url)
        let stored = try scratch.write("notes/c-stored.txt", "台积电宣布扩产。")
        _ = BatchImporter(settings: settings, store: store).run(paths: [stored]) { _ in }
        try scratch.write("notes/a-good.txt", "NVIDIA ships a new accelerator in 2027.")
        try scratch.write("notes/b-undecodable.txt", Array("Capex ".utf8) + [0x80, 0xFF, 0x81, 0xFE] + Array(" end".utf8))
        try scratch.write("notes/d-good.txt", "英伟达预计2026年收入增长50%。")
        try scratch.write("notes/e-empty.txt", "")
        let folder = scratch.url.appendingPathComponent("notes").path
        let again = scratch.path("notes/d-good.txt")
        var events: [String] = []
        let summary = BatchImporter(settings: settings, store: store).run(paths: [folder, again]) { event in
            switch event {
            case .started: break
            case let .imported(i): events.append("imported \(URL(fileURLWithPath: i.path).lastPathComponent) #\(i.index)")
            case let .unchanged(path, index): events.append("unchanged \(URL(fileURLWithPath: path).lastPathComponent) #\(index)")
            case let .spared(path, _, index): events.append("spared \(URL(fileURLWithPath: path).lastPathComponent) #\(index)")
            case let .failed(path, _, index): events.append("failed \(URL(fileURLWithPath: path).lastPathComponent) #\(index)")
            case .warning: break
            }
        }
        XCTAssertEqual(events, ["imported a-good.txt #0", "failed b-undecodable.txt #1", "unchanged c-stored.txt #2",
                                "imported d-good.txt #3", "failed e-empty.txt #4", "unchanged d-good.txt #5"])
        XCTAssertEqual(summary.documents, 2)
        XCTAssertEqual(summary.unchanged, 2)
        XCTAssertEqual(summary.failed, 2)
        XCTAssertEqual(try store.stats().documents, 3)
    }
}
