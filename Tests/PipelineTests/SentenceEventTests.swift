import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Events stated in sentences (`SentenceEvents`): a clause with an action word, a company or
/// product and a date, in English and Chinese; the dateline of a digest; status from modal
/// words and the note's date; titles; links between events; and the inputs that must give none.
final class SentenceEventTests: XCTestCase {
    func only(_ run: EventRun, file: StaticString = #filePath, line: UInt = #line) -> NodeRecord? {
        XCTAssertEqual(run.events.count, 1, "\(run.titles)", file: file, line: line)
        return run.events.first
    }

    func testEnglishPastEventWithDayDate() throws {
        let run = try EventRun("Micron announced on Oct 2, 2025 that it will add HBM capacity at its Hiroshima fab.", date: "2025-10-15")
        let e = try XCTUnwrap(only(run))
        XCTAssertEqual(run.string(e, "date"), "2025-10-02")
        XCTAssertEqual(run.string(e, "precision"), "day")
        XCTAssertEqual(run.string(e, "title"), "Micron announced that it will add HBM capacity")
        XCTAssertEqual(run.strings(e, "companies"), ["company:micron"])
        XCTAssertEqual(run.string(e, "status"), "happened")
        XCTAssertEqual(run.string(e, "action"), "announce")
        XCTAssertEqual(run.mentions(of: e).map(\.rule), ["actions/en#announce"])
        // Contract order: the records.md fields first.
        XCTAssertEqual(e.properties.prefix(5).map(\.0), RecordKind.event.contractFields)
    }

    func testPlannedAndExpectedAndFutureDates() throws {
        let planned = try EventRun("Samsung plans to start mass production of HBM4 in the first half of 2026.", date: "2025-10-15")
        let p = try XCTUnwrap(only(planned))
        XCTAssertEqual(planned.string(p, "date"), "2026-H1")
        XCTAssertEqual(planned.string(p, "precision"), "half")
        XCTAssertEqual(planned.string(p, "status"), "scheduled")
        XCTAssertEqual(planned.string(p, "title"), "Samsung plans to start mass production of HBM4")

        let expected = try EventRun("SK Hynix is expected to ship HBM4 samples to NVIDIA in Q1 2026.", date: "2025-10-15")
        let x = try XCTUnwrap(only(expected))
        XCTAssertEqual(expected.string(x, "status"), "expected")
        XCTAssertEqual(expected.string(x, "date"), "2026-Q1")
        XCTAssertEqual(expected.strings(x, "companies"), ["company:sk-hynix", "company:nvidia"])

        // No modal word: a date after the note's is scheduled, one before it happened.
        let later = try EventRun("AMD launches the MI450 in Q3 2026.", date: "2025-10-15")
        XCTAssertEqual(later.events.first.flatMap { later.string($0, "status") }, "scheduled")
        let earlier = try EventRun("AMD launches the MI450 in Q3 2026.", date: "2026-12-01")
        XCTAssertEqual(earlier.events.first.flatMap { earlier.string($0, "status") }, "happened")
    }

    func testChineseEventWithModalAndFigure() throws {
        let run = try EventRun("台积电计划于2026年下半年量产2纳米芯片。", date: "2025-11-20")
        let e = try XCTUnwrap(only(run))
        XCTAssertEqual(run.string(e, "date"), "2026-H2")
        XCTAssertEqual(run.string(e, "status"), "scheduled")
        XCTAssertEqual(run.string(e, "title"), "台积电计划量产2纳米芯片")
        XCTAssertEqual(run.strings(e, "companies"), ["company:tsmc"])
        XCTAssertEqual(run.string(e, "action"), "mass-produce")
        // The figure in the clause (2纳米) is the event's.
        XCTAssertEqual(run.strings(e, "figures").count, 1)
        XCTAssertEqual(run.edges("HAS_FIGURE").filter { $0.from == e.id }.count, 1)
        XCTAssertEqual(run.edges("ABOUT").filter { $0.from == e.id }.map(\.to), ["company:tsmc"])
    }

    /// 将 before a name is 把 (it raised Nvidia's target), not "will": the event is not scheduled.
    func testJiangBeforeANameIsNotWill() throws {
        let run = try EventRun("2025年12月15日，摩根士丹利将英伟达目标价上调至每股235美元。", date: "2025-12-17")
        let e = try XCTUnwrap(only(run))
        XCTAssertEqual(run.string(e, "status"), "happened")
        XCTAssertEqual(run.string(e, "action"), "raise")
    }

    func testDatelineDatesTheArticleAndItsHeadline() throws {
        let digest = """
        美光将在广岛量产HBM4
        示例财经· 2025-11-20 09:15
        分析人士认为，需求快速增长推动美光加快扩产。
        英特尔出售网络业务多数股权
        示例日报· 2025-11-19 18:40
        英特尔已与一家私募基金签署协议。
        """
        let run = try EventRun(digest)
        XCTAssertEqual(Set(run.titles), ["美光将量产HBM4", "美光加快扩产", "英特尔出售网络业务多数股权", "英特尔已与一家私募基金签署协议"])
        for (title, date) in [("美光将量产HBM4", "2025-11-20"), ("美光加快扩产", "2025-11-20"), ("英特尔出售网络业务多数股权", "2025-11-19"),
                              ("英特尔已与一家私募基金签署协议", "2025-11-19")] {
            let e = try XCTUnwrap(run.event(titled: title), title)
            XCTAssertEqual(run.string(e, "date"), date, title)
            XCTAssertEqual(run.string(e, "precision"), "day", title)
        }
        // A headline's modal: announced on the 20th, scheduled.
        XCTAssertEqual(run.event(titled: "美光将量产HBM4").flatMap { run.string($0, "status") }, "scheduled")
    }

    /// 携手博通研发: partner and develop are one event; the next clause, which names nobody,
    /// takes its subject and object.
    func testActionsSideBySideAndALaterClause() throws {
        let run = try EventRun("苹果携手博通研发服务器芯片，2027年投入使用。", date: "2025-12-16")
        let e = try XCTUnwrap(only(run))
        XCTAssertEqual(run.string(e, "title"), "苹果服务器芯片投入使用")
        XCTAssertEqual(run.string(e, "date"), "2027")
        XCTAssertEqual(run.string(e, "status"), "scheduled")
        let dated = try EventRun("苹果于2025年12月携手博通研发服务器芯片。", date: "2025-12-16")
        let d = try XCTUnwrap(only(dated))
        XCTAssertEqual(dated.string(d, "title"), "苹果携手博通研发服务器芯片")
        XCTAssertEqual(dated.string(d, "action"), "develop")
        XCTAssertEqual(dated.strings(d, "companies"), ["company:apple", "company:broadcom"])
    }

    /// The same facts in English and Chinese give the same ids (date, companies, action), so
    /// each language's sentence here states other events.
    func testLinksBecomeEdgesBetweenEvents() throws {
        let run = try EventRun("""
        NVIDIA launched Blackwell Ultra in March 2025, which drove Micron to raise its HBM output in June 2025.
        TSMC expanded CoWoS capacity in 2025, driven by NVIDIA, which raised its Blackwell orders in January 2025.
        AMD unveiled the MI350 in June 2025, followed by Oracle, which deployed it in September 2025.
        三星于2025年4月推出新内存，导致SK海力士于2025年7月下调报价。
        """, date: "2025-10-15")
        func id(_ title: String) -> String? { run.event(titled: title)?.id }
        let causes = run.edges("CAUSES").map { [$0.from, $0.to] }
        XCTAssertTrue(causes.contains([id("NVIDIA launched Blackwell Ultra"), id("Micron to raise its HBM output")].compactMap { $0 }), "\(run.titles)")
        // "driven by" names the effect first: the edge runs from NVIDIA's orders to TSMC's expansion.
        XCTAssertTrue(causes.contains([id("NVIDIA raised its Blackwell orders"), id("TSMC expanded CoWoS capacity")].compactMap { $0 }), "\(run.titles)")
        XCTAssertTrue(causes.contains([id("三星推出新内存"), id("SK海力士下调报价")].compactMap { $0 }), "\(run.titles)")
        // "it" takes the object of the event before: the MI350.
        XCTAssertEqual(run.edges("PRECEDES").map { [$0.from, $0.to] }, [[id("AMD unveiled the MI350"), id("Oracle deployed the MI350")].compactMap { $0 }])
        XCTAssertEqual(causes.count, 3)
    }

    /// The same event in English and in Chinese is one record with two mentions.
    func testBilingualStatementsShareOneEvent() throws {
        let run = try EventRun("AMD acquired ZT Systems in March 2025.\nAMD于2025年3月收购了ZT Systems。", date: "2025-10-15")
        let e = try XCTUnwrap(only(run))
        XCTAssertEqual(run.mentions(of: e).map(\.rule), ["actions/en#acquire", "actions/zh#acquire"])
        XCTAssertEqual(run.string(e, "date"), "2025-03")
    }

    /// A date alone, a figure alone, a question, a heading, a table row, a legend of link words,
    /// a noun that looks like a verb, a verb that modifies a noun: no event, no edge.
    func testInputsThatMustNotFire() throws {
        for text in ["2025年12月31日", "As of March 31, 2026", "$4.5 billion", "4310亿美元", "台积电会在2026年扩产吗？",
                     "Will NVIDIA launch Rubin in 2026?", "# NVIDIA launches Rubin in 2026", "| NVIDIA | launches Rubin | 2026 |",
                     "图例：导致 推动 先于 触发", "导致影响触发使能先于相关",
                     "The launch of the new chip in 2026 was discussed at length.", "Revenue rose 20% in 2025.",
                     "NVIDIA capacity is sold out through 2026.", "摩根士丹利在2025年12月最新发布的报告中测算了资本开支。",
                     "Micron launched a new memory line."] {
            let run = try EventRun(text, date: "2025-12-17")
            XCTAssertEqual(run.titles, [], text)
            XCTAssertEqual(run.edges("CAUSES").count + run.edges("PRECEDES").count, 0, text)
        }
    }

    func testTheMustNotFireFixtureGivesNoEvent() throws {
        let run = try EventRun(file: TestPaths.fixtures.appendingPathComponent("events/no-events.txt"))
        XCTAssertEqual(run.titles, [])
    }

    /// A paragraph of 400 KB without punctuation is cut into bounded sentences: every event in
    /// it is still found and dated, and matching stays linear (timed by `notegraph bench`, not here).
    func testVeryLongSentence() throws {
        let unit = "Micron ships HBM4 to NVIDIA in March 2025 and "
        let run = try EventRun(String(repeating: unit, count: 9000), date: "2025-10-15")
        XCTAssertFalse(run.events.isEmpty)
        XCTAssertEqual(Set(run.events.compactMap { run.string($0, "date") }), ["2025-03"])
        // One event (one id: date, companies, action), mentioned once per repetition found.
        XCTAssertEqual(run.events.count, 1)
        XCTAssertGreaterThan(run.mentions(of: run.events[0]).count, 8000)
        let zh = try EventRun(String(repeating: "美光于2025年3月向英伟达交付HBM4并且", count: 9000), date: "2025-10-15")
        XCTAssertEqual(Set(zh.events.compactMap { zh.string($0, "date") }), ["2025-03"])
    }
}
