import NoteGraphCore

/// One event per block of a timeline (`TimelineLayout`): the block's date at day precision, its
/// title as written, the companies and products of title and description, and the action word
/// of the title if it has one (`NVIDIA Ampere A100 launches`). Teasers — the title cut short
/// with an ellipsis, beside the title or elsewhere on the page (a highlights strip) — and the
/// title repeated whole elsewhere (a chart's labels) are more mentions of the same event, and
/// no sentence event is read from them.
struct TimelineEvents {
    let scope: EventScope
    let layout: TimelineLayout

    static let titleRule = "events/timeline#title"
    static let teaserRule = "events/timeline#teaser"
    static let repeatRule = "events/timeline#repeat"

    func events() -> [FoundEvent] {
        var out: [FoundEvent] = layout.blocks.map(event)
        for (block, range, teaser) in layout.repeats() {
            out[block].mentions.append((range, teaser ? Self.teaserRule : Self.repeatRule, range))
        }
        return out
    }

    func event(_ block: TimelineLayout.Block) -> FoundEvent {
        let whole = block.whole
        let date = block.date.value["date"]?.stringValue ?? ""
        let titleCompanies = scope.companyIDs(in: block.title)
        var companies = titleCompanies
        for id in scope.companyIDs(in: block.description) where !companies.contains(id) { companies.append(id) }
        var products = scope.productNames(in: block.title)
        for name in scope.productNames(in: block.description) where !products.contains(name) { products.append(name) }
        let action = scope.actions.within(block.title).first
        var mentions: [(range: Range<Int32>, rule: String, sentence: Range<Int32>)] = [(block.title, Self.titleRule, whole)]
        if let teaser = block.teaser { mentions.append((teaser, Self.teaserRule, whole)) }
        return FoundEvent(
            date: date, precision: block.date.value["precision"]?.stringValue ?? "day",
            title: scope.text.slice(Int(block.title.lowerBound)..<Int(block.title.upperBound)),
            action: action?.value["action"]?.stringValue,
            status: EventStatus.of(date: date, tense: action?.value["tense"]?.stringValue, reference: scope.noteDate),
            companies: companies, keyCompanies: titleCompanies, products: products, span: whole, mentions: mentions,
            anchor: nil, sentenceIndex: scope.segments.sentenceIndex(containing: block.title.lowerBound) ?? 0, fromTimeline: true)
    }
}
