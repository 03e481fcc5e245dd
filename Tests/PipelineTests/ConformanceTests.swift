import Foundation
import NoteGraphCore
import Pipeline
import TestSupport
import XCTest

/// The conformance runner: it reads every case, scores a case by spans, values and currency in
/// the case's own offsets, and names the file and line of a malformed case.
final class ConformanceTests: XCTestCase {
    func settings() throws -> PipelineSettings {
        try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
    }

    func write(_ lines: [String]) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try lines.joined(separator: "\n").write(to: folder.url.appendingPathComponent("cases.jsonl"), atomically: true, encoding: .utf8)
        return folder
    }

    func testEveryCaseOfTheSharedSuiteIsRunAndCounted() throws {
        let dir = TestPaths.shared.appendingPathComponent("conformance/recognizers-text")
        let lines = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }
            .map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").count }
            .reduce(0, +)
        let report = try Conformance(settings: try settings()).run(directory: dir)
        XCTAssertEqual(report.total.total, lines)
        XCTAssertGreaterThan(report.rows.count, 10)
        XCTAssertGreaterThan(report.total.passed, 0)
    }

    /// Offsets are the case's (the leading space is trimmed from the stored text but counted
    /// here); a wrong value or currency fails; an empty expectation passes only if nothing is found.
    func testScoringBySpanValueAndCurrency() throws {
        let folder = try write([
            #"{"lang": "en", "kind": "percent", "text": " margin 65% ", "expected": [{"start": 8, "end": 11, "value": 65}]}"#,
            #"{"lang": "en", "kind": "money", "text": "US$4.7 billion", "expected": [{"start": 0, "end": 14, "value": 4700000000, "currency": "USD"}]}"#,
            #"{"lang": "en", "kind": "money", "text": "US$4.7 billion", "expected": [{"start": 0, "end": 14, "value": 4700000000, "currency": "EUR"}]}"#,
            #"{"lang": "zh", "kind": "number", "text": "约1.29万亿", "expected": [{"start": 1, "end": 7, "value": 1.3e12}]}"#,
            #"{"lang": "en", "kind": "number", "text": "no figures here", "expected": []}"#,
        ])
        let report = try Conformance(settings: try settings()).run(directory: folder.url, examplesPerRow: 5)
        XCTAssertEqual(report.rows["cases.jsonl en percent"]?.passed, 1)
        XCTAssertEqual(report.rows["cases.jsonl en money"]?.passed, 1)
        XCTAssertEqual(report.rows["cases.jsonl en money"]?.total, 2)
        XCTAssertEqual(report.rows["cases.jsonl zh number"]?.passed, 0)
        XCTAssertEqual(report.rows["cases.jsonl en number"]?.passed, 1)
        XCTAssertEqual(report.examples["cases.jsonl zh number"]?.count, 1)
    }

    /// A dimension's expected value is in the suite's unit (10 Mile) and NoteGraph's in its base
    /// unit (16093.44 m): the runner converts with its unit table; a wrong unit, or one the table
    /// does not know, fails. A money sub-unit (Cent) scales the value whatever the currency.
    func testDimensionsAreComparedInNoteGraphUnits() throws {
        let folder = try write([
            #"{"lang": "en", "kind": "dimension", "text": "a 10 miles trip", "expected": [{"start": 2, "end": 10, "value": 10, "unit": "Mile"}]}"#,
            #"{"lang": "en", "kind": "dimension", "text": "a 10 miles trip", "expected": [{"start": 2, "end": 10, "value": 10, "unit": "Foot"}]}"#,
            #"{"lang": "en", "kind": "dimension", "text": "a 10 miles trip", "expected": [{"start": 2, "end": 10, "value": 10, "unit": "Furlong"}]}"#,
            #"{"lang": "en", "kind": "dimension", "text": "a 10 miles trip", "expected": [{"start": 2, "end": 10, "value": 16093.44}]}"#,
        ])
        let report = try Conformance(settings: try settings()).run(directory: folder.url, examplesPerRow: 5)
        XCTAssertEqual(report.rows["cases.jsonl en dimension"]?.passed, 1)
        XCTAssertEqual(report.rows["cases.jsonl en dimension"]?.total, 4)
        XCTAssertTrue(report.examples["cases.jsonl en dimension"]?.first?.contains("line 2") == true)
    }

    /// The suite gives money a value only: NoteGraph's bounds ("more than": low) do not fail
    /// it, and a price per unit matches a case that marks its amount only; a wrong end still fails.
    func testBoundsAndPricesPerUnitAgainstValueOnlyCases() throws {
        let folder = try write([
            #"{"lang": "en", "kind": "money", "text": "more than $247 million", "expected": [{"start": 10, "end": 22, "value": 247000000}]}"#,
            #"{"lang": "en", "kind": "money", "text": "$98 a share", "expected": [{"start": 0, "end": 3, "value": 98}]}"#,
            #"{"lang": "en", "kind": "money", "text": "$98 a share", "expected": [{"start": 1, "end": 3, "value": 98}]}"#,
        ])
        let report = try Conformance(settings: try settings()).run(directory: folder.url, examplesPerRow: 5)
        XCTAssertEqual(report.rows["cases.jsonl en money"]?.passed, 2)
        XCTAssertEqual(report.rows["cases.jsonl en money"]?.total, 3)
    }

    func testMalformedCaseNamesFileAndLine() throws {
        let folder = try write([#"{"lang": "en", "kind": "number", "text": "1", "expected": []}"#, #"{"lang": "en""#])
        XCTAssertThrowsError(try Conformance(settings: try settings()).run(directory: folder.url)) { error in
            XCTAssertTrue("\(error)".contains("cases.jsonl"), "\(error)")
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
        }
    }

    /// An excluded case is counted apart (and reported if it passes); a line naming no case or
    /// giving no reason is an error naming the exclusions file and line.
    func testExclusionsAreCountedApartAndChecked() throws {
        let folder = try write([
            #"{"lang": "en", "kind": "percent", "text": "65%", "expected": [{"start": 0, "end": 3, "value": 65}]}"#,
            #"{"lang": "en", "kind": "percent", "text": "half of it", "expected": [{"start": 0, "end": 4, "value": 50}]}"#,
        ])
        let list = folder.url.appendingPathComponent("exclusions.tsv")
        try "# comment\ncases.jsonl:1\tpasses anyway\ncases.jsonl:2\tnot a figure\n".write(to: list, atomically: true, encoding: .utf8)
        let report = try Conformance(settings: try settings()).run(directory: folder.url, exclusions: list)
        XCTAssertEqual(report.rows["cases.jsonl en percent"]?.total, 0)
        XCTAssertEqual(report.rows["cases.jsonl en percent"]?.excluded, 2)
        XCTAssertEqual(report.stale.count, 1)
        XCTAssertTrue(report.stale[0].contains("cases.jsonl:1"), report.stale[0])

        for bad in ["cases.jsonl:9\tno such case\n", "cases.jsonl:1\n"] {
            try bad.write(to: list, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try Conformance(settings: try settings()).run(directory: folder.url, exclusions: list)) { error in
                XCTAssertTrue("\(error)".contains("exclusions.tsv"), "\(error)")
                XCTAssertTrue("\(error)".contains("line 1"), "\(error)")
            }
        }
    }
}
