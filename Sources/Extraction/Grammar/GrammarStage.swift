import NoteGraphCore

/// A pipeline stage that runs one grammar stage's rules (`numbers`, `figures`, `companies`)
/// over every sentence and keeps the winning items for later stages; items of a dimension that
/// has records (companies) are emitted as nodes and mentions.
public struct GrammarStage: Stage {
    public let name: String
    public let requires: [Artifact] = [.lexiconTokens]
    public let provides: [Artifact]
    public let matcher: StageMatcher

    public init(matcher: StageMatcher) {
        name = matcher.stage
        self.matcher = matcher
        provides = matcher.stage == "companies" ? [.companies] : []
    }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let view = DocumentView(text: document.text, segments: segments, lexicon: work.lexicon, referenceDate: document.date?.iso)
        view.add(work.items)
        var found: [Item] = []
        let scratch = matcher.scratch(for: view)
        for (i, sentence) in segments.sentences.enumerated() {
            for var item in matcher.match(view, sentence: sentence, scratch: scratch).items {
                item.sentence = Int32(i)
                found.append(item)
            }
        }
        work.items += found
        CompanyEmitter.emit(found, sentences: segments.sentences, into: &work, document: document)
    }
}
