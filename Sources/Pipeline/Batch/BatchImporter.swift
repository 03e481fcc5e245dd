import Foundation
import GraphStore
import NoteGraphCore
import Readers

/// Imports files into a store: a bad file is reported and the batch goes on; files are processed
/// a window at a time, spread over the cores (`BatchWindow`), and each document is stored in its
/// own transaction, so nothing already stored is lost (a run killed
/// at any point leaves every finished document stored and the rest as they were). A file whose
/// bytes and pipeline version are unchanged is skipped; after a pipeline change a file is read
/// again only where the change can affect it (`RereadPlanner`). After the files, verdicts are
/// reconciled with the claims now in the graph.
///
/// Skipping an unchanged file costs a hash of its bytes and a dictionary lookup: every stored
/// path's hash and version is loaded in one query up front, and when the store already knows
/// the version the pipeline's inputs give (`PipelineInputs`), the pipeline itself is loaded only
/// once a file must be read.
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

    let store: GraphStore
    let inputs: PipelineInputs?
    let loadSettings: () throws -> PipelineSettings
    private var loaded: LoadedPipeline?
    private var loadError: Error?

    public init(settings: PipelineSettings, store: GraphStore) {
        self.store = store
        inputs = nil
        loadSettings = { settings }
    }

    /// An importer that loads the pipeline only when a file must be read. `inputs` are those of
    /// the settings `load` returns; the store learns which version they give, for the next run.
    public init(inputs: PipelineInputs, store: GraphStore, load: @escaping () throws -> PipelineSettings) {
        self.store = store
        self.inputs = inputs
        loadSettings = load
    }

    /// The version and read limit the store recorded for these exact inputs, if any.
    func knownVersion() -> (version: String, maxBytes: Int)? {
        guard let inputs, let text = try? store.snapshot(part: PipelineInputs.snapshotPart, fingerprint: inputs.key),
              let json = try? JSONValue.parse(Data(text.utf8)),
              let version = json["version"]?.stringValue, let maxBytes = json["maxBytes"]?.intValue else { return nil }
        return (version, maxBytes)
    }

    /// Whether the store knows the version these inputs give, so unchanged files can be skipped
    /// without loading the pipeline.
    public var knowsVersion: Bool { knownVersion() != nil }

    /// Loads the pipeline now (`ingest` does when the store does not know its version, so a bad
    /// configuration stops the run before any file is read).
    public func loadPipeline() throws { _ = try pipeline() }

    /// The pipeline, loaded on first call; records the version its inputs give when they are
    /// still the inputs the key was computed from.
    func pipeline() throws -> LoadedPipeline {
        if let loaded { return loaded }
        if let loadError { throw loadError }
        do {
            let pipeline = LoadedPipeline(settings: try loadSettings(), store: store)
            loaded = pipeline
            if let inputs, PipelineInputs.read(config: inputs.configFile)?.key == inputs.key {
                try? store.saveSnapshot(part: PipelineInputs.snapshotPart, fingerprint: inputs.key, content: pipeline.knownContent)
            }
            return pipeline
        } catch {
            loadError = error
            throw error
        }
    }

    /// A file to read, waiting in the window (`BatchWindow`) for its turn to be processed.
    struct Job {
        var path: String
        var bytes: [UInt8]
        var sha: String
        var index: Int
        var cause: String
        var detail: String?
    }

    /// What the window holds, in file order: files to read, and the events of the files between
    /// them (unchanged, spared, failed), so events still come in file order.
    enum Waiting {
        case job(Job)
        case event(Event)
    }

    public func run(paths: [String], onEvent: (Event) -> Void) -> Summary {
        let start = Date()
        var summary = Summary()
        let items = FileWalker().expand(paths)
        onEvent(.started(total: items.count))
        let known = knownVersion()
        if known == nil { _ = try? pipeline() }
        var stored: [String: StoredSource] = [:]
        for source in (try? store.sources()) ?? [] { stored[source.path] = source }
        var waiting: [Waiting] = []
        var window = BatchWindow()
        func emit(_ event: Event) {
            if waiting.isEmpty { onEvent(event) } else { waiting.append(.event(event)) }
        }
        // Processes the window's files together, then stores them one by one, each in its own
        // transaction, and gives every event in file order.
        func flush() {
            guard let pipeline = loaded, !waiting.isEmpty else { return waiting.forEach { if case let .event(e) = $0 { onEvent(e) } } }
            let jobs = waiting.compactMap { if case let .job(job) = $0 { job } else { nil } }
            var results = pipeline.processor.process(batch: jobs.map { ($0.path, $0.bytes) })[...]
            for entry in waiting {
                guard case let .job(job) = entry else {
                    if case let .event(event) = entry { onEvent(event) }
                    continue
                }
                let result = results.removeFirst()
                do {
                    let work = try result.get()
                    let document = work.document!
                    let changes = try store.save(document, extraction: work.extraction, pipelineVersion: pipeline.settings.version)
                    stored[job.path] = StoredSource(path: job.path, documentID: document.id, sha256: job.sha, pipelineVersion: pipeline.settings.version)
                    summary.documents += 1
                    Summary.bump(&summary.causes, job.cause)
                    summary.tally.add(changes)
                    for w in document.warnings {
                        summary.warnings += 1
                        onEvent(.warning(path: job.path, message: w))
                    }
                    onEvent(.imported(Imported(path: job.path, document: document, extraction: work.extraction, index: job.index,
                                               cause: job.cause, detail: job.detail, changes: changes)))
                } catch {
                    summary.failed += 1
                    onEvent(.failed(path: job.path, message: Self.message(error, path: job.path), index: job.index))
                }
            }
            waiting.removeAll()
            window.clear()
        }
        for (index, item) in items.enumerated() {
            switch item {
            case let .failed(error):
                summary.failed += 1
                emit(.failed(path: error.path, message: error.message, index: index))
            case let .file(path, _):
                // A path named twice is decided after its first reading is stored, as one by one.
                if waiting.contains(where: { if case let .job(job) = $0 { job.path == path } else { false } }) { flush() }
                do {
                    let bytes = try FileWalker.read(path, maxBytes: loaded?.maxBytes ?? known?.maxBytes ?? pipeline().maxBytes)
                    summary.bytes += bytes.count
                    let sha = StableID.sha256Hex(bytes)
                    let previous = stored[path]
                    if let previous, previous.sha256 == sha, previous.pipelineVersion == known?.version {
                        summary.unchanged += 1
                        emit(.unchanged(path: path, index: index))
                        continue
                    }
                    let pipeline = try pipeline()
                    let settings = pipeline.settings
                    var cause = previous == nil ? Self.newFile : Self.changedFile
                    var detail: String?
                    if let previous, previous.sha256 == sha {
                        switch try pipeline.planner.decide(previous) {
                        case .unchanged:
                            summary.unchanged += 1
                            emit(.unchanged(path: path, index: index))
                            continue
                        case let .spared(why):
                            try store.setPipelineVersion(path: path, settings.version)
                            stored[path]?.pipelineVersion = settings.version
                            summary.unchanged += 1
                            Summary.bump(&summary.spared, why)
                            emit(.spared(path: path, cause: why, index: index))
                            continue
                        case let .reread(why, note):
                            cause = why
                            detail = note
                        }
                    }
                    waiting.append(.job(Job(path: path, bytes: bytes, sha: sha, index: index, cause: cause, detail: detail)))
                    window.add(bytes: bytes.count)
                    if window.isFull { flush() }
                } catch {
                    summary.failed += 1
                    emit(.failed(path: path, message: Self.message(error, path: path), index: index))
                }
            }
        }
        flush()
        do {
            summary.verdicts = try store.reconcileVerdicts()
        } catch {
            summary.failed += 1
            onEvent(.failed(path: "(verdicts)", message: "reconciling review verdicts failed: \(error); they are unchanged", index: items.count))
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// A user error's own message (it names the file); anything else prefixed with the path.
    static func message(_ error: Error, path: String) -> String {
        (error as? UserError)?.message ?? "\(path): \(error)"
    }
}
