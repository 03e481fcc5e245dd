import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// A re-run over unchanged files does not load the pipeline (no lexicon parsed, no grammar
/// compiled) once the store knows the version its exact inputs give; any change to those
/// inputs, or a file that must be read, loads it.
final class LazyPipelineTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!
    var loads = 0

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("store.sqlite"))
        try scratch.write("notes/a.txt", "Orvane expects revenue of $12 million in 2026.")
        try scratch.write("notes/b.txt", "Micron shipped 40,000 wafers last quarter.")
        try scratch.write("figures/widgets.rules",
                          "rule widgets\n  match n:<number> [lower:widgets]\n  action figure.unit count\n  example \"3 widgets\" => value=3 unit=count\n")
        try scratch.write("pipeline.json", #"{"grammars": ["figures/widgets.rules"]}"#)
    }

    func importNotes() throws -> BatchImporter.Summary {
        let config = scratch.path("pipeline.json")
        let inputs = try XCTUnwrap(PipelineInputs.read(config: config))
        let importer = BatchImporter(inputs: inputs, store: store) {
            self.loads += 1
            return try PipelineSettings.load(path: config)
        }
        return importer.run(paths: [scratch.path("notes")]) { _ in }
    }

    func testUnchangedFilesAreSkippedWithoutLoadingThePipeline() throws {
        XCTAssertEqual(try importNotes().documents, 2)
        XCTAssertEqual(loads, 1)
        let again = try importNotes()
        XCTAssertEqual(again.unchanged, 2)
        XCTAssertEqual(loads, 1, "nothing to read: the pipeline was not loaded")
        // A changed file loads it, once.
        try scratch.write("notes/b.txt", "Micron shipped 50,000 wafers last quarter.")
        let changed = try importNotes()
        XCTAssertEqual(changed.documents, 1)
        XCTAssertEqual(changed.unchanged, 1)
        XCTAssertEqual(loads, 2)
        XCTAssertEqual(try importNotes().unchanged, 2)
        XCTAssertEqual(loads, 2)
    }

    /// A changed rule file is a new key: the pipeline is loaded and every note read again.
    func testAChangedRuleFileLoadsThePipelineAndRereads() throws {
        _ = try importNotes()
        let before = try XCTUnwrap(PipelineInputs.read(config: scratch.path("pipeline.json"))).key
        try scratch.write("figures/widgets.rules",
                          "rule widgets\n  match n:<number> [lower:widgets | lower:wafers]\n  action figure.unit count\n  example \"3 wafers\" => value=3 unit=count\n")
        XCTAssertNotEqual(try XCTUnwrap(PipelineInputs.read(config: scratch.path("pipeline.json"))).key, before)
        let summary = try importNotes()
        XCTAssertEqual(loads, 2)
        XCTAssertEqual(summary.documents, 2)
        XCTAssertEqual(summary.causes.map(\.cause).first?.hasPrefix("the grammar changed"), true)
    }

    /// Inputs that cannot be read cheaply give no key: the caller loads the pipeline, which
    /// reports the problem with its usual message.
    func testUnusualInputsGiveNoKey() throws {
        try scratch.write("bad.json", "{ not json")
        XCTAssertNil(PipelineInputs.read(config: scratch.path("bad.json")))
        try scratch.write("missing.json", #"{"lexicons": ["nope.jsonl"]}"#)
        XCTAssertNil(PipelineInputs.read(config: scratch.path("missing.json")))
        XCTAssertNil(PipelineInputs.read(config: scratch.path("absent.json")))
    }
}
