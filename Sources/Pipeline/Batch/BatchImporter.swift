import Foundation
import GraphStore
import NoteGraphCore
import Readers

/// Imports files into a store one by one: a bad file is reported and the batch goes on; each
/// document is stored in its own transaction, so nothing already stored is lost (a run killed
/// at any point leaves every finished document stored and the rest as they were). A file whose
/// bytes and pipeline version are unchanged is skipped; after a pipeline change a file is read
/// again only where the change can affect it (`RereadPlanner`). After the files, verdicts are
/// reconciled with the claims now in the graph.
public final class BatchImporter {
    /// A file read and stored, with why it was read and what its save changed.
    public struct Imported {
        public var path: String
        public var document: Document
        public var extraction: Extraction
        public var index: Int
        /// "new file", "file changed", or the pipeline change that made it be read again.
        public var cause: String
        /// This document's part of the cause ("contains \"Zentrix\""), if any.
        public var detail: String?
        public var changes: StoreChanges
    }

    public enum Event {
        case started(total: Int)
        case imported(Imported)
        case unchanged(path: String, index: Int)
        /// Stored under a pipeline version that differs only where it cannot affect this file.
        case spared(path: String, cause: String, index: Int)
        case failed(path: String, message: String, index: Int)
        case warning(path: String, message: String)
    }

    public struct Summary: Equatable {
        public var documents = 0
        public var unchanged = 0
        public var failed = 0
        public var warnings = 0
        public var bytes = 0
        public var seconds = 0.0
        /// Why documents were read, with how many each time, in the order first met.
        public var causes: [Count] = []
        /// Documents a pipeline change could not affect (counted in `unchanged` too), by cause.
        public var spared: [Count] = []
        public var tally = ChangeTally()
        public var verdicts: [VerdictChange] = []

        public struct Count: Equatable {
            public var cause: String
            public var documents: Int
        }

        static func bump(_ list: inout [Count], _ cause: String) {
            if let i = list.firstIndex(where: { $0.cause == cause }) { list[i].documents += 1 } else { list.append(Count(cause: cause, documents: 1)) }
        }
    }

    public static let newFile = "new file"
    public static let changedFile = "file changed"

    let settings: PipelineSettings
    let store: GraphStore
    let maxBytes: Int

    public init(settings: PipelineSettings, store: GraphStore) {
        self.settings = settings
        self.store = store
        maxBytes = settings.stages.compactMap { ($0 as? ReadStage)?.options.maxBytes }.first ?? 32 << 20
    }

    public func run(paths: [String], onEvent: (Event) -> Void) -> Summary {
        let start = Date()
        var summary = Summary()
        let items = FileWalker().expand(paths)
        onEvent(.started(total: items.count))
        let processor = DocumentProcessor(stages: settings.stages, lexicon: settings.lexicon)
        let planner = makePlanner()
        for (index, item) in items.enumerated() {
            switch item {
            case let .failed(error):
                summary.failed += 1
                onEvent(.failed(path: error.path, message: error.message, index: index))
            case let .file(path, _):
                do {
                    let bytes = try FileWalker.read(path, maxBytes: maxBytes)
                    summary.bytes += bytes.count
                    let sha = StableID.sha256Hex(bytes)
                    let stored = try store.source(path: path)
                    var cause = stored == nil ? Self.newFile : Self.changedFile
                    var detail: String?
                    if let stored, stored.sha256 == sha {
                        switch try planner.decide(stored) {
                        case .unchanged:
                            summary.unchanged += 1
                            onEvent(.unchanged(path: path, index: index))
                            continue
                        case let .spared(why):
                            try store.setPipelineVersion(path: path, settings.version)
                            summary.unchanged += 1
                            Summary.bump(&summary.spared, why)
                            onEvent(.spared(path: path, cause: why, index: index))
                            continue
                        case let .reread(why, note):
                            cause = why
                            detail = note
                        }
                    }
                    let work = try processor.process(path: path, bytes: bytes)
                    let document = work.document!
                    let changes = try store.save(document, extraction: work.extraction, pipelineVersion: settings.version)
                    summary.documents += 1
                    Summary.bump(&summary.causes, cause)
                    summary.tally.add(changes)
                    for w in document.warnings {
                        summary.warnings += 1
                        onEvent(.warning(path: path, message: w))
                    }
                    onEvent(.imported(Imported(path: path, document: document, extraction: work.extraction, index: index,
                                               cause: cause, detail: detail, changes: changes)))
                } catch let error as UserError {
                    summary.failed += 1
                    onEvent(.failed(path: path, message: error.message, index: index))
                } catch {
                    summary.failed += 1
                    onEvent(.failed(path: path, message: "\(path): \(error)", index: index))
                }
            }
        }
        do {
            summary.verdicts = try store.reconcileVerdicts()
        } catch {
            summary.failed += 1
            onEvent(.failed(path: "(verdicts)", message: "reconciling review verdicts failed: \(error); they are unchanged", index: items.count))
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// The planner, after recording what the current lexicon and grammar stand for (so the
    /// next change can be narrowed). Snapshots are built only when the store lacks them.
    func makePlanner() -> RereadPlanner {
        var lexicon: LexiconSnapshot?
        var grammar: GrammarSnapshot?
        let lexiconSnapshot = { [settings] () -> LexiconSnapshot in
            if let lexicon { return lexicon }
            lexicon = LexiconSnapshot(lexicon: settings.lexicon)
            return lexicon!
        }
        let grammarSnapshot = { [settings] () throws -> GrammarSnapshot in
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
