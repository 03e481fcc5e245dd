import NoteGraphCore

/// Turns the cues grammar's `cue` and `modal` items into claim records (`ClaimFinder`, then
/// `ClaimEmitter`). It runs after `context` because a claim links the figure records it states.
public struct ClaimStage: Stage {
    public let name = "claims"
    public let requires: [Artifact] = [.figures]
    public let provides: [Artifact] = [.claims]

    /// The largest SimHash distance (of 64 bits) at which two claims with the same source,
    /// modality and figures are one record (pipeline.json: claims.nearDuplicateDistance).
    public let nearDuplicateDistance: Int

    public static let defaultNearDuplicateDistance = 3

    public init(nearDuplicateDistance: Int = ClaimStage.defaultNearDuplicateDistance) {
        self.nearDuplicateDistance = nearDuplicateDistance
    }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let finder = ClaimFinder(items: work.items, segments: segments, text: document.text, noteDate: document.date?.iso)
        ClaimEmitter.emit(finder.claims(), runs: BilingualRuns(segments.paragraphs), segments: segments,
                          nearDuplicateDistance: nearDuplicateDistance, into: &work, document: document)
    }
}
