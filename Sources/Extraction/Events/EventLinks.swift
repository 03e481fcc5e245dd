import NoteGraphCore

/// `CAUSES` and `PRECEDES` edges from link words (`<link>` items: 导致, 推动, drives, precedes):
/// the event stated before the word in its sentence to the one after it, reversed for words
/// that name the effect first (driven by, 得益于). A sentence that opens with the word ("This
/// triggered …") takes its first event from the end of the sentence before. A link word with no
/// event on one side (a chart's legend, "DeepSeek triggers fears") makes no edge.
enum EventLinks {
    static func edges(_ events: [(id: String, event: FoundEvent)], links: SpanIndex, scope: EventScope) -> [EdgeRecord] {
        var bySentence: [Int: [(id: String, anchor: Int32)]] = [:]
        for (id, e) in events { if let anchor = e.anchor { bySentence[e.sentenceIndex, default: []].append((id, anchor)) } }
        for k in bySentence.keys { bySentence[k]!.sort { $0.anchor < $1.anchor } }
        var out: [EdgeRecord] = []
        for link in links.items {
            let s = Int(link.sentence)
            let here = bySentence[s] ?? []
            let after = here.first { $0.anchor >= link.end }
            let before = here.last { $0.anchor < link.start } ?? (here.first.map { $0.anchor > link.start } ?? true ? bySentence[s - 1]?.last : nil)
            guard let before, let after, before.id != after.id, let type = link.value["link"]?.stringValue else { continue }
            let reverse = link.value["reverse"] == .bool(true)
            let word = scope.text.slice(Int(link.start)..<Int(link.end))
            out.append(EdgeRecord(from: reverse ? after.id : before.id, to: reverse ? before.id : after.id, type: type,
                                  properties: .object([("word", .string(word))])))
        }
        return out
    }
}
