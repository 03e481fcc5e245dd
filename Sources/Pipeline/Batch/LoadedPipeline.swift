import Foundation
import GraphStore
import NoteGraphCore
import Readers

/// The pipeline ready to read files: settings, the processor that runs the stages, and the
/// planner that decides which stored documents a pipeline change affects. `BatchImporter`
/// builds it only when a file must be read, so a re-run over unchanged files never loads the
/// lexicon or compiles a grammar.
final class LoadedPipeline {
    let settings: PipelineSettings
    let processor: DocumentProcessor
    let planner: RereadPlanner
    let maxBytes: Int

    init(settings: PipelineSettings, store: GraphStore) {
        self.settings = settings
        processor = DocumentProcessor(stages: settings.stages, lexicon: settings.lexicon)
        maxBytes = settings.maxBytes
        planner = Self.makePlanner(settings, store: store)
    }

    /// What the store keeps under the inputs' key: the version these inputs give and the read
    /// limit, all an unchanged file's check needs.
    var knownContent: String {
        JSONValue.object([("version", .string(settings.version)), ("maxBytes", .int(maxBytes))]).serialized
    }

    /// The planner, after recording what the current lexicon and grammar stand for (so the
    /// next change can be narrowed). Snapshots are built only when the store lacks them.
    static func makePlanner(_ settings: PipelineSettings, store: GraphStore) -> RereadPlanner {
        var lexicon: LexiconSnapshot?
        var grammar: GrammarSnapshot?
        let lexiconSnapshot = { () -> LexiconSnapshot in
            if let lexicon { return lexicon }
            lexicon = LexiconSnapshot(lexicon: settings.lexicon)
            return lexicon!
        }
        let grammarSnapshot = { () throws -> GrammarSnapshot in
            if let grammar { return grammar }
            grammar = try GrammarSnapshot(stages: settings.grammar.stageOrder, userFiles: settings.grammarFiles)
            return grammar!
        }
        let version = settings.pipelineVersion
        if (try? store.snapshot(part: "lexicon", fingerprint: version.lexicon)) == nil {
            try? store.saveSnapshot(part: "lexicon", fingerprint: version.lexicon, content: lexiconSnapshot().json)
        }
        if (try? store.snapshot(part: "grammar", fingerprint: version.grammar)) == nil, let g = try? grammarSnapshot() {
            try? store.saveSnapshot(part: "grammar", fingerprint: version.grammar, content: g.json)
        }
        return RereadPlanner(current: version, store: store, lexicon: lexiconSnapshot, grammar: grammarSnapshot)
    }
}
