import Extraction
import Foundation
import NoteGraphCore

/// Runs the pipeline over files with every grammar stage counting what each of its rules cost
/// (`RuleProfile`) and prints the dearest rules per stage: the tool for keeping a growing
/// grammar within the engine's throughput target. Times are CPU-side wall time per rule start
/// (the run and the action), summed over the cores matching in parallel.
public struct GrammarProfiler {
    public let settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    public struct StageReport {
        public var stage: String
        public var sentences: Int
        public var seconds: Double
        public var scan: RuleProfile.Scan
        /// (rule id, row), dearest first.
        public var rules: [(String, RuleProfile.Row)]
    }

    /// Profiles `paths` (files or folders, as `ingest` takes them) `repeat` times over.
    public func run(paths: [String], repeat count: Int = 1) throws -> (bytes: Int, failures: [String], stages: [StageReport]) {
        var profiles: [(GrammarStage, RuleProfile)] = []
        let stages: [Stage] = settings.stages.map { stage in
            guard let grammar = stage as? GrammarStage else { return stage }
            let profile = RuleProfile(rules: grammar.matcher.rules.count)
            let profiled = GrammarStage(matcher: grammar.matcher, profile: profile)
            profiles.append((profiled, profile))
            return profiled
        }
        let processor = DocumentProcessor(stages: stages, lexicon: settings.lexicon)
        var bytes = 0, failures: [String] = []
        for item in FileWalker().expand(paths) {
            switch item {
            case let .file(path, _):
                do {
                    let input = try FileWalker.read(path, maxBytes: settings.maxBytes)
                    for _ in 0..<max(1, count) {
                        _ = try processor.process(path: path, bytes: input)
                        bytes += input.count
                    }
                } catch {
                    failures.append("\(path): \(error)")
                }
            case let .failed(error): failures.append(error.message)
            }
        }
        let reports = profiles.map { stage, profile in
            StageReport(stage: stage.name, sentences: profile.sentences, seconds: Double(profile.totalNanoseconds) / 1e9, scan: profile.scan,
                        rules: zip(stage.matcher.rules.map(\.rule.id), profile.rows)
                            .filter { $0.1.starts > 0 }
                            .sorted { $0.1.nanoseconds > $1.1.nanoseconds })
        }
        return (bytes, failures, reports)
    }
}
