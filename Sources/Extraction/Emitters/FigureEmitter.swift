import NoteGraphCore

/// Turns figures with their context into `figure` records (records.md), one per fact: the same
/// value, unit, bounds, period, metric, subject and change in one note is one record with many
/// mentions. A figure that says what it measures (metric or subject) and when (period) is a
/// fact that other notes can state too, so its id leaves the note out and notes share it; any
/// other figure ("$10B") is only known to be the same within its note.
enum FigureEmitter {
    static func emit(_ figures: [FigureContext.Figure], sentences: [Sentence], into work: inout DocumentWork, document: Document) {
        let text = document.text
        var seen = Set(work.extraction.nodes.map(\.id))
        var ids = FigureIDs()
        work.extraction.mentions.reserveCapacity(work.extraction.mentions.count + figures.count)
        work.extraction.nodes.reserveCapacity(work.extraction.nodes.count + figures.count)
        work.extraction.edges.reserveCapacity(work.extraction.edges.count + 2 * figures.count)
        for f in figures {
            let v = f.item.value
            func field(_ key: String) -> JSONValue { v[key] ?? .null }
            let values: [JSONValue] = [
                field("value"), field("unit"), v["approx"] ?? .bool(false), field("low"), field("high"),
                f.period.map(JSONValue.string) ?? .null, f.metric.map(JSONValue.string) ?? .null,
                f.subject.map(JSONValue.string) ?? .null, field("change"),
            ]
            let shared = (f.metric != nil || f.subject != nil) && f.period != nil
            let (id, isNew) = ids.id(of: FigureKey.bytes(values, document: shared ? nil : document.id))
            // A key seen before in this note has its id in `seen` already.
            if isNew, seen.insert(id).inserted {
                var props = Array(zip(FigureKey.names, values))
                if let aligned = v["aligned"] { props.append(("aligned", aligned)) }
                work.extraction.nodes.append(NodeRecord(id: id, kind: .figure, properties: props))
                work.extraction.edges.append(EdgeRecord(from: document.id, to: id, type: "MENTIONS"))
                if let subject = f.subject { work.extraction.edges.append(EdgeRecord(from: subject, to: id, type: "HAS_FIGURE")) }
            }
            let sentence = sentences[Int(f.item.sentence)]
            work.extraction.mentions.append(Mention(
                nodeID: id, documentID: document.id,
                start: text.scalarOffset(Int(f.start)), end: text.scalarOffset(Int(f.end)),
                text: text.slice(Int(f.start)..<Int(f.end)), rule: f.item.rule,
                sentenceStart: text.scalarOffset(Int(sentence.start)), sentenceEnd: text.scalarOffset(Int(sentence.end)),
                merge: f.translationOf.map {
                    MergeReason(.aligned, "the Chinese translation of \"\(text.slice(Int($0.lowerBound)..<Int($0.upperBound)))\" (same value, unit and bounds)")
                }))
        }
    }
}
