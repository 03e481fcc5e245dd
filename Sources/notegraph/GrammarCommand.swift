import ArgumentParser
import Extraction
import Foundation
import NoteGraphCore
import Pipeline

struct GrammarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar", abstract: "Test rule files against their examples, or explain how a text is matched.",
        subcommands: [Test.self, Explain.self, Actions.self, Conformance.self, Profile.self])

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
        static let configuration = CommandConfiguration(abstract: "Print the tokens of a text, every match with its rule, the winners and their values, and every match an action refused with the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The text to explain.") var text: String

        @Option(help: "The note date relative dates resolve against (YYYY-MM-DD).") var reference: String?

        func run() throws {
            print(try GrammarExplainer(settings: try global.settings()).explain(text, referenceDate: reference))
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
