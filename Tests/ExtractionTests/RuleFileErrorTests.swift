import NoteGraphCore
import XCTest
@testable import Extraction

/// Every way a rule file can be wrong is reported when the grammar loads, at file:line:column,
/// with what was expected and what was found.
final class RuleFileErrorTests: XCTestCase {
    func load(_ text: String, stage: String = "numbers", stages: [String] = ["numbers", "figures", "companies"]) throws -> Grammar {
        try Grammar(stages: stages, sources: [("user.rules", stage, "user", text)], lexiconClasses: ["company"])
    }

    func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(text), file: file, line: line) { error in
            XCTAssertTrue(error is GrammarError, "\(error)", file: file, line: line)
            XCTAssertEqual((error as? GrammarError)?.message, expected, file: file, line: line)
        }
    }

    func testSyntaxErrorNamesLineColumnExpectedAndFound() {
        assertError("rule r\n  match [kind:number\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:2:21: expected ']', '&' or '|', found end of pattern")
        assertError("rule r\n  match [colour:red]\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:2:10: expected a token attribute (text, lower, kind, script, class, entry, shape, chars, first, all, re), found \"colour\"")
        assertError("rules r\n", "user.rules:1:1: expected stage, reference, macro or rule, found \"rules\"")
    }

    func testUnknownAction() {
        assertError("rule r\n  match [kind:number]\n  action number.roman\n  example \"1\"\n",
                    "user.rules:3:10: expected a registered action (see `notegraph grammar actions`), found \"number.roman\"")
    }

    func testBadActionArguments() {
        assertError("rule r\n  match [kind:number] \"亿\"\n  action number.scaled lots\n  example \"1亿\"\n",
                    "user.rules:3:10: action number.scaled takes one argument, the factor (e.g. 1e8)")
    }

    func testUnknownLexiconClass() {
        assertError("rule r\n  match [class:fruit]\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:2:16: expected a lexicon class (company), found \"fruit\"")
    }

    func testMacroCycle() {
        assertError("macro A = @B [kind:number]\nmacro B = @A\nrule r\n  match @A\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:2:11: macro cycle: @A → @B → @A")
    }

    func testPatternThatCanMatchNothing() {
        assertError("rule r\n  match [kind:number]?\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:1:1: the pattern can match an empty span: at least one element must be required")
        assertError("rule r\n  match \"\"\n  action number.arabic\n  example \"1\"\n",
                    "user.rules:2:9: an empty literal matches nothing")
    }

    func testPathologicalNesting() {
        let deep = String(repeating: "(", count: 40) + "[kind:number]" + String(repeating: ")", count: 40)
        XCTAssertThrowsError(try load("rule r\n  match \(deep)\n  action number.arabic\n  example \"1\"\n")) { error in
            XCTAssertTrue("\(error)".contains("nested deeper than 24 levels"), "\(error)")
        }
        // Nested bounded repetition that would compile to a huge program is refused too.
        XCTAssertThrowsError(try load("rule r\n  match (([kind:number]{1,60}){1,60}){1,60}\n  action number.arabic\n  example \"1\"\n")) { error in
            XCTAssertTrue("\(error)".contains("compiles to more than"), "\(error)")
        }
    }

    func testDimensionMustComeFromAnEarlierStage() {
        XCTAssertThrowsError(try load("rule r\n  match <figure>\n  action number.arabic\n  example \"1\"\n")) { error in
            XCTAssertEqual((error as? GrammarError)?.message, "user.rules:2:9: expected a dimension produced by a stage before numbers (), found <figure>")
        }
    }

    func testRuleWithoutExamplesIsUnfinished() {
        assertError("rule r\n  match [kind:number]\n  action number.arabic\n",
                    "user.rules:1:1: rule r has no example: every rule carries at least one `example` line")
    }

    func testUserFileForAStageNotInThePipeline() {
        XCTAssertThrowsError(try load("rule r\n  match [kind:number]\n  action number.arabic\n  example \"1\"\n", stage: "events")) { error in
            XCTAssertTrue("\(error)".contains("stage \"events\" is not a grammar stage of this pipeline"), "\(error)")
        }
    }
}
