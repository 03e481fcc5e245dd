import NoteGraphCore

/// Turns found events into `event` records (records.md: date, precision, title, companies,
/// figures; then `status`, `action`, `products`), `MENTIONS` from the document, `ABOUT` to each
/// company, `HAS_FIGURE` to each figure stated in the event's block or clause, and the links.
///
/// Ids: an event with an action and companies is `event:` + hash(date, companies, action), with
/// no document in it, so two notes reporting that Microsoft invested in OpenAI on 2019-07-22
/// share one record (and one note saying it twice gives one record with two mentions). Any
/// other event is known only within its note: hash(document, date, title). Two blocks of one
/// timeline are distinct events by the list's own say, so a second block with another title
/// whose shared id is taken falls back to the note-scoped id.
enum EventEmitter {
    static func id(_ e: FoundEvent, document: String) -> (shared: String?, local: String) {
        let local = StableID.make("event", [document, e.date, e.title])
        guard let action = e.action, !e.keyCompanies.isEmpty else { return (nil, local) }
        return (StableID.make("event", [e.date, e.keyCompanies.sorted().joined(separator: ","), action]), local)
    }

    static func emit(_ events: [FoundEvent], scope: EventScope, into work: inout DocumentWork, document: Document) {
        var order: [String] = []
        var merged: [String: FoundEvent] = [:]
        var titles: [String: String] = [:]
        var spans: [String: [Range<Int32>]] = [:]
        var identified: [(id: String, event: FoundEvent)] = []
        for e in events {
            let (shared, local) = id(e, document: document.id)
            var key = shared ?? local
            if e.fromTimeline, let title = titles[key], title != e.title { key = local }
            titles[key] = titles[key] ?? e.title
            identified.append((key, e))
            spans[key, default: []].append(e.span)
            if merged[key] != nil {
                // In place: a long list can say one event thousands of times.
                merged[key]!.mentions += e.mentions
                for c in e.companies where !merged[key]!.companies.contains(c) { merged[key]!.companies.append(c) }
                for p in e.products where !merged[key]!.products.contains(p) { merged[key]!.products.append(p) }
            } else {
                merged[key] = e
                order.append(key)
            }
        }
        let text = document.text
        var seen = Set(work.extraction.nodes.map(\.id))
        let figureMentions = FigureMentions(work.extraction)
        for key in order {
            let e = merged[key]!
            var figures: [String] = []
            for span in spans[key]! {
                for f in figureMentions.ids(within: scope.scalars(span)) where !figures.contains(f) { figures.append(f) }
            }
            let props: [(String, JSONValue)] = [
                ("date", .string(e.date)), ("precision", .string(e.precision)), ("title", .string(e.title)),
                ("companies", .array(e.companies.map(JSONValue.string))), ("figures", .array(figures.map(JSONValue.string))),
                ("status", .string(e.status)), ("action", e.action.map(JSONValue.string) ?? .null),
                ("products", .array(e.products.map(JSONValue.string))),
            ]
            if seen.insert(key).inserted {
                work.extraction.nodes.append(NodeRecord(id: key, kind: .event, properties: props))
                work.extraction.edges.append(EdgeRecord(from: document.id, to: key, type: "MENTIONS"))
                for c in e.companies { work.extraction.edges.append(EdgeRecord(from: key, to: c, type: "ABOUT")) }
                for f in figures { work.extraction.edges.append(EdgeRecord(from: key, to: f, type: "HAS_FIGURE")) }
            }
            for m in e.mentions {
                let (a, b) = (Int(m.range.lowerBound), Int(m.range.upperBound))
                work.extraction.mentions.append(Mention(
                    nodeID: key, documentID: document.id, start: text.scalarOffset(a), end: text.scalarOffset(b),
                    text: text.slice(a..<b), rule: m.rule,
                    sentenceStart: text.scalarOffset(Int(m.sentence.lowerBound)), sentenceEnd: text.scalarOffset(Int(m.sentence.upperBound))))
            }
        }
        work.extraction.edges += EventLinks.edges(identified, links: scope.links, scope: scope)
    }
}
