import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Claim records end to end: the notes in Fixtures/claims (a Chinese broker digest and an English
/// research note written for these tests) give exactly the claims of Fixtures/claims/expected.tsv,
/// with source, modality, subjects, figures, date and flags; questions, headings, a date or a
/// figure alone give none; the corpus's broker forecasts are attributed with their figures.
final class ClaimRecordsTests: XCTestCase {
    /// Every record of the export of `folder`.
    func export(_ folder: URL) throws -> (records: [JSONValue], store: String, scratch: ScratchFolder) {
        let scratch = try ScratchFolder()
        let store = scratch.path("g.sqlite")
        let ingest = try CLI.run(["ingest", folder.path, "--store", store])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let export = try CLI.run(["export", "--format", "jsonl", "--store", store])
        let records = try export.stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        return (records, store, scratch)
    }

    func claims(_ records: [JSONValue]) -> [JSONValue] { records.filter { $0["kind"] == .string("claim") } }

    func testFixtureClaimsHaveTheirFields() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("claims")
        let found = claims(try export(folder).records)
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var expected = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(c.count, 8, "expected.tsv: \(line)")
            expected += 1
            guard let claim = found.first(where: { $0["text"]?.stringValue == c[0] }) else {
                XCTFail("no claim \"\(c[0])\"; claims: \(found.compactMap { $0["text"]?.stringValue })"); continue
            }
            func check(_ key: String, _ want: String, _ got: String) {
                if want != "*" { XCTAssertEqual(got, want, "\(c[0]): \(key)") }
            }
            check("source", c[1], claim["source"]?.stringValue ?? "-")
            check("modality", c[2], claim["modality"]?.stringValue ?? "?")
            let subjects = claim["subjects"]?.arrayValue?.compactMap(\.stringValue) ?? []
            check("subjects", c[3], subjects.isEmpty ? "-" : subjects.joined(separator: "+"))
            check("figures", c[4], String(claim["figures"]?.arrayValue?.count ?? -1))
            check("date", c[5], claim["date"]?.stringValue ?? "-")
            check("hedged", c[6], claim["hedged"] == .bool(true) ? "true" : "false")
            check("negated", c[7], claim["negated"] == .bool(true) ? "true" : "false")
            XCTAssertEqual(claim["review"], .string("pending"))
        }
        // Nothing else: the questions, headings, the date alone and the figure alone give no claim.
        XCTAssertEqual(found.count, expected, "claims: \(found.compactMap { $0["text"]?.stringValue })")
    }

    func testQuestionsHeadingsDatesAndFiguresAloneAreNoClaims() throws {
        let scratch = try ScratchFolder()
        let note = """
            # Will the memory cycle turn in 2027

            Will Nomura raise its DRAM forecast again next year?
            高盛会下调目标价吗？
            March 2026.
            About $40 billion.
            2026年3月。
            约400亿元。
            Revenue was $9 billion in the quarter.

            存储周期展望
            """
        try note.write(to: scratch.url.appendingPathComponent("none.md"), atomically: true, encoding: .utf8)
        let records = try export(scratch.url).records
        XCTAssertEqual(claims(records).map { $0["text"]?.stringValue ?? "" }, [])
    }

    /// A paragraph-long sentence of nested quotes and cues: bounded output, no blow-up (the time
    /// is not asserted; the test only has to finish).
    func testAVeryLongSentenceWithNestedQuotesStaysBounded() throws {
        let scratch = try ScratchFolder()
        var sentence = "Nomura said that"
        for i in 0..<400 { sentence += " \"Bernstein argues that 'analysts expect \"capex will rise \(i)%\"'\"," }
        try (sentence + " and that is all.\n").write(to: scratch.url.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
        let found = claims(try export(scratch.url).records)
        XCTAssertFalse(found.isEmpty)
        XCTAssertLessThan(found.count, 1300, "at most one claim per cue")
    }

    func testCorpusBrokerForecastsAreAttributedWithTheirFigures() throws {
        let found = claims(try export(TestPaths.corpus).records)
        func claim(_ source: String?, containing part: String) -> JSONValue? {
            found.first { ($0["source"]?.stringValue) == source && $0["text"]?.stringValue?.contains(part) == true }
        }
        // 003: brokers named in the digest, Chinese and English.
        for (source, part, figures) in [("company:jpmorgan", "4200亿美元", 1), ("company:huaan-securities", "4310亿美元", 3),
                                        ("company:huaan-securities", "156GW", 2), ("company:morgan-stanley", "$420 billion", 2),
                                        ("company:morgan-stanley", "$1.5 trillion", 2)] {
            guard let c = claim(source, containing: part) else { XCTFail("no claim of \(source) with \(part)"); continue }
            XCTAssertEqual(c["modality"], .string("forecast"), part)
            XCTAssertGreaterThanOrEqual(c["figures"]?.arrayValue?.count ?? 0, figures, part)
        }
        // 004: the analyst's own shipment forecasts (the note's author: source null).
        for part in ["2026 年预期超 300 万颗", "2026 年预期超 200 万颗"] {
            guard let c = claim(nil, containing: part) else { XCTFail("no author claim with \(part)"); continue }
            XCTAssertEqual(c["modality"], .string("forecast"), part)
            XCTAssertGreaterThanOrEqual(c["figures"]?.arrayValue?.count ?? 0, 3, part)
        }
    }

    func testShowPrintsAClaimWithItsSourceAndSentence() throws {
        let (records, store, scratch) = try export(TestPaths.fixtures.appendingPathComponent("claims"))
        defer { withExtendedLifetime(scratch) {} }
        let claim = try XCTUnwrap(claims(records).first { $0["source"] == .string("company:goldman-sachs") })
        let shown = try CLI.run(["show", claim["id"]!.stringValue!, "--store", store])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("source: Goldman Sachs (company:goldman-sachs)"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("高盛在最新研报中指出:2026年全球晶圆厂设备支出"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("figure: 1300亿美元"), shown.stdout)
    }
}
