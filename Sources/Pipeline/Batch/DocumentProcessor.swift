import Foundation
import NoteGraphCore

/// Runs the configured stages over one file's bytes, timing each stage (for `bench`).
public struct DocumentProcessor {
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
}
