import NoteGraphCore
import TestSupport
import XCTest
@testable import Readers

final class NoteDateFinderTests: XCTestCase {
    let finder = NoteDateFinder.builtIn

    /// Every pattern's examples and non-examples in datelines.json.
    func testEveryPatternKeepsItsExamples() {
        XCTAssertFalse(finder.patterns.isEmpty)
        for pattern in finder.patterns {
            for example in pattern.examples {
                let found = finder.match(example.line)
                XCTAssertEqual(found?.date, example.date, "\(pattern.name): \(example.line)")
                XCTAssertEqual(found?.pattern, pattern.name, "\(example.line) matched another pattern first")
            }
            for line in pattern.nonExamples {
                XCTAssertNil(finder.match(line), "\(pattern.name) must not match: \(line)")
            }
        }
    }

    func testHTMLMetadataComesFirst() {
        let date = finder.find(metaDates: ["2024-02-29T10:00:00+08:00"], text: DocumentText("Note date: 2025-06-30"))
        XCTAssertEqual(date, NoteDate(iso: "2024-02-29", origin: "html-meta"))
    }

    func testOnlyLinesNearTheTopCount() {
        let text = String(repeating: "filler line\n", count: 20) + "Note date: 2025-06-30"
        XCTAssertNil(finder.find(metaDates: [], text: DocumentText(text)))
    }

    func testCorpusNotesDates() throws {
        let expected = ["000": "2026-04-27", "003": "2025-12-17"]
        for url in try TestPaths.corpusFiles() {
            let text = try String(contentsOf: url, encoding: .utf8)
            let key = String(url.lastPathComponent.prefix(3))
            XCTAssertEqual(finder.find(metaDates: [], text: DocumentText(text))?.iso, expected[key], url.lastPathComponent)
        }
    }
}
