import NoteGraphCore

/// Turns the cues grammar's `cue` and `modal` items into claim records (`ClaimFinder`, then
/// `ClaimEmitter`). It runs after `context` because a claim links the figure records it states.
public struct ClaimStage: Stage {
    public let name = "claims"
    public let requires: [Artifact] = [.figures]
    public let provides: [Artifact] = [.claims]

    public init() {}

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let finder = ClaimFinder(items: work.items, segments: segments, text: document.text, noteDate: document.date?.iso)
        ClaimEmitter.emit(finder.claims(), runs: BilingualRuns(segments.paragraphs), sentences: segments.sentences, into: &work, document: document)
    }
}
