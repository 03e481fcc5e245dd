import Extraction
import Foundation
import NoteGraphCore

/// Runs short texts through the pipeline's own stages, for `notegraph grammar test` (every
/// rule's examples) and `notegraph grammar explain` (tokens, candidates, winners, values).
public struct GrammarWorkbench {
    public let settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    /// The work after every stage up to and including `lastStage` (all stages when nil).
    public func run(_ text: String, through lastStage: String? = nil, referenceDate: String? = nil) throws -> DocumentWork {
        let bytes = Array(text.utf8)
        var work = DocumentWork(path: "example.txt", bytes: bytes, sha256: StableID.sha256Hex(bytes), lexicon: settings.lexicon)
        for stage in settings.stages {
            try stage.run(&work)
            if stage.name == "normalize", let referenceDate, var d = work.document {
                d.date = NoteDate(iso: referenceDate, origin: "rule file reference")
                work.document = d
            }
            if stage.name == lastStage { break }
        }
        return work
    }

    public struct Failure: CustomStringConvertible {
        public var rule: Rule
        public var example: Example
        public var actual: String
        public var description: String {
            let expected = example.mustMatch
                ? "\"\(example.input)\"" + (example.expected.isEmpty ? "" : " => " + example.expected.map { "\($0.0)=\($0.1.serialized)" }.joined(separator: " "))
                : "not \"\(example.input)\""
            return "\(example.position): \(rule.id): \(expected)\n    got: \(actual)"
        }
    }

    /// Runs every example of every rule in `files` (all loaded files when nil).
    public func test(files: [String]? = nil) throws -> (examples: Int, failures: [Failure]) {
        var count = 0
        var failures: [Failure] = []
        for stage in settings.grammar.stageOrder {
            guard let matcher = settings.grammar.matchers[stage] else { continue }
            for compiled in matcher.rules {
                let rule = compiled.rule
                if let files, !files.contains(where: { rule.position.file.hasSuffix($0) || $0.hasSuffix(rule.position.file) }) { continue }
                for example in rule.examples {
                    count += 1
                    if let actual = try check(example, rule: rule, stage: stage) {
                        failures.append(Failure(rule: rule, example: example, actual: actual))
                    }
                }
            }
        }
        return (count, failures)
    }

    /// nil when the example holds, else what happened instead.
    func check(_ example: Example, rule: Rule, stage: String) throws -> String? {
        let work = try run(example.input, through: stage, referenceDate: rule.reference)
        guard let document = work.document else { return "no text" }
        let text = document.text
        let whole = Self.trimmedBounds(text.utf16)
        let mine = work.items.filter { $0.rule == rule.id }
        if !example.mustMatch {
            return mine.isEmpty ? nil : "matched " + mine.map { "\"\(text.slice(Int($0.start)..<Int($0.end)))\" \($0.value.serialized)" }.joined(separator: ", ")
        }
        guard let item = mine.first(where: { Int($0.start) == whole.lowerBound && Int($0.end) == whole.upperBound }) else {
            let others = work.items.filter { $0.dimension == ActionRegistry.action(rule.action)?.dimension || $0.rule == rule.id }
            if others.isEmpty && mine.isEmpty { return "no match" }
            return "no match of this rule over the whole input; matches: " + others.map {
                "\"\(text.slice(Int($0.start)..<Int($0.end)))\" by \($0.rule) \($0.value.serialized)"
            }.joined(separator: ", ")
        }
        for (key, expected) in example.expected {
            guard let actual = item.value[key], Self.same(actual, expected) else {
                return item.value.serialized
            }
        }
        return nil
    }

    static func trimmedBounds(_ units: [UInt16]) -> Range<Int> {
        var a = 0, b = units.count
        while a < b, units[a] == 0x20 || units[a] == 0x0A { a += 1 }
        while b > a, units[b - 1] == 0x20 || units[b - 1] == 0x0A { b -= 1 }
        return a..<b
    }

    /// Numbers compare by value (1e12 == 1000000000000) within a relative 1e-9.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y)) }
        return a == b
    }
}
