import Foundation
import NoteGraphCore

/// Every rule file of a pipeline, checked and compiled: the built-in grammars shipped in
/// `Resources/Grammars/<stage>/<name>.rules`, then user files from pipeline.json, which add
/// rules or replace a built-in rule of the same id (`<stage>/<stem>#<rule>`). Any error in any
/// file stops loading; nothing half-runs.
public final class Grammar: @unchecked Sendable {
    /// The grammar stages in pipeline order, each with its compiled matcher.
    public let matchers: [String: StageMatcher]
    public let stageOrder: [String]
    public let files: [RuleFile]
    /// Hash of every rule file's text: part of the pipeline version.
    public let fingerprint: String

    public static let builtInStages = ["numbers", "dates", "figures", "metrics", "companies", "cues", "actions"]

    public static func builtInFiles() throws -> [URL] {
        guard let root = Bundle.module.url(forResource: "Grammars", withExtension: nil, subdirectory: "Resources") else {
            throw InternalError("Grammar", "the built-in grammars are missing from the package resources")
        }
        var urls: [URL] = []
        for stage in builtInStages {
            let dir = root.appendingPathComponent(stage)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            urls += names.filter { $0.hasSuffix(".rules") }.sorted().map { dir.appendingPathComponent($0) }
        }
        return urls
    }

    /// Loads built-in and user files for `stages` (grammar stage names in pipeline order).
    public convenience init(stages: [String], userFiles: [URL] = [], lexiconClasses: Set<String>) throws {
        var sources: [(display: String, stage: String, stem: String, text: String)] = []
        for url in try Self.builtInFiles() {
            let stage = url.deletingLastPathComponent().lastPathComponent
            // A pipeline without a stage skips its built-in rules.
            guard stages.contains(stage) else { continue }
            sources.append(("Grammars/\(stage)/\(url.lastPathComponent)", stage, url.deletingPathExtension().lastPathComponent,
                            try String(contentsOf: url, encoding: .utf8)))
        }
        for url in userFiles {
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw GrammarError(SourcePosition(file: url.path, line: 0, column: 0), "cannot read the rule file as UTF-8 text")
            }
            sources.append((url.path, url.deletingLastPathComponent().lastPathComponent, url.deletingPathExtension().lastPathComponent, text))
        }
        try self.init(stages: stages, sources: sources, lexiconClasses: lexiconClasses)
    }

    /// Loads from texts (tests and `grammar test FILE` use this directly).
    public init(stages: [String], sources: [(display: String, stage: String, stem: String, text: String)], lexiconClasses: Set<String>) throws {
        var files: [RuleFile] = []
        for s in sources {
            let file = try RuleFileParser(file: s.display).parse(s.text, stage: s.stage, stem: s.stem)
            guard stages.contains(file.stage) else {
                throw GrammarError(SourcePosition(file: s.display, line: 1, column: 1),
                                   "stage \"\(file.stage)\" is not a grammar stage of this pipeline (\(stages.joined(separator: ", ")))")
            }
            files.append(file)
        }
        // Rules by id in load order: a later file's rule with the same id replaces the earlier one.
        var rules: [(rule: Rule, file: RuleFile)] = []
        for file in files {
            for rule in file.rules {
                if let k = rules.firstIndex(where: { $0.rule.id == rule.id }) { rules[k] = (rule, file) } else { rules.append((rule, file)) }
            }
        }
        var matchers: [String: StageMatcher] = [:]
        var available: Set<String> = []
        for stage in stages {
            var compiled: [StageMatcher.CompiledRule] = []
            var produced: Set<String> = []
            var checks = CheckTable()
            for (rule, file) in rules where file.stage == stage {
                guard let action = ActionRegistry.action(rule.action) else {
                    throw GrammarError(rule.actionPosition, expected: "a registered action (see `notegraph grammar actions`)", found: "\"\(rule.action)\"")
                }
                if let problem = action.checkArguments(rule.arguments) {
                    throw GrammarError(rule.actionPosition, "action \(rule.action) \(problem)")
                }
                try Self.checkDimensions(rule.pattern, available: available, macros: file.macros, stage: stage)
                let program = try Compiler.compile(rule.pattern, at: rule.position, macros: file.macros, lexiconClasses: lexiconClasses, checks: &checks)
                compiled.append(.init(rule: rule, program: program, action: action, order: compiled.count))
                produced.insert(action.dimension)
            }
            matchers[stage] = StageMatcher(stage: stage, rules: compiled, checks: checks)
            available.formUnion(produced)
        }
        // One index of the stages' first keys (of up to 32 stages), so a type is looked up once
        // for all as it enters the vocabulary; one vocabulary for all stages, as a note's types
        // are numbered by the first and read by all.
        let ordered = stages.compactMap { matchers[$0] }
        var indexes: [QuietIndex] = []
        for first in stride(from: 0, to: ordered.count, by: QuietIndex.maxStages) {
            let group = ordered[first..<min(ordered.count, first + QuietIndex.maxStages)]
            let quiet = QuietIndex(group.map(\.ways.index))
            indexes.append(quiet)
            for (s, m) in group.enumerated() { m.quiet = (quiet, UInt32(1) << UInt32(s)) }
        }
        // More than 32 stages: the later groups' stages ask their index themselves (`TypeMemory`).
        let vocabulary = SharedVocabulary(quiet: indexes.first)
        for m in ordered { m.vocabulary = vocabulary }
        self.matchers = matchers
        stageOrder = stages
        self.files = files
        fingerprint = String(StableID.make("grammar", sources.map { $0.display + "\n" + $0.text }).dropFirst(8))
    }

    /// `<dimension>` must name what an earlier stage produces.
    static func checkDimensions(_ p: Pattern, available: Set<String>, macros: [String: Macro], stage: String, depth: Int = 0) throws {
        guard depth < 64 else { return }   // cycles are reported by the compiler
        switch p {
        case let .dimension(d, position) where !available.contains(d):
            throw GrammarError(position, expected: "a dimension produced by a stage before \(stage) (\(available.sorted().joined(separator: ", ")))", found: "<\(d)>")
        case let .sequence(items), let .alternation(items):
            for i in items { try checkDimensions(i, available: available, macros: macros, stage: stage, depth: depth + 1) }
        case let .repetition(inner, _, _, _), let .capture(_, inner, _):
            try checkDimensions(inner, available: available, macros: macros, stage: stage, depth: depth + 1)
        case let .macro(name, _):
            if let m = macros[name] { try checkDimensions(m.pattern, available: available, macros: macros, stage: stage, depth: depth + 1) }
        default: break
        }
    }

    public var ruleCount: Int { matchers.values.reduce(0) { $0 + $1.rules.count } }
}
