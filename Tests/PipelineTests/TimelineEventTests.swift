import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Timeline lists (`TimelineLayout`): an HTML page (title, date and description each on a line
/// of their own once read) and the same page flattened to text (blocks run together, each title
/// after a teaser), both in Fixtures/events; and the corpus's flattened timeline page.
final class TimelineEventTests: XCTestCase {
    /// The page's own list, read from its markup: (title, ISO date) per `<li>`.
    func listedInHTML() throws -> [(title: String, date: String)] {
        let html = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("events/timeline.html"), encoding: .utf8)
        return html.components(separatedBy: "<li class=\"event\">").dropFirst().map { block in
            let title = block.components(separatedBy: "<h3>")[1].components(separatedBy: "</h3>")[0]
            let date = block.components(separatedBy: "datetime=\"")[1].components(separatedBy: "\"")[0]
            return (title, date)
        }
    }

    func timelineEvents(_ run: EventRun) -> [NodeRecord] {
        run.events.filter { e in run.mentions(of: e).contains { $0.rule == "events/timeline#title" } }
    }

    func assertListed(_ run: EventRun, file: StaticString = #filePath, line: UInt = #line) throws {
        let listed = try listedInHTML()
        XCTAssertEqual(listed.count, 7)
        let events = timelineEvents(run)
        XCTAssertEqual(events.count, listed.count, "\(run.titles)", file: file, line: line)
        for (title, date) in listed {
            let e = run.event(titled: title)
            XCTAssertEqual(e.flatMap { run.string($0, "date") }, date, title, file: file, line: line)
            XCTAssertEqual(e.flatMap { run.string($0, "precision") }, "day", title, file: file, line: line)
        }
        // Nothing else is an event: not the "As of" date, not the chart's labels, not the
        // descriptions' own sentences, not the legend's link words.
        XCTAssertEqual(run.events.count, listed.count, "\(run.titles)", file: file, line: line)
        XCTAssertEqual(run.edges("CAUSES").count + run.edges("PRECEDES").count, 0, file: file, line: line)
        // The page is dated 2025-09-01: the two later blocks are scheduled.
        let scheduled = events.filter { run.string($0, "status") == "scheduled" }.compactMap { run.string($0, "title") }
        XCTAssertEqual(Set(scheduled), ["Amazon books Trainium3 capacity", "TSMC opens Arizona phase two"], file: file, line: line)
        // Companies from title and description; a figure stated in the description.
        let intel = try XCTUnwrap(run.event(titled: "Intel delays Falcon Shores"))
        XCTAssertEqual(run.strings(intel, "companies"), ["company:intel"])
        let ironwood = try XCTUnwrap(run.event(titled: "Ironwood unveiled"))
        XCTAssertEqual(run.strings(ironwood, "companies"), ["company:google"])
        XCTAssertEqual(run.string(ironwood, "action"), "launch")
        // The highlights strip's teaser is a mention of its event.
        let micron = try XCTUnwrap(run.event(titled: "Micron samples HBM4"))
        XCTAssertTrue(run.mentions(of: micron).contains { $0.rule == "events/timeline#teaser" && $0.text == "Micron samples HBM..." }, file: file, line: line)
    }

    func testHTMLTimeline() throws {
        let run = try EventRun(file: TestPaths.fixtures.appendingPathComponent("events/timeline.html"))
        try assertListed(run)
        let intel = try XCTUnwrap(run.event(titled: "Intel delays Falcon Shores"))
        XCTAssertEqual(run.strings(intel, "figures").count, 1, "the $400M target")
    }

    func testFlattenedTimeline() throws {
        let run = try EventRun(file: TestPaths.fixtures.appendingPathComponent("events/timeline-flat.txt"))
        try assertListed(run)
        // A short title is written twice without an ellipsis; its teaser is the first copy.
        let ironwood = try XCTUnwrap(run.event(titled: "Ironwood unveiled"))
        XCTAssertEqual(run.mentions(of: ironwood).filter { $0.rule == "events/timeline#teaser" }.count, 1)
        // The date inside a description (Oct 15, 2024) is no block, and the description it is in
        // stays whole: the next block starts at the next teaser.
        XCTAssertNil(run.events.first { run.string($0, "date") == "2024-10-15" })
        // A block's mentions show the block, not the whole flattened line.
        let hynix = try XCTUnwrap(run.event(titled: "SK Hynix starts HBM3E 12-high"))
        let title = try XCTUnwrap(run.mentions(of: hynix).first { $0.rule == "events/timeline#title" })
        let text = run.work.document!.text
        let shown = text.slice(text.utf16Offset(scalar: title.sentenceStart)..<text.utf16Offset(scalar: title.sentenceEnd))
        XCTAssertTrue(shown.hasPrefix("SK Hynix starts HB...SK Hynix starts HBM3E 12-high Sep 26, 2024 SK Hynix begins"), shown)
        XCTAssertTrue(shown.hasSuffix("due by Oct 15, 2024."), shown)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The corpus's timeline page: each of its 69 blocks comes out once, at the date written in
    /// it, titled with its full title; the page's "As of" date and its chart labels are not events.
    func testCorpusTimelinePage() throws {
        let url = try XCTUnwrap(TestPaths.corpusFiles().first { $0.lastPathComponent.hasPrefix("000_") })
        let page = try String(contentsOf: url, encoding: .utf8)
        // The dates the page writes, as ISO, except the one after "As of".
        let pattern = try NSRegularExpression(pattern: "(As of)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{1,2}), (\\d{4})")
        var written: [String] = []
        for m in pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)) where m.range(at: 1).location == NSNotFound {
            let s = { (k: Int) in String(page[Range(m.range(at: k), in: page)!]) }
            written.append(String(format: "%@-%02d-%02d", s(4), Self.months.firstIndex(of: s(2))! + 1, Int(s(3))!))
        }
        XCTAssertEqual(written.count, 69)

        let run = try EventRun(file: url)
        let events = timelineEvents(run)
        XCTAssertEqual(events.count, 69)
        XCTAssertEqual(events.compactMap { run.string($0, "date") }.sorted(), written.sorted())
        for e in events {
            let title = run.string(e, "title") ?? ""
            let date = run.string(e, "date") ?? ""
            XCTAssertFalse(title.isEmpty)
            // The full title stands right before its date, after its teaser (cut with an
            // ellipsis, or written twice when short).
            let parts = date.split(separator: "-").map { Int($0)! }
            let written = "\(title) \(Self.months[parts[1] - 1]) \(parts[2]), \(parts[0])"
            XCTAssertTrue(page.contains(written), written)
            XCTAssertTrue(page.contains(String(title.prefix(18)) + "..." + title) || page.contains(title + title), title)
        }
        // Only timeline events: the chart's labels repeat titles without a date.
        XCTAssertEqual(run.events.count, 69, "\(Set(run.titles).subtracting(events.compactMap { run.string($0, "title") }))")
    }
}
