import Foundation
import GraphStore
import NoteGraphCore
import Readers

/// Imports files into a store one by one: a bad file is reported and the batch goes on; each
/// document is stored in its own transaction, so nothing already stored is lost; a file whose
/// bytes and pipeline version are unchanged is skipped.
public final class BatchImporter {
    public enum Event {
        case started(total: Int)
        case imported(path: String, document: Document, extraction: Extraction, index: Int)
        case unchanged(path: String, index: Int)
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
    }

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
                    if let stored = try store.source(path: path), stored.sha256 == sha, stored.pipelineVersion == settings.version {
                        summary.unchanged += 1
                        onEvent(.unchanged(path: path, index: index))
                        continue
                    }
                    let work = try processor.process(path: path, bytes: bytes)
                    let document = work.document!
                    try store.save(document, extraction: work.extraction, pipelineVersion: settings.version)
                    summary.documents += 1
                    for w in document.warnings {
                        summary.warnings += 1
                        onEvent(.warning(path: path, message: w))
                    }
                    onEvent(.imported(path: path, document: document, extraction: work.extraction, index: index))
                } catch let error as UserError {
                    summary.failed += 1
                    onEvent(.failed(path: path, message: error.message, index: index))
                } catch {
                    summary.failed += 1
                    onEvent(.failed(path: path, message: "\(path): \(error)", index: index))
                }
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
