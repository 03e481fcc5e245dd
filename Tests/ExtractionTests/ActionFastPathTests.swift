import Foundation
import XCTest
@testable import Extraction

/// The grammar actions' fast paths must give what their general steps give, on cases at the
/// edges of each fast path and on seeded random text (see `FastPathTests`).
final class ActionFastPathTests: XCTestCase {
    /// A unit word looked up from its ASCII units (packed into an integer) or as a String.
    func testUnitTableAsciiLookupEqualsStringLookup() {
        let tables: [[String]] = [
            [], ["kW=1e3", "GW=1e9", "W=1", "mW=1e-3", "MW=1e6", "=7", "max=100"],
            ["Mb=1e6", "MB=8e6", "mb=oops", "kb=1e3", "\u{212A}B=1024", "squaremeters=1", "万=1e4", "x=1", "X=2", "bp=1e-4"],
            ["a=1", "ab=2", "abcdefgh=8", "abcdefghi=9", "ABCDEFGH=80", "~兆=1e6", "h=3600", "/h=3600"],
        ]
        var rng = SeededGenerator(seed: 17)
        let pool = Array("abkmgwxABKMGWX/=~0")
        for args in tables {
            let table = UnitTable(args)
            var words = ["", "kW", "KW", "kw", "GW", "w", "W", "Mb", "MB", "mb", "mB", "KB", "kB", "squaremeters", "SquareMeters",
                         "x", "X", "bp", "BP", "a", "ab", "abcdefgh", "ABCDEFGH", "abcdefghi", "ABCDEFGHI", "h", "/h", "max"]
            for _ in 0..<3_000 {
                words.append(String((0..<Int.random(in: 1...10, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
            }
            for w in words {
                XCTAssertEqual(table.factor(ascii: Array(w.utf16)[...]).map(\.bitPattern), table.factor(of: w).map(\.bitPattern), "\(args) \(w)")
            }
        }
    }

    /// `tidy` below 1e-7 returns x itself when its shortest text has at most 15 digits: what
    /// reading back its "%.15g" text gives.
    func testTidyOfSmallValuesEqualsFormatting() {
        var cases: [Double] = [3e-9, 1.5e-8, 3.0000000000000004e-9, 2.9999999999999996e-9, 1e-8, 9.999999999999999e-9,
                               5e-324, 2.2250738585072014e-308, 1e-300, -3e-9, 0.000000099999999999999995]
        var rng = SeededGenerator(seed: 19)
        for _ in 0..<20_000 {
            let mantissa = Double(Int.random(in: 1...999_999, using: &rng))
            cases.append(mantissa * pow(10, -Double(Int.random(in: 8...30, using: &rng))))
            cases.append(mantissa / pow(10, Double(Int.random(in: 8...30, using: &rng))))
            cases.append(Double(bitPattern: UInt64.random(in: 0x0010_0000_0000_0000...0x3E70_0000_0000_0000, using: &rng)))
        }
        for x in cases where abs(x) < 1e-7 {
            let expected = Double(String(format: "%.15g", x)) ?? x
            XCTAssertEqual(FigureReading.tidy(x).bitPattern, expected.bitPattern, "\(x)")
        }
        XCTAssertEqual(FigureReading.significantDigits("3e-09"), 1)
        XCTAssertEqual(FigureReading.significantDigits("0.00120"), 2)
        XCTAssertEqual(FigureReading.significantDigits("3.0000000000000004e-09"), 17)
    }

    /// A month's name key and a month glued to its day, by byte for ASCII text.
    func testMonthReadingEqualsCharacterSteps() {
        func month(_ text: String) -> Int? {
            let key = text.lowercased().filter { $0.isLetter && $0.isASCII }
            if !key.isEmpty, let m = DateText.monthNames[key] { return m }
            guard let m = DateText.integer(text), (1...12).contains(m) else { return nil }
            return m
        }
        func glued(_ t: String) -> (month: Int, day: Int)? {
            let letters = t.filter { $0.isLetter }, digits = t.filter { $0.isNumber }
            guard !letters.isEmpty, (1...2).contains(digits.count), letters.count + digits.count == t.count,
                  t.first!.isLetter ? t.last!.isNumber && t.hasSuffix(digits) : t.hasPrefix(digits),
                  let m = DateText.monthNames[letters.lowercased()], let d = Int(digits), (1...31).contains(d) else { return nil }
            return (m, d)
        }
        var cases = ["May", "SEPT", "sept.", "3月", "03", "12", "13", "Oct2", "2oct", "april22", "22April", "Dec31", "dec32", "Q3", "3Q",
                     "10th", "1st", "ja1n", "1jan2", "jan123", "Ｊan1", "\u{212A}", "İ", "march\r\n", "3月份", "十二月", ""]
        var rng = SeededGenerator(seed: 23)
        let pool = Array("0123janFEBmayMaroctdecsepQth .,'’月年-\r\n")
        for _ in 0..<20_000 {
            cases.append(String((0..<Int.random(in: 1...8, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for t in cases {
            XCTAssertEqual(DateText.month(t), month(t), t)
            let fast = DateActions.monthGluedToDay(t), general = glued(t)
            XCTAssertEqual(fast?.month, general?.month, t)
            XCTAssertEqual(fast?.day, general?.day, t)
        }
    }

    /// A token's last character told from its units, and FY found by byte.
    func testTokenEndingsAndFiscalMarkEqualStringSearch() {
        var cases = ["2019年", "年", "2月", "月", "x年", "\u{0600}年", "\u{200D}年", "年\u{0301}", "\u{F98E}", "a\u{F98E}", "2019", "", "年年", "ab月"]
        var rng = SeededGenerator(seed: 29)
        let pool = Array("12a年月日\u{0301}\u{0600}\u{200D}\u{F98E}\u{FF11}")
        for _ in 0..<10_000 {
            cases.append(String((0..<Int.random(in: 0...5, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for t in cases {
            for c: Unicode.Scalar in ["年", "月"] {
                XCTAssertEqual(DateActions.endsWith(Array(t.utf16)[...], c), t.hasSuffix(String(Character(c))), t)
            }
        }
        var tokens = ["FY26", "1QFY26", "FFY", "FY", "F", "Y", "XFYFY", "2026E", "fy26"]
        let letters = Array("FYQH12E")
        for _ in 0..<5_000 {
            tokens.append(String((0..<Int.random(in: 0...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! }))
        }
        for t in tokens {
            let s = Substring(t)
            XCTAssertEqual(DateActions.fiscalMark(s), s.range(of: "FY"), t)
        }
    }

    /// Chinese numerals read from their units agree with the Character steps, on text the
    /// fast path takes and text it leaves to them.
    func testChineseNumeralUnitsEqualCharacterSteps() {
        var cases = ["三百五十二", "两千四百五", "一万五千亿", "二十万亿", "5万4千6百", "1.29万亿", "四万万", "二〇二五", "肆佰陸拾", "负三十二",
                     "十五点七", "五分之一", "一千多万", "五十打", "万", "两两", "五十千", "伍", "陆", "\u{F9D3}", "\u{F973}", "\u{F978}千",
                     "\u{F9D1}\u{F9B2}", "两〇", "一二", "1,234万", "1..2万", "三十余", "几", "多三", "100多亿", "99999999999999999999亿", "", "三 百"]
        var rng = SeededGenerator(seed: 31)
        let pool = Array("零〇一二两兩三四五六七八九十百千万亿兆壹贰拾佰仟陆陸多余几0123456789.,点打半- \u{F9D1}\u{F978}\u{F973}\u{F9B2}")
        for _ in 0..<30_000 {
            cases.append(String((0..<Int.random(in: 1...7, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for t in cases {
            let fast = NumberText.chinese(t), general = NumberText.chineseText(t)
            XCTAssertEqual(fast?.value.bitPattern, general?.value.bitPattern, t)
            XCTAssertEqual(fast?.approx, general?.approx, t)
        }
    }

    /// A number's trailing scale skips the Chinese scale characters for text ending in ASCII;
    /// ISO bounds find ".." by byte.
    func testTrailingScaleAndDoubleDotEqualGeneralSteps() {
        // The steps as they were, every text through the Character loop.
        func general(_ raw: String) -> Double {
            let text = String(NumberText.trimmed(raw))
            var scale = 1.0
            var rest = Substring(text)
            while let c = rest.last, let u = NumberText.zhBig(c) { scale *= u; rest = rest.dropLast() }
            if scale > 1 { return scale }
            let ascii = NumberActions.asciiDigitsEnd(text)
            if ascii != nil ? text.utf8.contains(0x20) : text.contains(" "),
               let last = text.split(separator: " ").last, let u = NumberText.enScales[last.lowercased()], last.count > 1 { return u }
            if let k = ascii {
                if k > text.startIndex, k < text.endIndex, let f = NumberActions.standardSuffixTable.factor(of: String(text[k...])) { return f }
                return 1
            }
            let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
            if !digits.isEmpty, digits.count < text.count, let f = NumberActions.standardSuffixTable.factor(of: String(text.dropFirst(digits.count))) { return f }
            return 1
        }
        var cases = ["58B", "8万", "12 billion", "1.2万亿", "3亿 ", "5\u{0301}", "万\r\n", "亿a", "", "2025-Q3..2026", "2025..", ".", "a.b.c"]
        var rng = SeededGenerator(seed: 37)
        let pool = Array("0123.,kmbMBT万亿兆 \r\n\u{0301}-Q")
        for _ in 0..<10_000 {
            cases.append(String((0..<Int.random(in: 0...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for t in cases {
            XCTAssertEqual(NumberActions.trailingScale(t), general(t), t)
            XCTAssertEqual(CalendarDate.hasDoubleDot(t), t.contains(".."), t)
        }
    }

    /// number.range reads two runs of digits, points and group commas from the document's units
    /// (`plainDigits`): what `read` gives their text, and no trailing scale.
    func testPlainDigitRunsReadAsTheirText() {
        var runs = ["0", "5", "10", "2024", "1,234", "1,23", "1,234.5", ".5", "5.", "1..2", ",5", "5,", "00", "007",
                    "1,234,567", "12,34,567", "3.14159", "9999999999999999999", "1.2.3"]
        var rng = SeededGenerator(seed: 29)
        let pool = Array("0123456789.,")
        for _ in 0..<5_000 {
            runs.append(String((0..<Int.random(in: 1...12, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for t in runs {
            let fast = NumberText.arabic(units: Array(t.utf16)[...])
            if let fast {
                XCTAssertEqual(fast.bitPattern, NumberActions.read(t)?.value.bitPattern, t)
                XCTAssertEqual(NumberActions.trailingScale(t), 1, t)
            }
        }
    }

    /// One English number word is read by lookup (`english`) as word by word (`englishWords`).
    func testOneNumberWordReadsAsWordByWord() {
        var words = Array(NumberText.enSmall.keys) + Array(NumberText.enTens.keys)
        words += words.map { $0.uppercased() } + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        words += ["", "a", "an", "and", "half", "hundred", "million", "dozen", "point", "minus", "quarter", "twentyone",
                  "seventeen!", "one1", "éleven", "nineteens", "ninetynine", "zeros", "Kelvin"]
        var rng = SeededGenerator(seed: 31)
        let pool = Array("onetwhrfivsxgadzuONETW")
        for _ in 0..<5_000 {
            words.append(String((0..<Int.random(in: 1...9, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        }
        for w in words {
            XCTAssertEqual(NumberText.english(w), NumberText.englishWords(w), w)
        }
    }

    /// A number and a scale word at one space is read (`english`) as word by word.
    func testNumberAndScaleWordReadAsWordByWord() {
        let numbers = ["1", "1.5", "0", "0.0", "-3", "−3", "+2", "1,234", "1,23", ".5", "12.", "1e3", "007", "9999999999", "abc", ""]
        let scales = Array(NumberText.enScales.keys) + ["Million", "BN", "hundred", "dozen", "half", "thousands", "x", ""]
        var texts: [String] = []
        for n in numbers { for s in scales { texts += [n + " " + s, n + "  " + s, n + "-" + s, n + " " + s + " " + s, n + "\t" + s] } }
        var rng = SeededGenerator(seed: 37)
        let digits = Array("0123456789.,-")
        for _ in 0..<5_000 {
            let n = String((0..<Int.random(in: 1...8, using: &rng)).map { _ in digits.randomElement(using: &rng)! })
            texts.append(n + " " + scales.randomElement(using: &rng)!)
        }
        for t in texts {
            XCTAssertEqual(NumberText.english(t), NumberText.englishWords(t), t)
        }
    }
}
