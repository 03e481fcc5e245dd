import Foundation
import Extraction
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

final class PipelineSettingsTests: XCTestCase {
    func settings(_ json: String) throws -> PipelineSettings {
        let scratch = try ScratchFolder()
        let path = try scratch.write("pipeline.json", json)
        return try PipelineSettings.load(path: path)
    }

    func assertConfigError(_ json: String, keyPath: String, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try settings(json), file: file, line: line) { error in
            guard let error = error as? ConfigError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(error.keyPath, keyPath, error.message, file: file, line: line)
            XCTAssertTrue(error.reason.contains(text), error.message, file: file, line: line)
        }
    }

    func testTheRepositorysPipelineJSONLoads() throws {
        let settings = try PipelineSettings.load(path: TestPaths.root.appendingPathComponent("pipeline.json").path)
        XCTAssertEqual(settings.stages.map(\.name), StageRegistry.names)
        XCTAssertEqual(settings.storePath, ".notegraph/graph.sqlite")
    }

    func testDefaultsWithoutAFile() throws {
        let settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
        XCTAssertEqual(settings.stages.map(\.name), ["read", "normalize", "segment", "lexicon", "numbers", "dates", "figures", "metrics", "companies", "cues", "context", "actions", "events", "claims"])
    }

    func testUnknownTopLevelKey() {
        assertConfigError(#"{"stages": [], "storage": {}}"#, keyPath: "storage", contains: "unknown key; valid keys here: version, store, lexicons, grammars, stages")
    }

    func testUnknownStageName() {
        assertConfigError(#"{"stages": [{"name": "read"}, {"name": "tokenize"}]}"#, keyPath: "stages[1].name",
                          contains: "unknown value \"tokenize\"; valid choices: read, normalize, segment, lexicon, numbers, dates, figures, metrics, companies, cues, context, actions, events, claims")
    }

    func testBadOptionValue() {
        assertConfigError(#"{"stages": [{"name": "read"}, {"name": "normalize"}, {"name": "segment", "options": {"maxSentenceLength": "long"}}]}"#,
                          keyPath: "stages[2].options.maxSentenceLength", contains: "expected an integer from 100 to 100000, found the string \"long\"")
        assertConfigError(#"{"stages": [{"name": "read", "options": {"html": {"maxDepth": 3}}}]}"#,
                          keyPath: "stages[0].options.html.maxDepth", contains: "expected an integer from 8 to 4096, found 3")
        assertConfigError(#"{"stages": [{"name": "read", "options": {"charsets": [{"path": "*.txt", "charset": "klingon"}]}}]}"#,
                          keyPath: "stages[0].options.charsets[0].charset", contains: "valid choices: UTF-8")
        assertConfigError(#"{"stages": [{"name": "read", "options": {"maxbytes": 5}}]}"#,
                          keyPath: "stages[0].options.maxbytes", contains: "unknown key; valid keys here: maxBytes")
    }

    /// The claims stage's near-duplicate distance: read, checked, and its own key only.
    func testNearDuplicateDistanceOption() throws {
        let stages = ["read", "normalize", "segment", "lexicon", "numbers", "dates", "figures", "metrics", "companies", "cues", "context", "actions", "events"]
            .map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        func json(_ options: String) -> String { #"{"stages": ["# + stages + #", {"name": "claims", "options": "# + options + "}]}" }
        let set = try settings(json(#"{"nearDuplicateDistance": 6}"#))
        XCTAssertEqual((set.stages.last as? ClaimStage)?.nearDuplicateDistance, 6)
        XCTAssertEqual((try settings(json("{}")).stages.last as? ClaimStage)?.nearDuplicateDistance, 3)
        assertConfigError(json(#"{"nearDuplicateDistance": 65}"#), keyPath: "stages[13].options.nearDuplicateDistance",
                          contains: "expected an integer from 0 to 32, found 65")
        assertConfigError(json(#"{"nearDuplicateDistance": "near"}"#), keyPath: "stages[13].options.nearDuplicateDistance",
                          contains: "expected an integer from 0 to 32, found the string \"near\"")
        assertConfigError(json(#"{"nearDuplicatesDistance": 3}"#), keyPath: "stages[13].options.nearDuplicatesDistance",
                          contains: "unknown key; valid keys here: nearDuplicateDistance")
    }

    func testStagesOutOfOrder() {
        assertConfigError(#"{"stages": [{"name": "read"}, {"name": "segment"}, {"name": "normalize"}]}"#, keyPath: "stages[1]",
                          contains: "stage \"segment\" needs document, which stage \"normalize\" provides: list it earlier")
        assertConfigError(#"{"stages": [{"name": "read"}, {"name": "normalize"}, {"name": "companies"}]}"#, keyPath: "stages[2]",
                          contains: "stage \"companies\" needs lexiconTokens, which no listed stage provides")
        assertConfigError(#"{"stages": [{"name": "read"}, {"name": "read"}]}"#, keyPath: "stages[1].name", contains: "listed twice")
    }

    func testInvalidJSONAndMissingFiles() {
        assertConfigError(#"{"stages": [}"#, keyPath: "", contains: "not valid JSON")
        assertConfigError(#"{"lexicons": ["nope.jsonl"]}"#, keyPath: "lexicons[0]", contains: "no such lexicon file")
        XCTAssertThrowsError(try PipelineSettings.load(path: "/nonexistent/pipeline.json")) { error in
            XCTAssertEqual((error as? ConfigError)?.message, "/nonexistent/pipeline.json: no such configuration file")
        }
    }

    func testUserLexiconExtendsTheBuiltInOne() throws {
        let scratch = try ScratchFolder()
        try scratch.write("my.jsonl", #"{"id":"acme-robotics","name":"Acme Robotics","zh_hans":["阿克米机器人"]}"#)
        let path = try scratch.write("pipeline.json", #"{"lexicons": ["my.jsonl"]}"#)
        let settings = try PipelineSettings.load(path: path)
        XCTAssertTrue(settings.lexicon.entries.contains { $0.id == "acme-robotics" })
        XCTAssertTrue(settings.lexicon.entries.contains { $0.id == "nvidia" })
        let defaults = try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))
        XCTAssertNotEqual(settings.version, defaults.version, "a lexicon change is a pipeline change")
    }

    func testABrokenUserLexiconIsRefusedBeforeAnyFileIsRead() throws {
        let scratch = try ScratchFolder()
        try scratch.write("my.jsonl", #"{"id":"acme","name":"Acme","tickers":["not a ticker"]}"#)
        let path = try scratch.write("pipeline.json", #"{"lexicons": ["my.jsonl"]}"#)
        XCTAssertThrowsError(try PipelineSettings.load(path: path)) { error in
            XCTAssertTrue("\(error)".contains("my.jsonl: line 1 (entry acme): malformed ticker"), "\(error)")
        }
    }

    /// A shared name no rule decides would never be a company: refused when the pipeline loads,
    /// naming the lexicon file, line and entry.
    func testASharedNameWithoutAContextRule() throws {
        let scratch = try ScratchFolder()
        let lexicon = try scratch.write("mine.jsonl", #"{"id":"acme-bank","name":"Acme Bank","ambiguous":["ACME"]}"# + "\n")
        let path = try scratch.write("pipeline.json", #"{"lexicons": ["mine.jsonl"]}"#)
        XCTAssertThrowsError(try PipelineSettings.load(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.message,
                           "\(lexicon): line 1 (entry acme-bank): \"ACME\" is listed under \"ambiguous\" but no companies rule decides for this entry "
                            + "(a context rule with `action company.entry acme-bank`)")
        }
        // With a rule that decides it, the same lexicon loads.
        try scratch.write("rules/companies/acme.rules", """
            rule acme-bank
              match c:[class:ambiguous & text:ACME] [lower:bank]
              action company.entry acme-bank
              example "ACME bank" => entry=acme-bank
            """)
        let fixed = try scratch.write("pipeline2.json", #"{"lexicons": ["mine.jsonl"], "grammars": ["rules/companies/acme.rules"]}"#)
        XCTAssertNoThrow(try PipelineSettings.load(path: fixed))
    }

    func testAContextRuleNamingNoEntry() throws {
        let scratch = try ScratchFolder()
        let rules = try scratch.write("rules/companies/x.rules", """
            rule nobody
              match c:[class:company] [lower:corp]
              action company.entry nobody-inc
              example "Nvidia corp" => entry=nobody-inc
            """)
        let path = try scratch.write("pipeline.json", #"{"grammars": ["rules/companies/x.rules"]}"#)
        XCTAssertThrowsError(try PipelineSettings.load(path: path)) { error in
            XCTAssertEqual((error as? any UserError)?.message, "\(rules):3:10: action company.entry names \"nobody-inc\", which is not a company of the lexicon")
        }
    }

    func testARuleTestingAnEntryThatDoesNotExist() throws {
        let scratch = try ScratchFolder()
        let rules = try scratch.write("rules/companies/x.rules", """
            rule typo
              match c:[entry:amazn & text:Amazon] [lower:river]
              action company.not
              example "Amazon river"
            """)
        let path = try scratch.write("pipeline.json", #"{"grammars": ["rules/companies/x.rules"]}"#)
        XCTAssertThrowsError(try PipelineSettings.load(path: path)) { error in
            XCTAssertEqual((error as? any UserError)?.message, "\(rules):2:11: entry:amazn names no lexicon entry")
        }
    }
}
