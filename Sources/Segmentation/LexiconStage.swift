import NoteGraphCore

/// Stage `lexicon`: the lexicon overlay (see `LexiconOverlay`) over the segment stage's tokens.
public struct LexiconStage: Stage {
    public let name = "lexicon"
    public let requires: [Artifact] = [.tokens]
    public let provides: [Artifact] = [.lexiconTokens]
    public let overlay: LexiconOverlay

    public init(lexicon: Lexicon) { overlay = LexiconOverlay(lexicon: lexicon) }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        var segments = try work.requireSegments(name)
        let units = document.text.utf16
        let matches = overlay.matches(in: units, tokens: segments.tokens)
        guard !matches.isEmpty else { return }
        segments.tokens = overlay.apply(matches, to: segments.tokens, units: units)
        // Token indices changed: re-attach sentences to their tokens.
        segments.attachTokensToSentences()
        work.segments = segments
    }
}
