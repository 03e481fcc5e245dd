import NoteGraphCore

/// The stage after `actions`: dated events (records.md `event`) from timeline lists
/// (`TimelineLayout`, `TimelineEvents`) and from sentences that carry a date, an action and a
/// company or product (`SentenceEvents`), with the causal and temporal links the text states
/// between them (`EventLinks`). Swift, not rules, because it assembles what the grammar stages
/// found — dates, companies, figures, action and link words — by where they stand: in a block
/// of a timeline, in one clause, under an article's dateline.
public struct EventsStage: Stage {
    public let name = "events"
    public let requires: [Artifact] = [.figures]
    public let provides: [Artifact] = [.events]

    public init() {}

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let scope = EventScope(items: work.items, text: document.text, segments: segments, lexicon: work.lexicon, noteDate: document.date?.iso)
        let days = scope.dates.items.filter { $0.value["precision"]?.stringValue == "day" }
        let layout = TimelineLayout(text: document.text.utf16, dates: days)
        let timeline = TimelineEvents(scope: scope, layout: layout).events()
        let covered = timeline.flatMap { $0.mentions.map(\.sentence) }.sorted { $0.lowerBound < $1.lowerBound }
        let events = timeline + SentenceEvents(scope: scope, covered: covered).events()
        EventEmitter.emit(events, scope: scope, into: &work, document: document)
    }
}
