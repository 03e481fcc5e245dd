import NoteGraphCore
import Pipeline
import TestSupport
import XCTest
@testable import Extraction

/// The matcher's semantics: overlap resolution, layers, user rules overriding built-ins, and
/// bounded work on a paragraph without sentence punctuation.
final class MatcherTests: XCTestCase {
    func settings(userRules: String? = nil) throws -> PipelineSettings {
        guard let userRules else { return try PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: ".")) }
        let folder = try ScratchFolder()
        let dir = folder.url.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try userRules.write(to: dir.appendingPathComponent("en.rules"), atomically: true, encoding: .utf8)
        return try withExtendedLifetime(folder) {
            try PipelineSettings(json: .object([("grammars", .array([.string("figures/en.rules")]))]), file: "pipeline.json", directory: folder.url)
        }
    }

    /// The figures stage's profile (rule starts, scan counts) over `text` run through the pipeline.
    func figuresProfile(_ text: String, settings s: PipelineSettings) throws -> RuleProfile {
        let matcher = try XCTUnwrap(s.grammar.matchers["figures"])
        let profile = RuleProfile(rules: matcher.rules.count)
        let processor = DocumentProcessor(stages: s.stages.map { stage in
            guard let g = stage as? GrammarStage, g.name == "figures" else { return stage }
            return GrammarStage(matcher: g.matcher, profile: profile)
        }, lexicon: s.lexicon)
        _ = try processor.process(path: "t.txt", bytes: Array(text.utf8))
        return profile
    }

    func items(_ text: String, settings: PipelineSettings) throws -> [(String, String, JSONValue)] {
        let work = try GrammarWorkbench(settings: settings).run(text)
        let t = work.document!.text
        return work.items.map { (t.slice(Int($0.start)..<Int($0.end)), $0.rule, $0.value) }
    }

    /// `swift test` runs every built-in rule's examples.
    func testEveryBuiltInExampleHolds() throws {
        let (count, failures) = try GrammarWorkbench(settings: try settings()).test()
        XCTAssertGreaterThan(count, 60)
        XCTAssertEqual(failures.map(\.description), [])
    }

    /// Longest wins: "1.29万亿" is one number, not 1.29万 followed by 亿.
    func testLongestMatchWins() throws {
        let found = try items("规模达1.29万亿美元", settings: try settings()).filter { $0.1.hasPrefix("numbers/") }
        XCTAssertEqual(found.map(\.0), ["1.29万亿"])
        XCTAssertEqual(found.first?.1, "numbers/zh#mixed")
    }

    /// Layers: figures match the numbers stage's items; the money value comes from the number.
    func testFiguresAreBuiltOnNumbers() throws {
        let found = try items("Capex reached US$4.7 billion and 65% of it went to GPUs.", settings: try settings())
        let figures = found.filter { $0.1.hasPrefix("figures/") }
        XCTAssertEqual(figures.map(\.0), ["US$4.7 billion", "65%"])
        XCTAssertEqual(figures.first?.2["value"], .int(4_700_000_000))
    }

    /// Equal length: the higher priority wins; equal priority: the earlier rule.
    func testPriorityThenRuleOrderBreakTies() throws {
        let rules = """
        rule low
          match n:<number> [lower:widgets]
          action figure.money USD
          example "3 widgets" => unit=USD
        rule high
          match n:<number> [lower:widgets]
          action figure.money EUR
          priority 5
          example "3 widgets" => unit=EUR
        rule first_of_equals
          match n:<number> [lower:gadgets]
          action figure.money GBP
          example "3 gadgets" => unit=GBP
        rule second_of_equals
          match n:<number> [lower:gadgets]
          action figure.money JPY
          not "3 gadgets"
          example "3 gadgets" => unit=JPY
        """
        let s = try settings(userRules: rules)
        let found = try items("We sold 3 widgets and 4 gadgets.", settings: s).filter { $0.1.hasPrefix("figures/") }
        XCTAssertEqual(found.map(\.1), ["figures/en#high", "figures/en#first_of_equals"])
    }

    /// A user rule with a built-in rule's id replaces it.
    func testUserRuleOverridesBuiltIn() throws {
        let rules = """
        rule percent
          match n:<number> "%"
          action figure.money USD
          example "5%" => unit=USD
        """
        let found = try items("Margins rose 5%.", settings: try settings(userRules: rules)).filter { $0.1 == "figures/en#percent" }
        XCTAssertEqual(found.first?.2["unit"], .string("USD"))
    }

    /// A 1 MB paragraph with no sentence punctuation: sentences are cut (2000 units) and matches
    /// span at most 128 tokens, so the work is linear. Numbers are still found, except where a
    /// cut falls inside a phrase ("12 | million"): at most one per cut (1 MB / 2000 ≈ 530 cuts).
    func testLongParagraphWithoutPunctuationIsBounded() throws {
        let piece = "capex 12 million and margin 5 percent "
        let text = String(repeating: piece, count: 1_048_576 / piece.utf8.count)
        let found = try items(text, settings: try settings())
        let count = 1_048_576 / piece.utf8.count
        let cuts = text.utf16.count / 2000 + 1
        XCTAssertGreaterThanOrEqual(found.filter { $0.1.hasPrefix("numbers/en#scaled") }.count, count - cuts)
        XCTAssertGreaterThanOrEqual(found.filter { $0.1 == "figures/en#percent" }.count, count - cuts)
    }

    /// A long document is matched in runs of sentences, one per core; the items must be those
    /// of one plain pass over every sentence, in the same order (all corpus notes, and the
    /// largest repeated so that it is cut into several runs).
    func testMatchingInRunsEqualsOnePass() throws {
        let settings = try settings()
        var texts = try TestPaths.corpusFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        texts.append(String(repeating: texts.max { $0.utf16.count < $1.utf16.count }!, count: 3))
        for text in texts {
            let work = try GrammarWorkbench(settings: settings).run(text)
            let segments = try XCTUnwrap(work.segments)
            XCTAssertGreaterThan(GrammarStage.groups(segments.sentences, tokens: segments.tokens.count).count,
                                 segments.tokens.count >= GrammarStage.parallelThreshold && Parallel.cores > 1 ? 1 : 0)
            let plain = try PlainPass.items(of: work, settings: settings)
            XCTAssertEqual(work.items.map(PlainPass.key), plain.map(PlainPass.key))
            XCTAssertGreaterThan(plain.count, 10)
        }
    }

    /// The stages a token type may start anything in, worked out for all stages at once as the
    /// type enters the vocabulary (`QuietIndex`), are those where the stage's own index lists something for the type
    /// (`FirstTokenIndex.proposeType`), for every type of every corpus note; and most types are
    /// quiet in most stages, which is what makes marking them worth it.
    func testQuietIndexAgreesWithEachStage() throws {
        let settings = try settings()
        let stages = settings.grammar.stageOrder.compactMap { settings.grammar.matchers[$0] }
        let quiet = try XCTUnwrap(stages.first?.quiet).index
        for url in try TestPaths.corpusFiles() {
            let work = try GrammarWorkbench(settings: settings).run(try String(contentsOf: url, encoding: .utf8))
            let segments = try XCTUnwrap(work.segments)
            // A vocabulary of this note alone: its types are 0 ..< count there.
            let view = DocumentView(text: work.document!.text, segments: segments, lexicon: settings.lexicon, referenceDate: nil,
                                    vocabulary: SharedVocabulary(quiet: quiet))
            let types = view.typeCount
            XCTAssertEqual(view.vocabulary.count, types)
            var features: [TokenFeatures] = [], all: [UInt32] = []
            _ = view.vocabulary.types(from: 0) { f, stages in
                features = Array(f)
                if let stages { all = Array(UnsafeBufferPointer(start: stages, count: f.count)) }
            }
            XCTAssertEqual(all.count, types)
            var disagreements = 0, quietTypes = 0
            for matcher in stages {
                let bit = try XCTUnwrap(matcher.quiet).bit
                let entries = max(1, matcher.ways.ways.count)
                let list = UnsafeMutablePointer<Int32>.allocate(capacity: entries)
                let proposed = UnsafeMutablePointer<Int>.allocate(capacity: entries)
                defer { list.deallocate(); proposed.deallocate() }
                proposed.initialize(repeating: -1, count: entries)
                for t in 0..<types {
                    var listed = 0
                    matcher.ways.index.proposeType(features[t], mark: -2 - t, into: list, count: &listed, proposed: proposed)
                    if (listed == 0) != (all[t] & bit == 0) { disagreements += 1 }
                    if listed == 0 { quietTypes += 1 }
                }
            }
            XCTAssertEqual(disagreements, 0, url.lastPathComponent)
            XCTAssertGreaterThan(quietTypes, types * stages.count / 2, url.lastPathComponent)
        }
    }

    /// The requirement compiled for a figures rule of `pattern` (after a numbers stage).
    func requirement(_ pattern: String) throws -> Set<RequirementKey>? {
        let text = "rule r\n  match \(pattern)\n  action figure.money USD\n  example \"1\" => unit=USD\n"
        let numbers = "rule n\n  match [kind:number]\n  action number.arabic\n  example \"1\" => value=1\n"
        let grammar = try Grammar(stages: ["numbers", "figures"], sources: [("n.rules", "numbers", "n", numbers), ("t.rules", "figures", "t", text)],
                                  lexiconClasses: ["company"])
        return try XCTUnwrap(grammar.matchers["figures"]?.rules.first).program.requirement
    }

    /// A word's requirement key.
    func word(_ w: String) -> RequirementKey { .key(.lower(TokenKeys.hash(Array(w.utf16)[...]))) }

    /// The requirement compiled for a rule: the most selective set of words every match holds,
    /// never one the rule's first token can meet itself, never from an optional part.
    func testRequirementsNameWordsEveryMatchHolds() throws {
        XCTAssertEqual(try requirement("n:<number> [lower:of] [lower:the]? [lower:fortnights]"), [word("fortnights")])
        XCTAssertEqual(try requirement("n:<number> [lower:the]? ([lower:fortnights] | [lower:sennights])"), [word("fortnights"), word("sennights")])
        XCTAssertNil(try requirement("n:<number> ([lower:fortnights] | [lower:sennights]?)"), "an optional option needs nothing")
        XCTAssertNil(try requirement("[lower:fortnights] n:<number>"), "the first token meets its own requirement")
        XCTAssertNil(try requirement("n:<number> [kind:word]"), "a kind is in every sentence")
        XCTAssertNil(try requirement("n:<number> [lower:fortnights]{0,2}"))
        XCTAssertEqual(try requirement("n:<number> [lower:x]+ \"per cent\""), [word("x")])
    }

    /// A rule with several ways in may need what some of its first tokens hold themselves: started
    /// at "will" it still needs its verb, started at the verb it meets the need itself. A number
    /// glued to its unit (a test of what the token is made of that asks for a letter outside the
    /// digits) is a key of its own, not the digits every number starts with.
    func testRequirementsOfRulesWithSeveralWaysIn() throws {
        XCTAssertEqual(try requirement("[lower:will]? [lower:launch | lower:ship] n:<number>"), [word("launch"), word("ship")])
        XCTAssertEqual(try requirement("[lower:will]? [lower:launch | lower:ship] [lower:fortnights]"), [word("fortnights")],
                       "a word no first token holds is still the better one")
        XCTAssertNil(try requirement("[lower:launch | lower:ship] n:<number>"), "every first token meets it itself")
        let glued = "[lower:about]? (n:<number> [lower:watts] | t:[kind:word & first:\"0123456789\" & all:\"0123456789.kW\" & !all:\"0123456789.k\"])"
        let keys = try XCTUnwrap(try requirement(glued))
        XCTAssertEqual(keys.count, 2)
        XCTAssertTrue(keys.contains(word("watts")))
        XCTAssertTrue(keys.contains { if case .test = $0 { true } else { false } })
        XCTAssertNil(try requirement("[lower:about]? (n:<number> [lower:watts] | t:[kind:word & first:\"0123456789\"])"),
                     "a test of the first character alone is no rarer than its digits")
    }

    /// The built-in rule for power, which takes a number glued to its unit, is not started at
    /// "about" in a sentence holding no such token nor unit word, and matches as before where
    /// one is.
    func testGluedUnitRulesNeedTheirToken() throws {
        let s = try settings()
        let found = try items("It drew about 5 amps. It drew about 5kW. Then about 7 watts.", settings: s).filter { $0.1 == "figures/en#power" }
        XCTAssertEqual(found.map(\.0), ["about 5kW", "about 7 watts"])
        let matcher = try XCTUnwrap(s.grammar.matchers["figures"])
        let r = try XCTUnwrap(matcher.rules.firstIndex { $0.rule.id == "figures/en#power" })
        XCTAssertNotEqual(matcher.requirements.ruleBits[r], 0)
        let profile = try figuresProfile("It drew about 5 amps. It drew about 6k amps.", settings: s)
        XCTAssertEqual(profile.rows[r].starts, 0)
    }

    /// A rule whose required word is missing from a sentence is not started there (the profile
    /// counts it), and matches as before where the word is; results equal those of a grammar
    /// whose rule has no requirement to check.
    func testRulesNeedingAMissingWordAreNotStarted() throws {
        let rules = """
        rule spaced
          match n:<number> [lower:of] [lower:the]? [lower:fortnights]
          action figure.money USD
          example "3 of the fortnights" => value=3 unit=USD
          not "3 of the weeks"
        """
        let s = try settings(userRules: rules)
        let found = try items("We spent 3 of them. Then 4 of the fortnights went by.", settings: s).filter { $0.1 == "figures/en#spaced" }
        XCTAssertEqual(found.map(\.0), ["4 of the fortnights"])
        let matcher = try XCTUnwrap(s.grammar.matchers["figures"])
        let r = try XCTUnwrap(matcher.rules.firstIndex { $0.rule.id == "figures/en#spaced" })
        XCTAssertNotEqual(matcher.requirements.ruleBits[r], 0)
        let profile = try figuresProfile("We spent 3 of them. We spent 5 of them.", settings: s)
        XCTAssertEqual(profile.rows[r].starts, 0)
        XCTAssertGreaterThanOrEqual(profile.scan.skipped, 2)
    }

    /// A way into a rule whose own test a token's type fails is dropped for that type when the
    /// type is first met (`TypeWays`): a note that repeats the type does not ask the way again
    /// at each token, and what matches is unchanged.
    func testWaysATypeFailsAreDroppedForTheType() throws {
        let numbers = "rule n\n  match [kind:number]\n  action number.arabic\n  example \"1\" => value=1\n"
        let figures = "rule q\n  match [script:latin & re:/q+/] n:<number>\n  action figure.money USD\n  example \"qq 4\" => value=4 unit=USD\n"
        let grammar = try Grammar(stages: ["numbers", "figures"], sources: [("n.rules", "numbers", "n", numbers), ("q.rules", "figures", "q", figures)],
                                  lexiconClasses: [])
        let settings = try settings()
        func run(_ text: String) throws -> (asked: Int, found: [String]) {
            let work = try GrammarWorkbench(settings: settings).run(text)
            let segments = try XCTUnwrap(work.segments)
            let view = DocumentView(text: work.document!.text, segments: segments, lexicon: settings.lexicon, referenceDate: nil)
            for stage in ["numbers", "figures"] {
                let matcher = try XCTUnwrap(grammar.matchers[stage])
                let scratch = matcher.scratch(for: view, profiling: true)
                var found: [Item] = []
                for sentence in segments.sentences { found += matcher.match(view, sentence: sentence, scratch: scratch).items }
                view.add(found)
                guard stage == "figures" else { continue }
                let profile = RuleProfile(rules: matcher.rules.count)
                matcher.collect(scratch, into: profile)
                return (profile.scan.ways, found.map { work.document!.text.slice(Int($0.start)..<Int($0.end)) })
            }
            return (-1, [])
        }
        let once = try run("abc 1 qq 4")
        let often = try run("abc 1 abc 2 abc 3 abc 5 qq 4")
        XCTAssertEqual(once.found, ["qq 4"])
        XCTAssertEqual(often.found, ["qq 4"])
        XCTAssertEqual(once.asked, 1, "only the type that passes the way's test asks it")
        XCTAssertEqual(often.asked, once.asked, "a type that failed is not asked again")
    }
}
