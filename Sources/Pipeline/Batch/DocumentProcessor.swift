import Foundation
import NoteGraphCore

/// Runs the configured stages over one file's bytes, or over a window of files at once, timing
/// each stage (for `bench`).
public struct DocumentProcessor: Sendable {
    public let stages: [Stage]
    public let lexicon: Lexicon

    public init(stages: [Stage], lexicon: Lexicon) {
        self.stages = stages
        self.lexicon = lexicon
    }

    /// Processes one file. `timings` (if given) accumulates seconds per stage name.
    public func process(path: String, bytes: [UInt8], timings: UnsafeMutablePointer<[String: Double]>? = nil) throws -> DocumentWork {
        var work = DocumentWork(path: path, bytes: bytes, sha256: StableID.sha256Hex(bytes), lexicon: lexicon)
        for stage in stages {
            let start = DispatchTime.now().uptimeNanoseconds
            try stage.run(&work)
            if let timings {
                timings.pointee[stage.name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        guard work.document != nil else { throw InternalError("pipeline", "the stages produced no document") }
        return work
    }

    /// Processes several files, each whole on one core, the files spread over the cores: one
    /// stage over all of them, then the next. Results come in input order, each the file's work
    /// or what it threw; a bad file stops only its own stages.
    ///
    /// Why whole documents per core: cutting one document into pieces per stage scaled to 1.3×
    /// on two cores (a fork and join per stage, shared tables touched from both cores), while
    /// separate documents scale as separate processes do. A window of one file still cuts that
    /// file into pieces (`Parallel.cores` is 1 only inside a section). Stage by stage, not
    /// document by document, so `timings` holds each stage's wall time over the window.
    public func process(batch: [(path: String, bytes: [UInt8])], timings: UnsafeMutablePointer<[String: Double]>? = nil) -> [Result<DocumentWork, Error>] {
        let slots = batch.map { WorkSlot(DocumentWork(path: $0.path, bytes: $0.bytes, sha256: StableID.sha256Hex($0.bytes), lexicon: lexicon)) }
        // Longest first: the cores take files as they finish their last, and a long file taken
        // last would leave the others idle while it runs.
        let order = batch.indices.sorted { batch[$0].bytes.count > batch[$1].bytes.count }
        for stage in stages {
            let start = DispatchTime.now().uptimeNanoseconds
            // The body throws nothing: each slot keeps its own error.
            _ = try? Parallel.map(order.count) { k in slots[order[k]].run(stage) }
            if let timings {
                timings.pointee[stage.name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        return slots.map { slot in
            slot.result.flatMap { work in
                work.document != nil ? .success(work) : .failure(InternalError("pipeline", "the stages produced no document"))
            }
        }
    }
}
