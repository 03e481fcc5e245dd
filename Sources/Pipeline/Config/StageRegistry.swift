import Foundation
import Extraction
import NoteGraphCore
import Readers
import Segmentation

/// The one table of built-in stages: the names pipeline.json may use, in their default order,
/// each with the factory that reads its options. Adding a stage means adding a line here.
public enum StageRegistry {
    /// What a factory may need besides its options.
    public struct Context {
        public var lexicon: () throws -> Lexicon
        /// The pipeline's grammar (built-in and user rule files), loaded on first use.
        public var grammar: () throws -> Grammar
    }

    public typealias Factory = @Sendable (ConfigReader, Context) throws -> Stage

    public static let stages: [(name: String, factory: Factory)] = [
        ("read", { options, _ in ReadStage(options: try ReaderOptions(config: options)) }),
        ("normalize", { options, _ in try options.finish(); return NormalizeStage() }),
        ("segment", { options, _ in try SegmentStage(config: options) }),
        ("lexicon", { options, context in try options.finish(); return LexiconStage(lexicon: try context.lexicon()) }),
        ("numbers", grammarStage("numbers")),
        ("dates", grammarStage("dates")),
        ("figures", grammarStage("figures")),
        ("metrics", grammarStage("metrics")),
        ("companies", grammarStage("companies")),
        ("cues", grammarStage("cues")),
        ("context", { options, context in try options.finish(); return ContextStage(lexicon: try context.lexicon()) }),
        ("actions", grammarStage("actions")),
        ("events", { options, _ in try options.finish(); return EventsStage() }),
        ("claims", { options, _ in
            let distance = try options.int("nearDuplicateDistance", default: ClaimStage.defaultNearDuplicateDistance, range: 0...32)
            try options.finish()
            return ClaimStage(nearDuplicateDistance: distance)
        }),
    ]

    /// A stage that runs the rules of `Grammars/<name>/`.
    static func grammarStage(_ name: String) -> Factory {
        { options, context in
            try options.finish()
            guard let matcher = try context.grammar().matchers[name] else {
                throw InternalError("StageRegistry", "grammar stage \(name) was not compiled")
            }
            return GrammarStage(matcher: matcher)
        }
    }

    public static var names: [String] { stages.map(\.name) }

    public static func factory(_ name: String) -> Factory? { stages.first { $0.name == name }?.factory }

    /// Refuses a stage list in which a stage runs before what it needs.
    public static func checkOrder(_ stages: [Stage], file: String) throws {
        var available: Set<Artifact> = []
        for (i, stage) in stages.enumerated() {
            for need in stage.requires where !available.contains(need) {
                let provider = stages.first { $0.provides.contains(need) }?.name
                throw ConfigError(file: file, keyPath: "stages[\(i)]",
                                  "stage \"\(stage.name)\" needs \(need.rawValue), which " +
                                  (provider.map { "stage \"\($0)\" provides: list it earlier" } ?? "no listed stage provides: add the stage that does"))
            }
            available.formUnion(stage.provides)
        }
        if stages.first?.name != "read" {
            throw ConfigError(file: file, keyPath: "stages[0]", "the first stage must be \"read\"")
        }
    }
}
