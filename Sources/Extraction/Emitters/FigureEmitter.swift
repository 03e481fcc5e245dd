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
            let props: [(String, JSONValue)] = [
                ("value", field("value")), ("unit", field("unit")), ("approx", v["approx"] ?? .bool(false)),
                ("low", field("low")), ("high", field("high")),
                ("period", f.period.map(JSONValue.string) ?? .null), ("metric", f.metric.map(JSONValue.string) ?? .null),
                ("subject", f.subject.map(JSONValue.string) ?? .null), ("change", field("change")),
            ] + (v["aligned"].map { [("aligned", $0)] } ?? [])
            let shared = (f.metric != nil || f.subject != nil) && f.period != nil
            let (id, isNew) = ids.id(of: key(props, document: shared ? nil : document.id))
            // A key seen before in this note has its id in `seen` already.
            if isNew, seen.insert(id).inserted {
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

    /// What a figure's id is made of: `name=<JSON value>` for each property, after the note's
    /// id when the figure is only known within its note, joined by U+001F — written as UTF-8
    /// into one buffer, as `StableID.make(_:joinedUTF8:)` takes it, instead of a String per
    /// property joined into another.
    static func key(_ props: [(String, JSONValue)], document: String?) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(256)
        var first = true
        if let document { JSONValue.append(document, to: &key); first = false }
        for (name, value) in props where name != "aligned" {
            // Why two mentions are one record (`aligned`) is said, not part of what the record is.
            if !first { key.append(0x1F) }
            first = false
            JSONValue.append(name, to: &key)
            key.append(0x3D)
            value.write(utf8: &key)
        }
        return key
    }
}
