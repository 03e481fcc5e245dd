import Foundation
import NoteGraphCore
import Pipeline
import TestSupport
import XCTest
@testable import Extraction

/// What the matcher learns of a token type is kept across notes by the type's number in the
/// grammar's vocabulary (`TokenVocabulary`, `TypeMemory`). A note matched after others, in a
/// vocabulary they filled, or in one that was replaced when full, must give exactly the items
/// it gives matched alone in a vocabulary of its own.
final class VocabularyTests: XCTestCase {
    /// The corpus notes and the fixture notes that are UTF-8 text.
    func texts() throws -> [String] {
        let fixtures = try FileManager.default.contentsOfDirectory(at: TestPaths.notes, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try TestPaths.corpusFiles().map { try String(contentsOf: $0, encoding: .utf8) }
            + fixtures.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// The note's items matched alone, in a vocabulary of its own.
    func alone(_ text: String, settings: PipelineSettings) throws -> [String] {
        try PlainPass.items(of: try GrammarWorkbench(settings: settings).run(text, through: "lexicon"), settings: settings).map(PlainPass.key)
    }

    /// Each note through the pipeline, in order, then in reverse order (each meets a vocabulary
    /// others filled, then one holding its own types), gives its items alone; and the notes were
    /// numbered in one vocabulary.
    func testNotesMatchedInASharedVocabularyEqualEachAlone() throws {
        let settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
        let texts = try texts()
        XCTAssertGreaterThan(texts.count, 8)
        let expected = try texts.map { try alone($0, settings: settings) }
        var vocabularies: Set<ObjectIdentifier> = []
        for i in Array(texts.indices) + texts.indices.reversed() {
            let work = try GrammarWorkbench(settings: settings).run(texts[i])
            XCTAssertEqual(work.items.map(PlainPass.key), expected[i], "note \(i)")
            XCTAssertGreaterThan(expected[i].count, 0, "note \(i)")
            vocabularies.insert(ObjectIdentifier(try XCTUnwrap(work.matchState as? DocumentView).vocabulary))
        }
        XCTAssertEqual(vocabularies.count, 1)
    }

    /// A vocabulary too small for all the notes is replaced when full, and a note with more types
    /// than it holds gets one of its own: the items are still each note's alone.
    func testAFullVocabularyIsReplaced() throws {
        let settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
        let texts = try texts()
        let expected = try texts.map { try alone($0, settings: settings) }
        let types = try texts.map { text in
            let work = try GrammarWorkbench(settings: settings).run(text, through: "lexicon")
            return DocumentView(text: work.document!.text, segments: try XCTUnwrap(work.segments), lexicon: settings.lexicon, referenceDate: nil)
                .typeCount
        }
        // Room for every note but the one with most types, and not for the others together.
        let capacity = types.sorted().dropLast().last!
        XCTAssertLessThan(capacity, types.reduce(0, +) - types.max()!)
        let small = SharedVocabulary(capacity: capacity, quiet: settings.grammar.matchers["numbers"]?.quiet?.index)
        for m in settings.grammar.matchers.values { m.vocabulary = small }
        var shared: Set<ObjectIdentifier> = [], kept: [TokenVocabulary] = []   // kept: no address is reused
        for (i, text) in texts.enumerated() {
            let work = try GrammarWorkbench(settings: settings).run(text)
            XCTAssertEqual(work.items.map(PlainPass.key), expected[i], "note \(i)")
            let vocabulary = try XCTUnwrap(work.matchState as? DocumentView).vocabulary
            if i == types.firstIndex(of: types.max()!) {
                XCTAssertEqual(vocabulary.capacity, types[i], "a vocabulary of its own")
            } else {
                XCTAssertEqual(vocabulary.capacity, capacity)
                shared.insert(ObjectIdentifier(vocabulary))
                kept.append(vocabulary)
            }
        }
        XCTAssertGreaterThan(shared.count, 1, "the shared vocabulary was replaced")
    }
}
