import NoteGraphCore
import Pipeline
import XCTest
@testable import Extraction

/// The items of one plain pass over a note's sentences, stage by stage and sentence by
/// sentence, in a view of its own (and so a vocabulary of its own): what the pipeline's
/// matching (runs of sentences on several cores, a vocabulary shared by notes) must equal.
enum PlainPass {
    /// `work`: the note run through the pipeline at least as far as its segments.
    static func items(of work: DocumentWork, settings: PipelineSettings) throws -> [Item] {
        let segments = try XCTUnwrap(work.segments)
        let document = try XCTUnwrap(work.document)
        let view = DocumentView(text: document.text, segments: segments, lexicon: settings.lexicon, referenceDate: document.date?.iso)
        var items: [Item] = []
        for stage in settings.grammar.stageOrder {
            let matcher = try XCTUnwrap(settings.grammar.matchers[stage])
            var found: [Item] = []
            for sentence in segments.sentences { found += matcher.match(view, sentence: sentence).items }
            view.add(found)
            items += found
        }
        return items
    }

    /// An item as the tests compare it: rule, span and value.
    static func key(_ i: Item) -> String { "\(i.rule) \(i.start)-\(i.end) \(i.value)" }
}
