import NoteGraphCore
import Pipeline
import TestSupport
import XCTest
@testable import Extraction

/// The `dates` stage: calendar validity (no item for a day that does not exist), leap years,
/// relative dates resolved against the note's date, and nothing at all without one.
final class DateActionsTests: XCTestCase {
    let settings = Result { try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: ".")) }

    /// The date items of `text` as (matched text, value), with the note dated `reference`.
    func dates(_ text: String, reference: String? = nil) throws -> [(String, JSONValue)] {
        let work = try GrammarWorkbench(settings: try settings.get()).run(text, referenceDate: reference)
        let t = work.document!.text
        return work.items.filter { $0.dimension == "date" }.map { (t.slice(Int($0.start)..<Int($0.end)), $0.value) }
    }

    func date(_ text: String, reference: String? = nil) throws -> String? {
        try dates(text, reference: reference).first?.1["date"]?.stringValue
    }

    func testLeapYears() {
        XCTAssertTrue(CalendarDate.isLeap(2024))
        XCTAssertTrue(CalendarDate.isLeap(2000))
        XCTAssertFalse(CalendarDate.isLeap(1900))
        XCTAssertFalse(CalendarDate.isLeap(2019))
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2019, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2100, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2025, month: 4, day: 31))
        XCTAssertNil(CalendarDate(year: 2025, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2025, month: 0, day: 1))
    }

    func testArithmetic() throws {
        XCTAssertTrue(CalendarDate.addMonths(-1, toYear: 2025, month: 1) == (2024, 12))
        XCTAssertTrue(CalendarDate.addMonths(3, toYear: 2025, month: 11) == (2026, 2))
        let d = try XCTUnwrap(CalendarDate(iso: "2024-02-28"))
        XCTAssertEqual(d.adding(days: 1)?.iso, "2024-02-29")
        XCTAssertEqual(d.adding(days: 2)?.iso, "2024-03-01")
        XCTAssertEqual(CalendarDate(iso: "2025-01-01")?.adding(days: -1)?.iso, "2024-12-31")
        XCTAssertEqual(CalendarDate(iso: "2025-06-30")?.weekday, 0)   // a Monday
        XCTAssertEqual(CalendarDate(iso: "2024-12-25")?.weekday, 2)   // a Wednesday
        XCTAssertNil(CalendarDate(iso: "2025-02-30"))
    }

    func testYearsAreNotDurations() {
        XCTAssertEqual(DateText.year("2025年"), 2025)
        XCTAssertEqual(DateText.year("二〇二五年"), 2025)
        XCTAssertEqual(DateText.year("两千零四年"), 2004)
        XCTAssertEqual(DateText.year("零八年"), 2008)
        XCTAssertNil(DateText.year("二十年"))
        XCTAssertNil(DateText.year("三五年"))
        XCTAssertNil(DateText.year("五年"))
    }

    func testDaysThatDoNotExistGiveNoItem() throws {
        for text in ["2019-02-29", "2025-13-01", "2025-04-31", "2019年2月29日", "2025年13月", "2025年4月31日", "Feb 29, 2019", "31 Apr 2026"] {
            XCTAssertEqual(try dates(text, reference: "2024-06-30").map(\.0), [], text)
        }
        XCTAssertEqual(try dates("4月31日", reference: "2025-06-30").map(\.0), [])
        XCTAssertEqual(try dates("13月", reference: "2025-06-30").map(\.0), [])
        // The same day in a leap year is a date.
        XCTAssertEqual(try date("2024-02-29"), "2024-02-29")
        XCTAssertEqual(try date("2024年2月29日"), "2024-02-29")
        XCTAssertEqual(try date("2月29日", reference: "2024-03-01"), "2024-02-29")
        // A yearless February 29th in a year without one is the last leap year's (written with
        // its year it stays refused, above).
        XCTAssertEqual(try date("2月29日", reference: "2025-03-01"), "2024-02-29")
        XCTAssertEqual(try date("Feb 29", reference: "2019-03-22"), "2016-02-29")
    }

    func testAbsoluteDatesAtTheirPrecision() throws {
        let cases: [(String, String, String)] = [
            ("Shipments began May 10, 2017.", "2017-05-10", "day"),
            ("报告发布于2025年12月17日。", "2025-12-17", "day"),
            ("Revenue for April 2024 rose.", "2024-04", "month"),
            ("2025年第三季度收入增长", "2025-Q3", "quarter"),
            ("Margins fell in 3Q25.", "2025-Q3", "quarter"),
            ("Guidance for 2H25 held.", "2025-H2", "half"),
            ("二〇二五年营收", "2025", "year"),
        ]
        for (text, iso, precision) in cases {
            let found = try dates(text)
            XCTAssertEqual(found.count, 1, text)
            XCTAssertEqual(found.first?.1["date"]?.stringValue, iso, text)
            XCTAssertEqual(found.first?.1["precision"]?.stringValue, precision, text)
            XCTAssertNil(found.first?.1["relative"], text)
        }
        let estimate = try dates("EPS of $5 in 2026E").first?.1
        XCTAssertEqual(estimate?["estimate"], .bool(true))
        let fiscal = try dates("FY26 revenue").first?.1
        XCTAssertEqual(fiscal?["fiscal"], .bool(true))
        XCTAssertEqual(fiscal?["date"]?.stringValue, "2026")
        let fiscalQuarter = try dates("Data center revenue in Q3 FY26 beat.").first?.1
        XCTAssertEqual(fiscalQuarter?["date"]?.stringValue, "2026-Q3")
        XCTAssertEqual(fiscalQuarter?["fiscal"], .bool(true))
        XCTAssertEqual(try date("Margins in 1QFY26 and H1'26"), "2026-Q1")
        XCTAssertEqual(try dates("Margins in 1QFY26 and H1'26").last?.1["date"]?.stringValue, "2026-H1")
        XCTAssertEqual(try date("2025年至2030年复合增速"), "2025/2030")
        XCTAssertEqual(try date("时间从2016年一月十日到十二日"), "2016-01-10/2016-01-12")
    }

    func testBareNumbersAreNotYears() throws {
        XCTAssertEqual(try dates("They bought 2025 GPUs.").map(\.0), [])
        XCTAssertEqual(try dates("Capex will double by 2030.").map { $0.1["date"]?.stringValue }, ["2030"])
    }

    func testRelativeDatesResolveAgainstTheReference() throws {
        let ref = "2025-06-30"
        XCTAssertEqual(try date("明年资本开支", reference: ref), "2026")
        XCTAssertEqual(try date("去年同期", reference: ref), "2024")
        XCTAssertEqual(try date("前年", reference: ref), "2023")
        XCTAssertEqual(try date("今年下半年需求", reference: ref), "2025-H2")
        XCTAssertEqual(try dates("今年下半年", reference: ref).first?.1["relative"]?.stringValue, "this-year-h2")
        XCTAssertEqual(try date("年底前完成", reference: ref), "2025-12")
        XCTAssertEqual(try date("三季度出货", reference: ref), "2025-Q3")
        XCTAssertEqual(try date("12月17日发布", reference: ref), "2025-12-17")
        XCTAssertEqual(try date("Launch on Dec 17.", reference: ref), "2025-12-17")
        XCTAssertEqual(try date("Orders rose next year.", reference: ref), "2026")
        XCTAssertEqual(try date("Sales slowed last quarter.", reference: ref), "2025-Q1")
        XCTAssertEqual(try date("last quarter", reference: "2025-01-15"), "2024-Q4")
        XCTAssertEqual(try date("this week", reference: ref), "2025-06-30/2025-07-06")
    }

    /// Days, weeks, weekdays, windows and decades counted from the note's date (a Monday).
    func testDaysAndWindowsCountedFromTheNote() throws {
        let ref = "2025-06-30"
        let cases: [(String, String)] = [
            ("Shares fell 5% yesterday.", "2025-06-29"),
            ("Results are due in two weeks.", "2025-07-14"),
            ("The deal closed 3 days ago.", "2025-06-27"),
            ("三天后公布", "2025-07-03"),
            ("5年前的水平", "2020-06-30"),
            ("Sales rose on Friday.", "2025-06-27"),
            ("上周五收盘", "2025-06-27"),
            ("Orders grew over the past 3 years.", "2022-06-30/2025-06-29"),
            ("过去十年", "2015-06-30/2025-06-29"),
            ("Growth in the 1990s was faster.", "1990/1999"),
            ("90年代", "1990/1999"),
            ("Revenue fell in the last 2 quarters.", "2024-Q4/2025-Q1"),
            ("Capex rose year-to-date.", "2025-01-01/2025-06-30"),
            ("Demand picks up this summer.", "2025-06/2025-08"),
            ("Capacity doubles by late 2026.", "2026-09-01/2026-12-31"),
        ]
        for (text, want) in cases { XCTAssertEqual(try date(text, reference: ref), want, text) }
        // A day of the month alone needs a preposition: "the 27th floor" is no date.
        XCTAssertEqual(try dates("Offices on the 27th floor.", reference: ref).map(\.0), [])
        XCTAssertEqual(try date("Payment is due on the 27th.", reference: ref), "2025-06-27")
    }

    /// Open ranges keep both ends included and write the missing one as `..`.
    func testOpenRanges() throws {
        let ref = "2025-06-30"
        XCTAssertEqual(try date("Sales rose since 2019.", reference: ref), "2019/..")
        XCTAssertEqual(try date("Prices fell after 2018.", reference: ref), "2019/..")
        XCTAssertEqual(try date("It held before 2010.", reference: ref), "../2009")
        XCTAssertEqual(try date("until March 2026", reference: ref), "../2026-03")
        XCTAssertEqual(try date("2018年以来", reference: ref), "2018/..")
        XCTAssertEqual(try date("2015年1月1日之前", reference: ref), "../2014-12-31")
        XCTAssertEqual(try dates("since 2019").first?.1["open"]?.stringValue, "since")
    }

    func testCalendarHelpers() throws {
        XCTAssertEqual(CalendarDate.step("2025-Q4", by: 1), "2026-Q1")
        XCTAssertEqual(CalendarDate.step("2025-H1", by: -1), "2024-H2")
        XCTAssertEqual(CalendarDate.step("2024-02-28", by: 2), "2024-03-01")
        XCTAssertTrue(CalendarDate.bounds("2025-Q3")! == (CalendarDate(iso: "2025-07-01")!, CalendarDate(iso: "2025-09-30")!))
        XCTAssertEqual(CalendarDate(iso: "2024-01-31")?.adding(months: 1)?.iso, "2024-02-29")
        // NVIDIA's fiscal year ends in January: FY2026 is February 2025 to January 2026.
        XCTAssertEqual(CalendarDate.calendarPeriod(ofFiscal: "2026", yearEndingIn: 1), "2025-02/2026-01")
        XCTAssertEqual(CalendarDate.calendarPeriod(ofFiscal: "2026-Q1", yearEndingIn: 1), "2025-02/2025-04")
        XCTAssertEqual(CalendarDate.calendarPeriod(ofFiscal: "2025-H2", yearEndingIn: 6), "2025-01/2025-06")
        XCTAssertNil(CalendarDate.calendarPeriod(ofFiscal: "2026", yearEndingIn: 12))
        XCTAssertEqual(DateText.words("twentysecond"), 22)
        XCTAssertEqual(DateText.weekday("周五"), 4)
    }

    /// A fiscal period of a company whose lexicon entry says where its year ends becomes
    /// calendar months in the figure's period; a calendar-year company keeps the year.
    func testFiscalPeriodsFollowTheSubjectsFiscalYear() throws {
        let work = try GrammarWorkbench(settings: try settings.get()).run("NVIDIA's FY2026 revenue was $130 billion.")
        let figure = work.extraction.nodes.first { $0.kind == .figure }
        XCTAssertEqual(figure?.property("subject")?.stringValue, "company:nvidia")
        XCTAssertEqual(figure?.property("period")?.stringValue, "2025-02/2026-01")
    }

    func testWithoutAReferenceRelativeDatesGiveNothing() throws {
        for text in ["明年资本开支", "今年下半年", "三季度出货", "12月17日发布", "Launch on Dec 17.", "next year", "last quarter", "this week"] {
            XCTAssertEqual(try dates(text).map(\.0), [], text)
        }
    }

    func testDateline() throws {
        let found = try dates("Some Wire· 2025-12-17 03:37\nShares rose.")
        XCTAssertEqual(found.first?.1["date"]?.stringValue, "2025-12-17")
        XCTAssertEqual(found.first?.1["dateline"], .bool(true))
        XCTAssertNil(try dates("On 2025-12-17 shares rose.").first?.1["dateline"])
    }
}
