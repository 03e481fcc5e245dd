import NoteGraphCore
import XCTest

/// The fingerprint near-duplicates are judged by: normalised text (NFKC, case, punctuation),
/// word shingles for English, character bigrams for Chinese, stable across processes.
final class SimHashTests: XCTestCase {
    func hash(_ s: String) -> UInt64 { SimHash.of(TextShingles.features(text: s)) }

    func testNormalisationIgnoresCasePunctuationAndWidth() {
        XCTAssertEqual(TextShingles.normalise("Ｒevenue, will DOUBLE!"), "revenuewilldouble")
        XCTAssertEqual(hash("Revenue will double in 2027."), hash("revenue — will double in ２０２７"))
    }

    func testFeaturesAreWordShinglesAndHanBigrams() {
        XCTAssertEqual(TextShingles.features(text: "Demand will double"), ["demand", "will", "double", "demand will", "will double"])
        XCTAssertEqual(TextShingles.features(text: "需求翻倍。"), ["需求", "求翻", "翻倍"])
        XCTAssertEqual(TextShingles.features(words: ["需求", "将", "翻倍"]), ["需求", "求将", "将翻", "翻倍"])
    }

    func testDistanceGrowsWithRewording() {
        let a = "Orbis Research expects memory module shipments to rise sharply next year as data centres refresh servers"
        XCTAssertEqual(SimHash.distance(hash(a), hash(a)), 0)
        let oneWord = SimHash.distance(hash(a), hash(a.replacingOccurrences(of: "sharply", with: "strongly")))
        let unrelated = SimHash.distance(hash(a), hash("The committee meets on Tuesday to discuss the harbour budget and ferry timetables"))
        XCTAssertGreaterThan(oneWord, 0)
        XCTAssertLessThan(oneWord, unrelated)
        XCTAssertGreaterThan(unrelated, 16)
    }

    /// FNV-1a, not Swift's per-process seeded Hasher: stored fingerprints must compare across runs.
    func testTheFingerprintIsTheSameOnEveryRun() {
        XCTAssertEqual(SimHash.of(["a"]), 0xaf63_dc4c_8601_ec8c)
    }
}
