import NoteGraphCore
import Readers
import TestSupport
import XCTest
@testable import Segmentation

final class LexiconOverlayTests: XCTestCase {
    static let lexicon = try! LexiconLoader.load()

    func overlaid(_ s: String) throws -> (DocumentText, [Token]) {
        let (text, out) = try segment(s)
        let overlay = LexiconOverlay(lexicon: Self.lexicon)
        let matches = overlay.matches(in: text.utf16, tokens: out.segments.tokens)
        return (text, overlay.apply(matches, to: out.segments.tokens, units: text.utf16))
    }

    func company(_ token: Token) -> String? { token.entry(in: Self.lexicon)?.id }

    func isCompany(_ token: Token) -> Bool { token.entry(in: Self.lexicon)?.lexiconClass == "company" }

    /// Products are tokens of their own class, with their maker: never a company.
    func testProductsAreTheirOwnClassWithAMaker() throws {
        let (text, tokens) = try overlaid("NVIDIA H100 and GB200 NVL72 racks, Google TPUs, 豆包 and Llama 4.")
        let tagged = tokens.compactMap { t in t.entry(in: Self.lexicon).map { "\(t.text(in: text))=\($0.lexiconClass):\($0.property("maker")?.stringValue ?? $0.id)" } }
        XCTAssertEqual(tagged, ["NVIDIA=company:nvidia", "H100=product:nvidia", "GB200 NVL72=product:nvidia", "Google=company:google",
                                "TPUs=product:google", "豆包=product:bytedance", "Llama 4=product:meta"])
    }

    func testICUAloneSplitsTheNames() throws {
        let (text, out) = try segment("台积电、英伟达、摩根士丹利和华安证券")
        let words = out.segments.tokens.map { $0.text(in: text) }
        XCTAssertFalse(words.contains("台积电") && words.contains("英伟达") && words.contains("摩根士丹利") && words.contains("华安证券"),
                       "ICU already keeps every name whole: \(words)")
    }

    func testOverlayKeepsChineseNamesWhole() throws {
        let (text, tokens) = try overlaid("台积电、英伟达、摩根士丹利和华安证券都提到了向英伟达供货。")
        let tagged = tokens.filter { $0.lexiconEntry >= 0 }.map { "\($0.text(in: text))=\(company($0) ?? "")" }
        XCTAssertEqual(tagged, ["台积电=tsmc", "英伟达=nvidia", "摩根士丹利=morgan-stanley", "华安证券=huaan-securities", "英伟达=nvidia"])
        // Tokens still tile the text without overlap.
        for (a, b) in zip(tokens, tokens.dropFirst()) { XCTAssertLessThanOrEqual(a.end, b.start) }
        XCTAssertTrue(tokens.contains { $0.text(in: text) == "向" }, "the character before a name inside a Han run stays a token")
    }

    func testLatinNamesAliasesTickersAndPossessives() throws {
        let (text, tokens) = try overlaid("Morgan Stanley says Nvidia's NVDA margin beats J.P. Morgan views; MSFT too.")
        let tagged = tokens.filter { $0.lexiconEntry >= 0 }.map { "\($0.text(in: text))=\(company($0) ?? "")" }
        XCTAssertEqual(tagged, ["Morgan Stanley=morgan-stanley", "Nvidia=nvidia", "NVDA=nvidia", "J.P. Morgan=jpmorgan", "MSFT=microsoft"])
        XCTAssertTrue(tokens.contains { $0.text(in: text) == "'s" })
    }

    func testNamesNeverMatchInsideLongerWords() throws {
        let (_, tokens) = try overlaid("The Metaverse, an oracle, armchair metadata and Intelligence units.")
        XCTAssertTrue(tokens.allSatisfy { $0.lexiconEntry < 0 }, "\(tokens.filter { $0.lexiconEntry >= 0 })")
    }

    /// Scraped pages lose the space between cells or words; a name then ends where a capitalised
    /// word begins, and only there ("Metaverse" and "Intelligence" stay whole, above).
    func testNamesGluedToACapitalisedWord() throws {
        let (text, tokens) = try overlaid("CloudianHyperStore ships; AMZNAmazon rose; OpenAISora too; NVDANVIDIA, TSMTSMC.")
        let tagged = tokens.filter(isCompany).map { "\($0.text(in: text))=\(company($0) ?? "")" }
        XCTAssertEqual(tagged, ["Cloudian=cloudian", "AMZN=amazon", "Amazon=amazon", "OpenAI=openai", "NVDA=nvidia", "NVIDIA=nvidia", "TSM=tsmc", "TSMC=tsmc"])
        XCTAssertTrue(tokens.contains { $0.text(in: text) == "HyperStore" }, "the rest of the glued word stays a token")
        let (cloudText, cloud) = try overlaid("Huawei CloudMatrix 384")
        XCTAssertEqual(cloud.filter(isCompany).map { $0.text(in: cloudText) }, ["Huawei"], "a two-word name does not end inside a glued word")
        let (_, plain) = try overlaid("Metaversal Intelligentsia and Appleby: HIDDEN GEMS")
        XCTAssertTrue(plain.allSatisfy { $0.lexiconEntry < 0 })
    }

    /// A name inside a run of Chinese characters may straddle one of ICU's word edges, not two.
    func testChineseNamesDoNotSpanTwoWordsInside() throws {
        let (text, tokens) = try overlaid("市场终于放松下来。")
        let tagged = tokens.filter { $0.lexiconEntry >= 0 }.map { $0.text(in: text) }
        XCTAssertEqual(tagged, [], "松下 (Panasonic) is not in 放松|下来")
        let (_, jd) = try overlaid("京东和阿里都提到了向英伟达采购。")
        XCTAssertEqual(jd.compactMap(company), ["jd", "alibaba", "nvidia"])
    }

    func testTraditionalAndSimplifiedNamesAreOneEntry() throws {
        let (_, a) = try overlaid("輝達與台積電")
        let (_, b) = try overlaid("英伟达与台积电")
        XCTAssertEqual(a.compactMap(company), ["nvidia", "tsmc"])
        XCTAssertEqual(b.compactMap(company), ["nvidia", "tsmc"])
    }
}
