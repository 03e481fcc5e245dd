import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// A fact said in English and again in Chinese is one record with a mention in each language
/// (Fixtures/bilingual/qa.txt, and the corpus's bilingual Q&A), and nothing outside a translated
/// pair of paragraphs is merged for sharing a value.
final class BilingualMergeTests: XCTestCase {
    func records(_ path: URL) throws -> [JSONValue] {
        let scratch = try ScratchFolder()
        let store = scratch.path("g.sqlite")
        let ingest = try CLI.run(["ingest", path.path, "--store", store])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let export = try CLI.run(["export", "--format", "jsonl", "--store", store])
        return try export.stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
    }

    func texts(_ record: JSONValue) -> Set<String> { Set(record["mentions"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []) }

    func testFixtureFactsAreOneRecordPerLanguagePair() throws {
        let all = try records(TestPaths.fixtures.appendingPathComponent("bilingual/qa.txt"))
        for (en, zh) in [("$45B", "450亿美元"), ("$12B", "120亿美元"), ("1.2GW", "1.2GW"), ("$3–5B", "30–50亿美元")] {
            let both = all.first { $0["kind"] == .string("figure") && texts($0).isSuperset(of: [en, zh]) }
            let a = try XCTUnwrap(both, "\(en) and \(zh) are one record: \(all.filter { texts($0).contains(en) }.map(texts))")
            if en != zh { XCTAssertEqual(a["mentions"]?.arrayValue?.count, 2, en) }
            XCTAssertNotNil(a["aligned"]?.stringValue, "the record says why its mentions are one")
        }
        // The appendix's $45B is outside the translated pair: its own record.
        let figures45 = all.filter { $0["kind"] == .string("figure") && texts($0).contains("$45B") }
        XCTAssertEqual(figures45.count, 2, "\(figures45)")
        // The hedged claim, said twice, is one claim under its English text.
        let claim = try XCTUnwrap(all.first { $0["kind"] == .string("claim") && $0["text"]?.stringValue?.hasPrefix("The custom accelerator market") == true })
        XCTAssertEqual(claim["mentions"]?.arrayValue?.count, 2, "\(claim)")
    }

    func testCorpusBilingualFiguresAreOneRecordEach() throws {
        let note = try XCTUnwrap(try TestPaths.corpusFiles().first { $0.lastPathComponent.hasPrefix("001_") })
        let all = try records(note)
        for (en, zh) in [("$700B", "7000亿美元"), ("$150–350M", "1.5–3.5亿美元"), ("$2T", "2万亿美元")] {
            XCTAssertTrue(all.contains { $0["kind"] == .string("figure") && texts($0).isSuperset(of: [en, zh]) }, "\(en) and \(zh) are one record")
        }
    }
}
