import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
@testable import Pipeline

/// A scratch folder holding copies of Fixtures/dedup/notes, a pipeline.json with the claims
/// stage's `nearDuplicateDistance`, and a store: what the deduplication tests import and re-import.
final class DedupScratch {
    let folder: ScratchFolder
    let store: SQLiteGraphStore
    static let stages = ["read", "normalize", "segment", "lexicon", "numbers", "dates", "figures", "metrics", "companies", "cues",
                         "context", "actions", "events"]

    init(notes: [String], distance: Int?) throws {
        folder = try ScratchFolder()
        for name in notes {
            let bytes = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("dedup/notes/\(name)"))
            try folder.write("notes/\(name)", Array(bytes))
        }
        store = try SQLiteGraphStore(path: folder.path("store.sqlite"))
        try configure(distance: distance)
    }

    /// pipeline.json with the default stages; the claims stage gets the distance when given;
    /// `extraRule` adds a user metrics rule file (a grammar change: every note is read again).
    func configure(distance: Int?, extraRule: Bool = false) throws {
        let claims = distance.map { #"{"name": "claims", "options": {"nearDuplicateDistance": \#($0)}}"# } ?? #"{"name": "claims"}"#
        if extraRule {
            try folder.write("rules/metrics/extra.rules", """
                rule lead_time
                  match "lead times"
                  action metric.name lead time
                  example "lead times" => metric="lead time"

                """)
        }
        try folder.write("pipeline.json", #"{"grammars": ["# + (extraRule ? #""rules/metrics/extra.rules""# : "") + #"], "stages": ["#
                         + Self.stages.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ") + ", " + claims + "]}")
    }

    /// Imports the notes folder; returns the summary and each imported file's extraction.
    @discardableResult
    func importNotes() throws -> (summary: BatchImporter.Summary, extractions: [String: Extraction]) {
        var extractions: [String: Extraction] = [:]
        let settings = try PipelineSettings.load(path: folder.path("pipeline.json"))
        let summary = BatchImporter(settings: settings, store: store).run(paths: [folder.path("notes")]) { event in
            if case let .imported(file) = event { extractions[URL(fileURLWithPath: file.path).lastPathComponent] = file.extraction }
        }
        return (summary, extractions)
    }

    /// Live claims from the export, by text, of one source (Brevik Capital says Tervo's words too).
    func claims(source: String = "Tervo Securities") throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        try store.export { line in
            let record = try JSONValue.parse(Data(line.utf8))
            if record["kind"] == .string("claim"), record["source"] == .string(source), let text = record["text"]?.stringValue { out[text] = record }
        }
        return out
    }

    func write(_ name: String, _ text: String) throws { try folder.write("notes/\(name)", text) }
}
