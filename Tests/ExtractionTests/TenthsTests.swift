import XCTest
@testable import Extraction

/// Chinese ratios read as percentages (Tenths) and the currency word tables (CurrencyWords):
/// the readings rules rely on and the forms they must refuse rather than misread.
final class TenthsTests: XCTestCase {
    func testTenthsAndDiscounts() {
        XCTAssertEqual(Tenths.percent("三成七", mark: "成"), 37)
        XCTAssertEqual(Tenths.percent("七成 六", mark: "成"), 76)
        XCTAssertEqual(Tenths.percent("半成", mark: "成"), 5)
        XCTAssertEqual(Tenths.percent("十成", mark: "成"), 100)
        XCTAssertEqual(Tenths.percent("八五折", mark: "折"), 85)
        XCTAssertEqual(Tenths.percent("8.5折", mark: "折"), 85)
        XCTAssertEqual(Tenths.percent("打对折", mark: "折"), 50)
        // Not ratios: more than ten tenths, no discount, three digits, a stray character.
        XCTAssertNil(Tenths.percent("十一成", mark: "成"))
        XCTAssertNil(Tenths.percent("十折", mark: "折"))
        XCTAssertNil(Tenths.percent("120折", mark: "折"))
        XCTAssertNil(Tenths.percent("对成", mark: "成"))
        XCTAssertNil(Tenths.percent("三成十", mark: "成"))
    }

    func testSharesOfAPowerOfTen() {
        XCTAssertEqual(Tenths.parts("百分之三十"), 30)
        XCTAssertEqual(Tenths.parts("百分之百"), 100)
        XCTAssertEqual(Tenths.parts("千分之2.4")!, 0.24, accuracy: 1e-12)
        XCTAssertEqual(Tenths.parts("百万万分之七")!, 7e-8, accuracy: 1e-20)
        // 十分之一 and 三分之一 are fractions (the numbers stage's), 百分 alone is no amount.
        XCTAssertNil(Tenths.parts("十分之一"))
        XCTAssertNil(Tenths.parts("三百分之一"))
        XCTAssertNil(Tenths.parts("百分之"))
    }

    func testCurrencyWordsIgnoreSpacesCaseAndDots() {
        let words = CurrencyWords(["australiandollars=AUD", "cents=USD*0.01", "us$=USD", "/share=share"])
        XCTAssertEqual(words.lookup("Australian  dollars")?.code, "AUD")
        XCTAssertEqual(words.lookup("cents")?.factor, 0.01)
        XCTAssertEqual(words.lookup("U.S. $")?.code, "USD")
        XCTAssertEqual(words.per["share"], "share")
        XCTAssertNil(words.lookup("pounds"))
        XCTAssertNotNil(CurrencyWords.check(["francs=Swiss"]))
        XCTAssertNotNil(CurrencyWords.check(["cents=USD*x"]))
        XCTAssertNil(CurrencyWords.check(["francs=CHF", "/share=share"]))
    }
}
