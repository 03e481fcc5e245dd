import ArgumentParser
import Extraction
import Foundation
import NoteGraphCore
import Pipeline

struct GrammarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar", abstract: "Test rule files against their examples, or explain how a text is matched.",
        subcommands: [Test.self, Explain.self, Actions.self, Conformance.self])

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the examples of every rule (or of the rule files named) and print each failure.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Rule files to test (default: all built-in and pipeline.json files).") var files: [String] = []

        func run() throws {
            let settings = try global.settings()
            let (count, failures) = try GrammarWorkbench(settings: settings).test(files: files.isEmpty ? nil : files)
            for f in failures { print(f) }
            print("\(count) examples, \(failures.count) failed, \(settings.grammar.ruleCount) rules")
            if failures.count > 0 { throw ExitCode(1) }
            if count == 0 { Console.error("no examples found for \(files.joined(separator: ", "))"); throw ExitCode(2) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the tokens of a text, every match with its rule, the winners and their values.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The text to explain.") var text: String

        func run() throws {
            let settings = try global.settings()
            let bench = GrammarWorkbench(settings: settings)
            let work = try bench.run(text, through: "lexicon")
            guard let document = work.document, let segments = work.segments else { return }
            let t = document.text
            print("tokens:")
            for (i, token) in segments.tokens.enumerated() {
                var entry = ""
                if token.lexiconEntry >= 0 {
                    let e = work.lexicon.entries[Int(token.lexiconEntry)]
                    entry = "  \(e.lexiconClass):\(e.id)"
                    if let maker = e.property("maker")?.stringValue { entry += " (made by \(maker))" }
                    if !e.candidates.isEmpty { entry += " (one of \(e.candidates.joined(separator: ", ")))" }
                }
                print("  \(i)  \"\(token.text(in: t))\"  \(token.kind.name) \(token.script.name)\(entry)")
            }
            let view = DocumentView(text: t, segments: segments, lexicon: work.lexicon, referenceDate: document.date?.iso)
            for stage in settings.grammar.stageOrder {
                guard let matcher = settings.grammar.matchers[stage] else { continue }
                print("\(stage):")
                var winners: [Item] = []
                for sentence in segments.sentences {
                    let (items, candidates) = matcher.match(view, sentence: sentence, keepCandidates: true)
                    for c in candidates {
                        let won = items.contains { $0.rule == c.item.rule && $0.firstToken == c.item.firstToken && $0.endToken == c.item.endToken }
                        print("  \(won ? "✓" : " ") \"\(t.slice(Int(c.item.start)..<Int(c.item.end)))\" tokens \(c.item.firstToken)..<\(c.item.endToken) \(c.item.rule) → \(c.item.value.serialized)")
                    }
                    winners += items
                }
                view.add(winners)
            }
        }
    }

    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the actions rules can name.")
        func run() {
            for a in ActionRegistry.all { print("\(a.name)  [\(a.dimension)]  \(a.summary)") }
        }
    }

    struct Conformance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the conformance cases (numbers, percentages, money, dimensions, dates) and print pass rates per file, language and kind.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The folder of *.jsonl cases.") var directory = "../shared/conformance/recognizers-text"
        @Option(help: "Failures to print per row.") var examples = 0
        @Option(help: "Cases excluded on purpose (file:line<TAB>reason); \"\" for none.") var exclusions = "Fixtures/conformance/exclusions.tsv"

        func run() throws {
            let report = try Pipeline.Conformance(settings: try global.settings()).run(directory: URL(fileURLWithPath: directory),
                                                                                                     exclusions: exclusions.isEmpty ? nil : URL(fileURLWithPath: exclusions),
                                                                                                     examplesPerRow: examples)
            print("file".padding(toLength: 28, withPad: " ", startingAt: 0) + "lang  kind         passed / cases      rate  excluded")
            for key in report.rows.keys.sorted() {
                let t = report.rows[key]!, parts = key.split(separator: " ")
                print(String(parts[0]).padding(toLength: 28, withPad: " ", startingAt: 0) + String(parts[1]).padding(toLength: 6, withPad: " ", startingAt: 0)
                      + String(parts[2]).padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%8d / %-6d %7.1f%%  %5d", t.passed, t.total, t.rate * 100, t.excluded))
                for e in report.examples[key] ?? [] { print("    " + e) }
            }
            for part in ["number", "percent", "money", "dimension", "range", "date"] {
                let t = report.total(matching: part)
                print(part + String(format: ": %d / %d = %.1f%% (%d excluded)", t.passed, t.total, t.rate * 100, t.excluded))
            }
            let t = report.total
            print(String(format: "all: %d / %d = %.1f%% (%d excluded)", t.passed, t.total, t.rate * 100, t.excluded))
            for s in report.stale { print("stale exclusion: " + s) }
        }
    }
}
