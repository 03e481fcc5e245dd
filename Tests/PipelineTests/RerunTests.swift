import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// Re-runs: unchanged files are skipped; after a lexicon change only the documents containing a
/// name that changed are read again; a grammar or stage change reads all; the summary says why.
final class RerunTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("store.sqlite"))
        try scratch.write("notes/a.txt", "Zentrix Holdings expects revenue of $12 million in 2026.")
        try scratch.write("notes/b.txt", "Orvane shipped 40,000 units last quarter.")
        try scratch.write("notes/c.txt", "No organisation is named in this note at all.")
        try scratch.write("mine.jsonl", #"{"id":"orvane","name":"Orvane","tickers":["ORV"]}"# + "\n")
        try writeConfig(#"{"lexicons": ["mine.jsonl"]}"#)
    }

    func writeConfig(_ json: String) throws { try scratch.write("pipeline.json", json) }

    func settings() throws -> PipelineSettings { try PipelineSettings.load(path: scratch.path("pipeline.json")) }

    @discardableResult
    func importNotes() throws -> (BatchImporter.Summary, reread: [String: String], spared: [String]) {
        var reread: [String: String] = [:], spared: [String] = []
        let summary = BatchImporter(settings: try settings(), store: store).run(paths: [scratch.path("notes")]) { event in
            if case let .imported(file) = event { reread[URL(fileURLWithPath: file.path).lastPathComponent] = file.cause + (file.detail.map { "; " + $0 } ?? "") }
            if case let .spared(path, _, _) = event { spared.append(URL(fileURLWithPath: path).lastPathComponent) }
        }
        return (summary, reread, spared.sorted())
    }

    func company(_ id: String) throws -> JSONValue? { try store.record(id: id)?.json }

    func testUnchangedFilesAreSkippedAndReportNoChanges() throws {
        let first = try importNotes()
        XCTAssertEqual(first.0.documents, 3)
        XCTAssertEqual(first.0.causes, [.init(cause: BatchImporter.newFile, documents: 3)])
        let again = try importNotes()
        XCTAssertEqual(again.0.documents, 0)
        XCTAssertEqual(again.0.unchanged, 3)
        XCTAssertTrue(again.0.tally.isEmpty)
        try scratch.write("notes/c.txt", "Orvane is named now.")
        let changed = try importNotes()
        XCTAssertEqual(changed.reread, ["c.txt": BatchImporter.changedFile])
    }

    /// notegraph-lexicon.jsonl (the corrections `notegraph lexicon` writes) counts: a new name
    /// re-reads only the note that contains it.
    func testALexiconCorrectionRereadsOnlyTheNotesContainingItsNames() throws {
        try importNotes()
        XCTAssertNotNil(try store.stats().nodesByKind["company"])
        try scratch.write("notegraph-lexicon.jsonl", #"{"id":"zentrix","name":"Zentrix","aliases":["Zentrix Holdings"]}"# + "\n")
        let (summary, reread, spared) = try importNotes()
        XCTAssertEqual(reread, ["a.txt": "the lexicon changed (company/zentrix added); contains \"Zentrix Holdings\""])
        XCTAssertEqual(spared, ["b.txt", "c.txt"])
        XCTAssertEqual(summary.spared.map(\.documents), [2])
        XCTAssertEqual(summary.unchanged, 2)
        XCTAssertEqual(summary.tally.added["company"], 1)
        XCTAssertNotNil(try company("company:zentrix"))
        // The spared notes took the new version: the next run skips all three.
        XCTAssertEqual(try importNotes().0.unchanged, 3)
    }

    /// A user lexicon change that alters only a ticker is a change for the notes naming the company.
    func testATickerOnlyChangeRereadsTheNotesNamingTheCompany() throws {
        try importNotes()
        XCTAssertEqual(try company("company:orvane")?["ticker"], .string("ORV"))
        try scratch.write("mine.jsonl", #"{"id":"orvane","name":"Orvane","tickers":["ORVN"]}"# + "\n")
        let (_, reread, spared) = try importNotes()
        XCTAssertEqual(reread, ["b.txt": "the lexicon changed (company/orvane altered); contains \"Orvane\""])
        XCTAssertEqual(spared, ["a.txt", "c.txt"])
        XCTAssertEqual(try company("company:orvane")?["ticker"], .string("ORVN"))
    }

    /// A parent's change reaches the notes that name only its subsidiary (their node carries it).
    func testAParentsChangeRereadsTheNotesNamingItsSubsidiary() throws {
        try scratch.write("mine.jsonl", #"{"id":"orvane","name":"Orvane","tickers":["ORV"],"parent":"kestrel-group"}"# + "\n"
                          + #"{"id":"kestrel-group","name":"Kestrel Group"}"# + "\n")
        try importNotes()
        try scratch.write("mine.jsonl", #"{"id":"orvane","name":"Orvane","tickers":["ORV"],"parent":"kestrel-group"}"# + "\n"
                          + #"{"id":"kestrel-group","name":"Kestrel Group plc"}"# + "\n")
        let (_, reread, _) = try importNotes()
        XCTAssertEqual(reread, ["b.txt": "the lexicon changed (company/kestrel-group altered); contains \"Orvane\""])
        XCTAssertEqual(try company("company:kestrel-group")?["name"], .string("Kestrel Group plc"))
    }

    /// A user rule file counts: any change to it re-reads every note, and says which file.
    func testAUserGrammarChangeRereadsEverythingAndNamesTheFile() throws {
        let rules = try scratch.write("figures/widgets.rules",
                                      "rule widgets\n  match n:<number> [lower:widgets]\n  action figure.unit count\n  example \"3 widgets\" => value=3 unit=count\n")
        try writeConfig(#"{"lexicons": ["mine.jsonl"], "grammars": ["figures/widgets.rules"]}"#)
        try importNotes()
        XCTAssertEqual(try importNotes().0.unchanged, 3)
        try scratch.write("figures/widgets.rules",
                          "rule widgets\n  match n:<number> [lower:widgets | lower:units]\n  action figure.unit count\n  example \"3 units\" => value=3 unit=count\n")
        let (summary, reread, _) = try importNotes()
        XCTAssertEqual(Set(reread.keys), ["a.txt", "b.txt", "c.txt"])
        XCTAssertEqual(summary.causes, [.init(cause: "the grammar changed (\(URL(fileURLWithPath: rules).standardizedFileURL.path) modified)", documents: 3)])
    }

    func testAStageOptionChangeRereadsEverything() throws {
        try importNotes()
        try writeConfig(#"{"lexicons": ["mine.jsonl"], "stages": [{"name": "read"}, {"name": "normalize"}, {"name": "segment", "options": {"maxSentenceLength": 1500}}, {"name": "lexicon"}, {"name": "numbers"}, {"name": "dates"}, {"name": "figures"}, {"name": "metrics"}, {"name": "companies"}, {"name": "context"}]}"#)
        let (summary, reread, _) = try importNotes()
        XCTAssertEqual(reread.count, 3)
        XCTAssertEqual(summary.causes.map(\.cause), ["the stages or their options in pipeline.json changed"])
    }
}
