import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Figure records end to end: the notes in Fixtures/figures (written for these tests, English
/// research-note and Chinese digest styles) must export the figures listed in
/// Fixtures/figures/expected.tsv with their value, unit, approximation, bounds, metric, subject
/// and change; and the corpus's headline figures come out right.
final class FigureRecordsTests: XCTestCase {
    func figures(in folder: URL) throws -> [JSONValue] {
        let scratch = try ScratchFolder()
        let ingest = try CLI.run(["ingest", folder.path, "--store", scratch.path("g.sqlite")])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let export = try CLI.run(["export", "--format", "jsonl", "--store", scratch.path("g.sqlite")])
        return try export.stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
            .filter { $0["kind"] == .string("figure") }
    }

    /// The record one of whose mentions has exactly this text.
    func record(_ text: String, in records: [JSONValue]) -> JSONValue? {
        records.first { $0["mentions"]?.arrayValue?.contains { $0["text"]?.stringValue == text } == true }
    }

    func testFixtureFiguresHaveTheirFields() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("figures")
        let records = try figures(in: folder)
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        let keys = ["value", "unit", "approx", "low", "high", "metric", "subject", "change", "period"]
        var checked = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(cells.count, keys.count + 1, "expected.tsv: \(line)")
            guard let r = record(cells[0], in: records) else { XCTFail("no figure mention \"\(cells[0])\""); continue }
            for (key, want) in zip(keys, cells.dropFirst()) where want != "*" {
                let got = r[key] ?? .null
                let expected: JSONValue
                switch want {
                case "-": expected = .null
                case "true": expected = .bool(true)
                case "false": expected = .bool(false)
                default: expected = key == "period" ? .string(want) : Double(want).map { JSONValue.number($0) } ?? .string(want)
                }
                if let g = got.doubleValue, let e = expected.doubleValue {
                    XCTAssertEqual(g, e, accuracy: abs(e) * 1e-9, "\(cells[0]) \(key)")
                } else {
                    XCTAssertEqual(got, expected, "\(cells[0]) \(key)")
                }
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// One fact said twice in a note is one record with two mentions.
    func testTheSameFigureTwiceIsOneRecord() throws {
        let scratch = try ScratchFolder()
        try "Intel capex was $20 billion.\nAgain: Intel capex was $20 billion.\n"
            .write(to: scratch.url.appendingPathComponent("twice.txt"), atomically: true, encoding: .utf8)
        let records = try figures(in: scratch.url)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?["mentions"]?.arrayValue?.count, 2)
    }

    func testCorpusHeadlineFigures() throws {
        let records = try figures(in: TestPaths.corpus)
        for (text, value, metric) in [("$700B", 7e11, "capex"), ("7000亿美元", 7e11, "capex"), ("$1.29T", 1.29e12, "revenue"),
                                      ("4310亿美元", 4.31e11, "capex"), ("6020亿美元", 6.02e11, "capex")] {
            guard let r = record(text, in: records) else { XCTFail("no figure \(text)"); continue }
            XCTAssertEqual(r["value"]?.doubleValue ?? 0, value, accuracy: 1, text)
            XCTAssertEqual(r["metric"]?.stringValue, metric, text)
        }
        // 4310亿美元 of capex in 2025, 同比增长65%: the growth is capex growth, in 2025.
        let growth = records.filter { $0["change"] == .string("yoy") && $0["value"]?.doubleValue == 65 }
        XCTAssertTrue(growth.contains { $0["metric"] == .string("capex growth") && $0["period"] == .string("2025") }, "\(growth)")
        XCTAssertEqual(record("4310亿美元", in: records)?["period"], .string("2025"))
        XCTAssertEqual(record("6020亿美元", in: records)?["period"], .string("2026"))
    }
}
