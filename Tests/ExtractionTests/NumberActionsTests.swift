import NoteGraphCore
import Pipeline
import XCTest
@testable import Extraction

/// The numbers stage's readings and refusals: the item value contract the figures stage and the
/// conformance runner rely on ({value}, {value, approx}, {low, high}), and bad input that must
/// give no item rather than a wrong value.
final class NumberActionsTests: XCTestCase {
    func settings() throws -> PipelineSettings {
        try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
    }

    /// The numbers stage's winning items in `text`: (matched text, value).
    func numbers(_ text: String) throws -> [(String, JSONValue)] {
        let work = try GrammarWorkbench(settings: try settings()).run(text)
        let t = work.document!.text
        return work.items.filter { $0.dimension == "number" }.map { (t.slice(Int($0.start)..<Int($0.end)), $0.value) }
    }

    func one(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue? {
        let found = try numbers(text)
        XCTAssertEqual(found.count, 1, "\(text): \(found)", file: file, line: line)
        XCTAssertEqual(found.first?.0, text.precomposedStringWithCompatibilityMapping, file: file, line: line)
        return found.first?.1
    }

    func assertValue(_ text: String, _ value: Double, approx: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try one(text, file: file, line: line)
        XCTAssertEqual(v?["value"]?.doubleValue ?? .nan, value, accuracy: abs(value) * 1e-12, "\(text)", file: file, line: line)
        XCTAssertEqual(v?["approx"] == .bool(true), approx, "\(text) approx", file: file, line: line)
        XCTAssertNil(v?["low"], file: file, line: line)
    }

    func assertRange(_ text: String, low: Double?, high: Double?, approx: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try one(text, file: file, line: line)
        XCTAssertNil(v?["value"], "\(text): a range has no value", file: file, line: line)
        XCTAssertEqual(v?["low"]?.doubleValue, low, "\(text) low", file: file, line: line)
        XCTAssertEqual(v?["high"]?.doubleValue, high, "\(text) high", file: file, line: line)
        XCTAssertEqual(v?["approx"] == .bool(true), approx, "\(text) approx", file: file, line: line)
    }

    func testPlainNumbers() throws {
        try assertValue("1,234.5", 1234.5)
        try assertValue(".08", 0.08)
        try assertValue("-3", -3)
        try assertValue("−3", -3)
        try assertValue("+65", 65)
        try assertValue("３，２５０", 3250)
        try assertValue("1.29万亿", 1.29e12)
        try assertValue("2,580亿", 2.58e11)
        try assertValue("1,100.9亿", 1.1009e11)
        try assertValue("十二万五千", 125_000)
        try assertValue("三点五", 3.5)
        try assertValue("两百点零二", 200.02)
        try assertValue("壹佰贰拾", 120)
        try assertValue("二〇二四", 2024)
        try assertValue("三分之一", 1.0 / 3)
        try assertValue("0.8T", 8e11)
        try assertValue("750 million", 7.5e8)
        try assertValue("one hundred and twenty-three", 123)
        try assertValue("a dozen", 12)
        try assertValue("half a million", 5e5)
        try assertValue("1.5 million", 1.5e6)
        try assertValue("two thirds", 2.0 / 3)
        try assertValue("1/3", 1.0 / 3)
        try assertValue("3 hundred and 21", 321)
    }

    func testApproximateValues() throws {
        try assertValue("200多亿", 2e10, approx: true)
        try assertValue("600余", 600, approx: true)
        try assertValue("三十几万", 3e5, approx: true)
        try assertValue("十余万", 1e5, approx: true)
    }

    func testRanges() throws {
        try assertRange("31.5-40B", low: 3.15e10, high: 4e10)
        try assertRange("5–10", low: 5, high: 10)
        try assertRange("12～18", low: 12, high: 18)
        try assertRange("四到六", low: 4, high: 6)
        try assertRange("5至8", low: 5, high: 8)
        try assertRange("3-6万", low: 3e4, high: 6e4)
        try assertRange("between 3 and 5", low: 3, high: 5)
        try assertRange("2 to 4 billion", low: 2e9, high: 4e9)
    }

    func testVagueAmountsAreApproximateRanges() throws {
        try assertRange("几十万", low: 2e5, high: 9e5, approx: true)
        try assertRange("数十亿", low: 2e9, high: 9e9, approx: true)
        try assertRange("小几十万", low: 1e5, high: 3e5, approx: true)
        try assertRange("上千", low: 1000, high: nil, approx: true)
        try assertRange("百万级", low: 1e6, high: 1e7, approx: true)
    }

    func testBounds() throws {
        try assertRange("大于二十", low: 20, high: nil)
        try assertRange("小于等于三十五", high: 35)
        try assertRange("more than 20 and less than 35", low: 20, high: 35)
        try assertRange("at least 12", low: 12, high: nil)
        try assertRange("up to 700", low: nil, high: 700)
        let v = try one("大于10小于20")
        XCTAssertEqual(v?["lowInclusive"], .bool(false))
        XCTAssertEqual(v?["highInclusive"], .bool(false))
        // "and" joins no two amounts: 4.7 billion and 65 are two numbers.
        XCTAssertEqual(try numbers("4.7 billion and 65 of them").map(\.0), ["4.7 billion", "65"])
        // Two bounds that make no range are two bounds.
        XCTAssertEqual(try numbers("more than 40 and less than 10").map(\.0), ["more than 40", "less than 10"])
    }

    func assertRange(_ text: String, high: Double?) throws { try assertRange(text, low: nil, high: high) }

    /// Absurd values, malformed numbers and mixed scripts: no item, never a wrong value.
    func testBadInputGivesNoNumber() throws {
        for text in ["10^400", "1e400", "99999999999999999999亿", "99999999999999999999", "9999999亿亿亿",
                     "1,23", "1,2,3,4", "1,2bn", "1/0"] {
            let found = try numbers(text)
            XCTAssertFalse(found.contains { $0.0 == text }, "\(text): \(found)")
            for (_, v) in found {
                for key in ["value", "low", "high"] {
                    if let d = v[key]?.doubleValue { XCTAssertLessThanOrEqual(abs(d), 1e18, "\(text): \(found)") }
                }
            }
        }
        // What is left of an unreadable amount is no number either (9999999 of 9999999亿亿亿).
        XCTAssertEqual(try numbers("9999999亿亿亿").count, 0)
        // Dotted runs are no number at all.
        XCTAssertEqual(try numbers("1..2").count, 0)
        XCTAssertEqual(try numbers("10.0.0.1").count, 0)
        // 两两 and 五十千 are not numbers; a lone 伍 or 陆 is a word (队伍, 陆地).
        XCTAssertEqual(try numbers("两两").count, 0)
        XCTAssertEqual(try numbers("五十千").filter { $0.1["value"]?.doubleValue == 50_000 || $0.1["value"]?.doubleValue == 1000 }.count, 0)
        XCTAssertEqual(try numbers("伍").count, 0)
        // Mixed scripts inside one number: 3五 is no number 35.
        XCTAssertEqual(try numbers("3五万").filter { $0.1["value"]?.doubleValue == 350_000 }.count, 0)
        // Dates and phone numbers are no ranges.
        XCTAssertEqual(try numbers("2025-12").filter { $0.1["low"] != nil }.count, 0)
        XCTAssertEqual(try numbers("+1-415-5550").filter { $0.1["low"] != nil }.count, 0)
        XCTAssertEqual(try numbers("7/15/2025").filter { $0.1["value"]?.doubleValue.map { $0 < 1 } == true }.count, 0)
    }

    func testReadersDirectly() {
        XCTAssertNil(NumberText.arabic("1,23"))
        XCTAssertNil(NumberText.arabic("1,2,3,4"))
        XCTAssertNil(NumberText.arabic("1..2"))
        XCTAssertEqual(NumberText.arabic("1,234,567.8"), 1_234_567.8)
        XCTAssertNil(NumberText.scientific("1e400"))
        XCTAssertNil(NumberText.chinese("九千九百亿亿亿亿"))
        XCTAssertNil(NumberText.chinese("万"))
        XCTAssertNil(NumberText.chinese("两两"))
        XCTAssertEqual(NumberText.chinese("一千零一"), .init(1001))
        XCTAssertEqual(NumberText.chinese("四万万"), .init(4e8))
        XCTAssertEqual(NumberText.chinese("负三十二"), .init(-32))
        XCTAssertEqual(NumberText.chinese("一百多万"), .init(1e6, approx: true))
        XCTAssertNil(NumberText.chinese("百分之五"))
        XCTAssertNil(NumberText.english("the"))
        XCTAssertNil(NumberText.english("three two"))
        XCTAssertEqual(NumberText.english("twenty-one trillion and three hundred"), .init(21e12 + 300))
        XCTAssertNil(NumberText.fraction("2024/25"))
    }
}
