import Foundation
import XCTest
@testable import Extraction
@testable import NoteGraphCore

/// The fast paths added for speed must give exactly what the general code gives: ids,
/// fingerprints and values are stored, and a difference would split or merge records between
/// runs. Each is compared with the general path on cases chosen to sit on both sides of the
/// fast path's limits, and on seeded random text.
final class FastPathTests: XCTestCase {
    /// `NumberText.arabic` reads digits as an integer and a power of ten; `Double(_:)` (through
    /// `arabicText`) must agree on every text, numbers too long for the fast path included.
    func testArabicDigitsEqualDoubleParsing() {
        var cases = ["0", "1", "-3", "+65", "−3", ".08", "-.5", "1,234.5", "1,234,567.89", "1,23", "1,2,3,4", "1..2",
                     "12.", "0.1", "0.3", "9007199254740993", "900719925474099.5", "1e5", "", "-", "+", "+-5", "-+5",
                     "123456789012345678901234567890", "0.000000000000000000001", "4,310", "4310", "99999999999999999999"]
        var rng = SeededGenerator(seed: 7)
        let alphabet = Array("0123456789.,-+")
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &rng)
            cases.append(String((0..<length).map { _ in alphabet.randomElement(using: &rng)! }))
            let digits = String((0..<Int.random(in: 1...20, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            let decimals = String((0..<Int.random(in: 0...12, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            cases.append(decimals.isEmpty ? digits : digits + "." + decimals)
        }
        for text in cases {
            XCTAssertEqual(NumberText.arabic(text)?.bitPattern, NumberText.arabicText(text)?.bitPattern, text)
            XCTAssertEqual(NumberText.arabic(units: Array(text.utf16)[...])?.bitPattern, NumberText.arabicText(text)?.bitPattern, text)
        }
    }

    /// SimHash words: NFKC, case folded, letters and digits kept. The plain path covers ASCII
    /// and CJK ideographs and must refuse everything else (full-width forms, accents, cased
    /// non-ASCII letters, compatibility ideographs), which Foundation then reads.
    func testShingleNormalisingEqualsFoundation() {
        func general(_ s: String) -> String {
            let folded = s.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
            return String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        }
        let words = ["Revenue", "NVIDIA's", "H100", "3nm", "2025E", "同比增长", "英伟达", "㐀㐁", "資本開支", "ＡＢＣ", "１２３", "Café",
                     "ΣΟΦΙΑ", "İstanbul", "ﬁnance", "\u{F900}", "カタカナ", "한국", "—", "%", "U.S.", "e-mail", "x²", "Ⅻ", "😀", ""]
        for w in words {
            XCTAssertEqual(TextShingles.normalise(w), general(w), w)
        }
        for w in ["ＡＢＣ", "Café", "ΣΟΦΙΑ", "İstanbul", "ﬁnance", "\u{F900}", "カタカナ", "x²", "Ⅻ"] {
            XCTAssertNil(TextShingles.normalisePlain(w), "\(w) must take Foundation's path")
        }
        var rng = SeededGenerator(seed: 11)
        let pool = Array("abcXYZ019 .,-_'\"%$€¥中文资本开支㐀é")
        for _ in 0..<5_000 {
            let w = String((0..<Int.random(in: 0...10, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
            XCTAssertEqual(TextShingles.normalise(w), general(w), w)
        }
    }

    /// A claim's id text: lower-cased, white space removed. The plain path copies UTF-8 and
    /// must refuse text whose non-ASCII letters change when lower-cased.
    func testClaimKeyFoldingEqualsLowercasing() {
        func general(_ s: String) -> String {
            String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        let texts = ["Morgan Stanley expects capex to reach $700B by 2027.", "摩根大通预计，2026年资本开支将达6020亿美元。",
                     "ΣΟΦΙΑ says ΟΔΟΣ", "İSTANBUL\u{3000}rises", "no\u{00A0}break\tand\nnew line", "Café au lait", "ＡＢＣ full width", ""]
        for t in texts { XCTAssertEqual(ClaimKey.folded(t), general(t), t) }
        XCTAssertNil(ClaimKey.foldedPlain("ΣΟΦΙΑ"))
        XCTAssertNil(ClaimKey.foldedPlain("İSTANBUL"))
        var rng = SeededGenerator(seed: 13)
        let pool = Array("AbCdEz 09.,\t\n\u{3000}\u{00A0}中文资本开支ÉéΣσ'\"%")
        for _ in 0..<5_000 {
            let t = String((0..<Int.random(in: 0...16, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
            XCTAssertEqual(ClaimKey.folded(t), general(t), t)
        }
    }

    /// Ids are the first 16 hex digits of SHA-256 over the parts joined by U+001F, whatever
    /// path builds them.
    func testStableIDIsTheJoinedPartsHash() {
        for parts in [["a"], ["a", "b"], ["figure", "USD", "7e11", "2026"], ["", ""], ["资本开支", "Ünïcode", "\u{1F}"]] {
            let hex = StableID.sha256Hex(Array(parts.joined(separator: "\u{1F}").utf8))
            XCTAssertEqual(StableID.make("x", parts), "x:" + hex.prefix(16), "\(parts)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure names a case that comes back.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
