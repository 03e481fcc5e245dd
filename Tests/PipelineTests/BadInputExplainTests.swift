import Extraction
import Foundation
import GraphStore
import NoteGraphCore
import Pipeline
import TestSupport
import XCTest

/// Issue 4's bad input: absurd values, malformed numbers, days that do not exist and numbers
/// written in two scripts never crash and never give a wrong value in silence. Each is skipped
/// with a reason `notegraph grammar explain` shows, and a note holding them stores no figure
/// or period read from them.
final class BadInputExplainTests: XCTestCase {
    var settings: PipelineSettings!

    override func setUpWithError() throws {
        settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
    }

    /// (text, the rule that refuses, the reason explain must print for it).
    let cases: [(text: String, rule: String, reason: String)] = [
        ("10^400", "numbers/en#arabic", "value beyond ±1e18 (10^400)"),
        ("1e400", "numbers/en#arabic", "value beyond ±1e18 (1e400)"),
        ("99999999999999999999亿", "numbers/zh#mixed", "value beyond ±1e18 (99999999999999999999亿)"),
        ("九千九百九十九万九千九百九十九亿亿亿", "numbers/zh#plain", "value beyond ±1e18"),
        ("1..2", "numbers/en#arabic", "inside a dotted run of digits"),
        ("1,2,3,4", "numbers/en#arabic", "commas that do not separate groups of three digits (1,2,3,4)"),
        ("2019-02-29", "dates/en#iso_date", "2019-02-29 does not exist"),
        ("2019年2月29日", "dates/zh#year_month_day", "2019-02-29 does not exist"),
        ("13月", "dates/zh#month_day", "month 13 does not exist"),
        ("Feb 30, 2024", "dates/en#month_day_year", "2024-02-30 does not exist"),
        ("12三4", "numbers/en#arabic", "Arabic digits and Chinese numerals mixed with no unit between them"),
        ("五十千", "numbers/zh#plain", "Chinese numeral units out of order or with no number (五十千)"),
        ("Tel: +86 138-2010-2015", "dates/en#year_range", "one link of a chain of numbers joined by - or /"),
    ]

    func testExplainNamesTheRuleAndTheReason() throws {
        let explainer = GrammarExplainer(settings: settings)
        for c in cases {
            let out = try explainer.explain(c.text, referenceDate: "2025-06-30")
            let refused = out.split(separator: "\n").filter { $0.contains("✗") && $0.contains(c.rule + " refused: ") }
            XCTAssertTrue(refused.contains { $0.contains(c.reason) }, "\(c.text): no refusal by \(c.rule) saying \"\(c.reason)\" in\n\(out)")
        }
    }

    /// The pieces of a refused number are no numbers either (10^400 is not 10 and 400, 12三4 not
    /// 12, 3 and 4), and a day that does not exist gives no date, not a shorter one.
    func testNoItemIsReadFromBadInput() throws {
        let bench = GrammarWorkbench(settings: settings)
        for c in cases {
            let work = try bench.run(c.text, referenceDate: "2025-06-30")
            let dimension = c.rule.hasPrefix("dates/") ? "date" : "number"
            XCTAssertEqual(work.items.filter { $0.dimension == dimension }.map(\.value.serialized), [], c.text)
        }
    }

    /// The ordinary path (no explain) refuses the same matches and builds no reason.
    func testRefusalsAreKeptOnlyWhenExplaining() throws {
        let work = try GrammarWorkbench(settings: settings).run("1,2,3,4 and 10^400", through: "lexicon")
        let segments = try XCTUnwrap(work.segments)
        let view = DocumentView(text: try XCTUnwrap(work.document).text, segments: segments, lexicon: work.lexicon, referenceDate: nil)
        let matcher = try XCTUnwrap(settings.grammar.matchers["numbers"])
        let scratch = matcher.scratch(for: view)
        XCTAssertEqual(matcher.match(view, sentence: segments.sentences[0], scratch: scratch).items.count, 0)
        XCTAssertEqual(scratch.refused.count, 0)
        _ = matcher.match(view, sentence: segments.sentences[0], scratch: scratch, keepCandidates: true)
        XCTAssertGreaterThanOrEqual(scratch.refused.count, 3)
    }

    /// A whole note of bad figures imports (no crash, no error) and stores no figure whose
    /// mention lies in the bad text, and no period that does not exist.
    func testANoteOfBadInputStoresNoFigureFromIt() throws {
        let bad = ["99999999999999999999亿元", "$10^400", "1..2%", "1,2,3,4 units", "12三4亿元"]
        let note = """
        # Model check

        Revenue reached 99999999999999999999亿元 in the bear case. Capex of $10^400 is a typo.
        Margins of 1..2% were quoted, and volumes of 1,2,3,4 units. 公司收入12三4亿元。
        The deal closed on 2019-02-29 for $5m. 2019年2月29日签约，13月交付500万台。
        """
        let scratch = try ScratchFolder()
        let path = scratch.path("bad-figures.md")
        try note.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try SQLiteGraphStore(path: scratch.path("store.sqlite"))
        var failures: [String] = []
        let summary = BatchImporter(settings: settings, store: store).run(paths: [path]) { event in
            if case let .failed(_, message, _) = event { failures.append(message) }
        }
        XCTAssertEqual(failures, [])
        XCTAssertEqual(summary.failed, 0)
        var figures: [JSONValue] = []
        var stored = ""
        try store.export { line in
            let record = try JSONValue.parse(Data(line.utf8))
            if record["kind"]?.stringValue == "figure" { figures.append(record) }
            if record["kind"]?.stringValue == "document" { stored = record["text"]?.stringValue ?? "" }
        }
        // Mentions are UTF-16 offsets into the stored (normalised) text.
        let units = stored.utf16
        let badRanges: [Range<Int>] = bad.compactMap { b in
            guard let r = stored.range(of: b) else { return nil }
            return units.distance(from: units.startIndex, to: r.lowerBound)..<units.distance(from: units.startIndex, to: r.upperBound)
        }
        XCTAssertEqual(badRanges.count, bad.count)
        for figure in figures {
            for mention in figure["mentions"]?.arrayValue ?? [] {
                guard let s = mention["start"]?.doubleValue.map(Int.init), let e = mention["end"]?.doubleValue.map(Int.init) else { continue }
                XCTAssertFalse(badRanges.contains { $0.overlaps(s..<e) }, "figure from bad text: \(figure.serialized)")
            }
            let period = figure["period"]?.stringValue ?? ""
            XCTAssertFalse(period.contains("2019-02-29") || period.contains("-13"), "impossible period: \(figure.serialized)")
        }
        // The good figure beside the bad day is kept: bad input costs only itself.
        XCTAssertTrue(figures.contains { $0["value"]?.doubleValue == 5_000_000 && $0["unit"]?.stringValue == "USD" })
    }
}
