import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// `notegraph lexicon add/alias/merge` through the CLI: organisations found by rule taken into
/// the lexicon, stored beside pipeline.json, applied on the next import, and kept across runs.
final class LexiconCommandTests: XCTestCase {
    func companies(in folder: ScratchFolder) throws -> [String: JSONValue] {
        let export = try CLI.run(["export"], in: folder.url)
        XCTAssertEqual(export.status, 0, export.stderr)
        var out: [String: JSONValue] = [:]
        for line in export.stdout.split(separator: "\n") {
            let record = try JSONValue.parse(Data(line.utf8))
            if record["kind"] == .string("company"), let id = record["id"]?.stringValue { out[id] = record }
        }
        return out
    }

    func orgID(named name: String, in companies: [String: JSONValue]) throws -> String {
        try XCTUnwrap(companies.first { $0.value["name"] == .string(name) && $0.value["known"] == .bool(false) }?.key, name)
    }

    func testAddAliasAndMergeApplyOnTheNextImport() throws {
        let folder = try ScratchFolder()
        try folder.write("notes/a.md", "Zentrix Holdings signed a supply deal with NVIDIA.\n\nOrbital Dynamics Group expanded its plant.\n")
        XCTAssertEqual(try CLI.run(["ingest", "notes"], in: folder.url).status, 0)
        var found = try companies(in: folder)
        let zentrix = try orgID(named: "Zentrix Holdings", in: found)
        let orbital = try orgID(named: "Orbital Dynamics Group", in: found)

        let add = try CLI.run(["lexicon", "add", zentrix], in: folder.url)
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stdout.hasPrefix("added company:zentrix-holdings"), add.stdout)
        XCTAssertEqual(try CLI.run(["lexicon", "alias", "zentrix-holdings", "Zentrix"], in: folder.url).status, 0)
        let merge = try CLI.run(["lexicon", "merge", "company:zentrix-holdings", orbital], in: folder.url)
        XCTAssertEqual(merge.status, 0, merge.stderr)

        // Nothing changes in the store until the next import; then every note is read again.
        try folder.write("notes/b.md", "Zentrix rose after the results.\n")
        let again = try CLI.run(["ingest", "notes"], in: folder.url)
        XCTAssertTrue(again.stdout.hasPrefix("2 imported, 0 unchanged"), again.stdout)
        found = try companies(in: folder)
        let entry = try XCTUnwrap(found["company:zentrix-holdings"])
        XCTAssertEqual(entry["known"], .bool(true))
        XCTAssertEqual(Set(entry["names"]?.arrayValue?.compactMap(\.stringValue) ?? []), ["Zentrix Holdings", "Zentrix", "Orbital Dynamics Group"])
        XCTAssertNil(found[zentrix], "the organisation found by rule is gone once the lexicon knows it")
        XCTAssertNil(found[orbital])

        // The corrections are a file beside the notes' configuration: a third run keeps them.
        let stored = try String(contentsOf: folder.url.appendingPathComponent("notegraph-lexicon.jsonl"), encoding: .utf8)
        XCTAssertTrue(stored.contains(#""id":"zentrix-holdings""#), stored)
        XCTAssertTrue(try CLI.run(["ingest", "notes"], in: folder.url).stdout.hasPrefix("0 imported, 2 unchanged"))
        XCTAssertNotNil(try companies(in: folder)["company:zentrix-holdings"])
    }

    func testCorrectionsThatWouldBreakTheLexiconAreRefused() throws {
        let folder = try ScratchFolder()
        try folder.write("notes/a.md", "Zentrix Holdings signed a supply deal with NVIDIA.\n")
        XCTAssertEqual(try CLI.run(["ingest", "notes"], in: folder.url).status, 0)
        let zentrix = try orgID(named: "Zentrix Holdings", in: try companies(in: folder))
        XCTAssertEqual(try CLI.run(["lexicon", "add", zentrix], in: folder.url).status, 0)

        let taken = try CLI.run(["lexicon", "alias", "zentrix-holdings", "NVDA"], in: folder.url)
        XCTAssertEqual(taken.status, 2)
        XCTAssertTrue(taken.stderr.contains("notegraph-lexicon.jsonl: line 3 (entry zentrix-holdings): \"NVDA\" is also a name of entry nvidia"), taken.stderr)
        let unknown = try CLI.run(["lexicon", "alias", "nobody", "Nobody"], in: folder.url)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no company nobody in the lexicon"), unknown.stderr)
        let known = try CLI.run(["lexicon", "add", "company:nvidia"], in: folder.url)
        XCTAssertEqual(known.status, 2)
        XCTAssertTrue(known.stderr.contains("company:nvidia is already a lexicon company"), known.stderr)
        let builtIn = try CLI.run(["lexicon", "merge", "company:zentrix-holdings", "company:nvidia"], in: folder.url)
        XCTAssertEqual(builtIn.status, 2)
        XCTAssertTrue(builtIn.stderr.contains("company:nvidia is a lexicon entry outside notegraph-lexicon.jsonl"), builtIn.stderr)
        // A refused correction leaves the file as it was.
        let stored = try String(contentsOf: folder.url.appendingPathComponent("notegraph-lexicon.jsonl"), encoding: .utf8)
        XCTAssertFalse(stored.contains("NVDA"))
    }
}
