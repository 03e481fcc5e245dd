import NoteGraphCore
import TestSupport
import XCTest
@testable import Segmentation

final class LexiconLoaderTests: XCTestCase {
    func load(_ lines: [String], file: String = "user.jsonl") throws -> Lexicon {
        var loader = LexiconLoader()
        try loader.add(data: Data(lines.joined(separator: "\n").utf8), file: file)
        return try loader.finish()
    }

    func assertError(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(lines), file: file, line: line) { error in
            XCTAssertEqual((error as? InputError)?.message, expected, file: file, line: line)
        }
    }

    func testBuiltInLexiconLoadsAndCoversTheCorpusNames() throws {
        let lexicon = try LexiconLoader.load()
        XCTAssertGreaterThanOrEqual(lexicon.entries(ofClass: "company").count, 600)
        let ids = Set(lexicon.entries.map(\.id))
        for id in ["nvidia", "tsmc", "morgan-stanley", "jpmorgan", "huaan-securities", "soochow-securities", "donghai-securities"] {
            XCTAssertTrue(ids.contains(id), id)
        }
    }

    func testAValidEntry() throws {
        let lexicon = try load(["# comment", "", #"{"id":"acme-ai","name":"Acme AI","zh_hans":["阿克米"],"tickers":["ACME","1234.HK"],"sector":"ai-lab"}"#])
        XCTAssertEqual(lexicon.entries.first?.terms, ["Acme AI", "阿克米", "ACME", "1234.HK"])
        XCTAssertEqual(lexicon.entries.first?.origin, "user.jsonl:3")
    }

    func testDuplicateIds() {
        assertError([#"{"id":"acme","name":"Acme"}"#, #"{"id":"acme","name":"Acme Two"}"#],
                    "user.jsonl: line 2 (entry acme): duplicate id \"acme\", first defined on line 1")
    }

    func testANameClaimedByTwoEntries() {
        assertError([#"{"id":"acme","name":"Acme","aliases":["ACM"]}"#, #"{"id":"acm-labs","name":"ACM"}"#],
                    "user.jsonl: line 2 (entry acm-labs): \"ACM\" is also a name of entry acme (user.jsonl:1); a name may belong to one entry only, "
                        + "unless every entry that uses it lists it under \"ambiguous\" and a companies context rule decides between them")
    }

    /// A name two entries share is listed under "ambiguous" by both; it becomes one entry of
    /// class `ambiguous` naming both, and neither entry matches it directly.
    func testASharedName() throws {
        let lexicon = try load([#"{"id":"acme-bank","name":"Acme Bank","ambiguous":["ACME"]}"#,
                                #"{"id":"acme-labs","name":"Acme Labs","ambiguous":["ACME"]}"#])
        XCTAssertEqual(lexicon.entries.map(\.lexiconClass), ["company", "company", "ambiguous"])
        XCTAssertEqual(lexicon.entries[2].terms, ["ACME"])
        XCTAssertEqual(lexicon.entries[2].candidates, ["acme-bank", "acme-labs"])
        XCTAssertFalse(lexicon.entries[0].terms.contains("ACME"))
    }

    func testASharedNameMustBeSharedByEveryEntryUsingIt() {
        assertError([#"{"id":"acme-bank","name":"Acme Bank","ambiguous":["ACME"]}"#, #"{"id":"acme-labs","name":"Acme Labs","aliases":["ACME"]}"#],
                    "user.jsonl: line 2 (entry acme-labs): \"ACME\" is a shared name of entry acme-bank (user.jsonl:1); list it under \"ambiguous\" here too, or remove it")
        assertError([#"{"id":"acme","name":"Acme","aliases":["ACME"],"ambiguous":["ACME"]}"#],
                    "user.jsonl: line 1 (entry acme): \"ACME\" is listed under \"ambiguous\" and as a name; keep it in one place")
    }

    func testMalformedTicker() {
        assertError([#"{"id":"acme","name":"Acme","tickers":["acme.xx"]}"#],
                    "user.jsonl: line 1 (entry acme): malformed ticker \"acme.xx\": expected e.g. NVDA, BRK.B, 2330.TW, 0700.HK, 688012.SH, 300750.SZ, 005930.KS, 6857.T, ASML.AS")
        assertError([#"{"id":"acme","name":"Acme","tickers":["ABC.HK"]}"#],
                    "user.jsonl: line 1 (entry acme): malformed ticker \"ABC.HK\": expected e.g. NVDA, BRK.B, 2330.TW, 0700.HK, 688012.SH, 300750.SZ, 005930.KS, 6857.T, ASML.AS")
    }

    func testEmptyNames() {
        assertError([#"{"id":"acme","name":"  "}"#], "user.jsonl: line 1 (entry acme): empty name")
        assertError([#"{"id":"acme","name":"Acme","aliases":[""]}"#], "user.jsonl: line 1 (entry acme): empty name in \"aliases\"")
    }

    func testBadJSONUnknownKeysAndIds() {
        XCTAssertThrowsError(try load([#"{"id":"acme","name":"Acme""#])) { error in
            XCTAssertTrue((error as? InputError)?.message.hasPrefix("user.jsonl: line 1: not a JSON object") ?? false, "\(error)")
        }
        assertError([#"{"id":"acme","name":"Acme","ticker":"ACME"}"#],
                    "user.jsonl: line 1 (entry acme): unknown key \"ticker\"; valid keys: id, name, type, zh_hans, zh_hant, aliases, tickers, sector, region, parent, fy_end, ambiguous")
        assertError([#"{"id":"Acme Inc","name":"Acme"}"#],
                    "user.jsonl: line 1 (entry Acme Inc): id must be lowercase letters, digits and single hyphens, e.g. \"morgan-stanley\"")
        assertError([#"{"name":"Acme"}"#], "user.jsonl: line 1: missing \"id\"")
        assertError([#"{"id":"acme","name":"Acme","parent":"nobody"}"#], "user.jsonl: line 1 (entry acme): parent \"nobody\" is not an entry of the lexicon")
    }

    func testALaterFileRedefinesAnEntry() throws {
        var loader = LexiconLoader()
        try loader.add(data: Data(#"{"id":"acme","name":"Acme"}"#.utf8), file: "a.jsonl")
        try loader.add(data: Data(#"{"id":"acme","name":"Acme Corp","aliases":["Acme"]}"#.utf8), file: "b.jsonl")
        let lexicon = try loader.finish()
        XCTAssertEqual(lexicon.entries.map(\.name), ["Acme Corp"])
    }

    func testAProductAndItsMaker() throws {
        let lexicon = try load([#"{"id":"acme","name":"Acme"}"#, #"{"id":"rocket","class":"product","name":"Rocket","aliases":["Rocket 2"],"maker":"acme"}"#])
        let product = try XCTUnwrap(lexicon.entry(ofClass: "product", id: "rocket"))
        XCTAssertEqual(product.terms, ["Rocket", "Rocket 2"])
        XCTAssertEqual(product.property("maker"), .string("acme"))
    }

    func testBadProducts() {
        assertError([#"{"id":"rocket","class":"product","name":"Rocket","maker":"nobody"}"#],
                    "user.jsonl: line 1 (entry rocket): maker \"nobody\" is not a company of the lexicon")
        assertError([#"{"id":"acme","name":"Acme","aliases":["Rocket"]}"#, #"{"id":"rocket","class":"product","name":"Rocket","maker":"acme"}"#],
                    "user.jsonl: line 2 (entry rocket): \"Rocket\" is a product here and a company name of entry acme (user.jsonl:1); a product is never a company")
        assertError([#"{"id":"rocket","class":"product","name":"Rocket"}"#],
                    "user.jsonl: line 1 (entry rocket): a product needs \"maker\": the id of the company that makes it")
        assertError([#"{"id":"rocket","class":"gadget","name":"Rocket"}"#],
                    "user.jsonl: line 1 (entry rocket): unknown class \"gadget\"; valid: \"product\" (a company line has no class)")
        assertError([#"{"id":"rocket","class":"product","name":"Rocket","maker":"acme","tickers":["RKT"]}"#],
                    "user.jsonl: line 1 (entry rocket): unknown key \"tickers\" for a product; valid keys: id, class, name, aliases, maker, category")
    }

    /// Every built-in product: its maker exists, and no company rule reads it as a company.
    func testBuiltInProductsHaveMakers() throws {
        let lexicon = try LexiconLoader.load()
        let products = lexicon.entries(ofClass: "product")
        XCTAssertGreaterThanOrEqual(products.count, 100)
        for p in products {
            let maker = try XCTUnwrap(p.property("maker")?.stringValue, p.id)
            XCTAssertNotNil(lexicon.entry(ofClass: "company", id: maker), "\(p.id): maker \(maker)")
        }
    }
}
