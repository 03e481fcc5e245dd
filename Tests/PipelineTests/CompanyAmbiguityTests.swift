import Foundation
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// Names that are also words, names two organisations share, and names close to each other
/// (JPMorgan and Morgan Stanley), each read through the whole pipeline: the company nodes a
/// sentence yields. Each case has its pair: the same name where it is the company.
final class CompanyAmbiguityTests: XCTestCase {
    nonisolated(unsafe) static let settings = try! PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))

    func companies(_ text: String) throws -> [String] {
        let work = try GrammarWorkbench(settings: Self.settings).run(text)
        let mentioned = Set(work.extraction.mentions.map(\.nodeID))
        return work.extraction.nodes.filter { $0.kind == .company && mentioned.contains($0.id) }.map { String($0.id.dropFirst("company:".count)) }
    }

    func assertCompanies(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try companies(text), expected, text, file: file, line: line)
    }

    func testMetaAndMetaAnalysis() {
        assertCompanies("Meta raised its capex guidance again.", ["meta"])
        assertCompanies("A meta-analysis of twelve trials found no effect.", [])
        assertCompanies("Meta-analysis of twelve trials found no effect.", [])
        assertCompanies("Meta-learning methods need less data.", [])
        assertCompanies("The Metaverse drew little spending.", [])
    }

    func testAppleAndApples() {
        assertCompanies("Apple will design its own server chip.", ["apple"])
        assertCompanies("Farmers sold every apple at the market.", [])
        assertCompanies("Apple pie sales rose at the fair.", [])
        assertCompanies("The conference moved to the Big Apple.", [])
        assertCompanies("苹果携手博通研发服务器芯片。", ["apple", "broadcom"])
        assertCompanies("他每天早上吃苹果。", [])
        assertCompanies("苹果汁的价格上涨了。", [])
    }

    func testOracle() {
        assertCompanies("Oracle signed a cloud contract with OpenAI.", ["oracle", "openai"])
        assertCompanies("Buffett, the Oracle of Omaha, sold shares.", [])
        assertCompanies("The protocol relies on a price oracle.", [])
    }

    func testArmAndArms() {
        assertCompanies("Arm licenses its designs to Qualcomm.", ["arm", "qualcomm"])
        assertCompanies("He broke his arm last winter.", [])
        assertCompanies("Arm wrestling drew a crowd.", [])
        assertCompanies("ARM loans reset higher this year.", [])
    }

    func testAmazonAndTheRiver() {
        assertCompanies("Amazon invested in Anthropic.", ["amazon", "anthropic"])
        assertCompanies("Fires spread across the Amazon rainforest.", [])
        assertCompanies("The Amazon River floods each year.", [])
        assertCompanies("亚马逊雨林的面积在缩小。", [])
        assertCompanies("亚马逊加大了资本开支。", ["amazon"])
    }

    func testIntelAndIntelligence() {
        assertCompanies("Intel cut its foundry capex.", ["intel"])
        assertCompanies("Artificial Intelligence needs compute.", [])
        assertCompanies("Intel community assessments were shared with allies.", [])
    }

    func testMicronAndMicrons() {
        assertCompanies("Micron raised HBM prices.", ["micron"])
        assertCompanies("The film is 5 micron thick.", [])
        assertCompanies("Micron-scale features are etched first.", [])
    }

    func testPossessivesCaseAndTickersAreOneNode() {
        assertCompanies("NVIDIA's margin beat; Nvidia and NVDA and 英伟达 and 輝達 too.", ["nvidia"])
    }

    func testTickersWithTheirExchange() {
        assertCompanies("2330.TW, 0700.HK, 688012.SH, 300750.SZ, 005930.KS, 6857.T and ASML.AS rose; TSM and NVDA fell.",
                        ["tsmc", "tencent", "amec", "catl", "samsung", "advantest", "asml", "nvidia"])
    }

    func testJPMorganIsNeverMorganStanley() {
        assertCompanies("J.P. Morgan and Morgan Stanley disagree.", ["jpmorgan", "morgan-stanley"])
        assertCompanies("小摩看多,大摩看空。", ["jpmorgan", "morgan-stanley"])
        assertCompanies("摩根大通与摩根士丹利", ["jpmorgan", "morgan-stanley"])
    }

    func testChineseNamesThatAreAlsoWords() {
        assertCompanies("这让人联想到去年的行情。", [])
        assertCompanies("联想发布了新款服务器。", ["lenovo"])
        assertCompanies("每个字节都要校验。", [])
        assertCompanies("字节跳动发布了新模型。", ["bytedance"])
        assertCompanies("收益像滚雪球一样增长。", [])
        assertCompanies("小米粥很香。", [])
        assertCompanies("小米发布了新手机。", ["xiaomi"])
        assertCompanies("夏普比率高于同业。", [])
        assertCompanies("中国银行业的息差收窄。", [])
        assertCompanies("中国石油进口量增加。", [])
        assertCompanies("办公室在北京东路。", [])
        assertCompanies("京东和阿里都提到了英伟达。", ["jd", "alibaba", "nvidia"])
        assertCompanies("美联储降息50 BP。", ["federal-reserve"])
        assertCompanies("TEL: +86 21 1234 5678", [])
        assertCompanies("TEL raised its outlook.", ["tokyo-electron"])
    }

    /// BIS is listed under "ambiguous" by two entries; context rules decide, and without a
    /// deciding word there is no company rather than a guess.
    func testASharedNameIsDecidedByContext() throws {
        assertCompanies("New BIS export rules hit Huawei.", ["bis-commerce", "huawei"])
        assertCompanies("The BIS quarterly review disagreed.", ["bis-settlements"])
        assertCompanies("The BIS said nothing.", [])
        let work = try GrammarWorkbench(settings: Self.settings).run("New BIS export rules.")
        XCTAssertEqual(work.extraction.mentions.map(\.text), ["BIS"], "the mention is the name, not its context")
    }

    func testProductsAreNeverCompanies() {
        assertCompanies("NVIDIA H100 and Blackwell, Google TPU, AWS Trainium, Gemini and Llama.", ["nvidia", "google", "aws"])
    }
}
