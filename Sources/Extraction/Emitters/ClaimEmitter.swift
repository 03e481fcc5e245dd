import NoteGraphCore

/// Writes claim records (records.md): the asserted clause, its source, modality, subjects, the
/// figure records inside it and the time it is about, with `review: pending` (verdicts live
/// apart from extraction output). A claim's id is its source and its text with spacing and case
/// folded, so the same sentence syndicated to two notes is one claim with two mentions.
enum ClaimEmitter {
    static func emit(_ claims: [ClaimFinder.Claim], sentences: [Sentence], into work: inout DocumentWork, document: Document) {
        let text = document.text
        var seen = Set(work.extraction.nodes.map(\.id))
        for c in claims {
            let body = text.slice(Int(c.start)..<Int(c.end))
            let start = text.scalarOffset(Int(c.start)), end = text.scalarOffset(Int(c.end))
            let figures = work.extraction.nodeIDs(.figure, mentionedWithin: start..<end)
            let key = String(body.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
            let id = StableID.make("claim", [c.source ?? "", key])
            if seen.insert(id).inserted {
                let props: [(String, JSONValue)] = [
                    ("text", .string(body)), ("source", c.source.map(JSONValue.string) ?? .null),
                    ("modality", .string(c.modality)), ("subjects", .array(c.subjects.map(JSONValue.string))),
                    ("figures", .array(figures.map(JSONValue.string))), ("date", c.date.map(JSONValue.string) ?? .null),
                    ("review", .string("pending")),
                    ("cue", c.verb.map(JSONValue.string) ?? .null), ("hedged", .bool(c.hedged)), ("negated", .bool(c.negated)),
                ]
                work.extraction.nodes.append(NodeRecord(id: id, kind: .claim, properties: props))
                work.extraction.edges.append(EdgeRecord(from: document.id, to: id, type: "MENTIONS"))
                if let source = c.source, source.hasPrefix("company:") {
                    work.extraction.edges.append(EdgeRecord(from: id, to: source, type: "SOURCE"))
                }
                for s in c.subjects { work.extraction.edges.append(EdgeRecord(from: id, to: s, type: "ABOUT")) }
                for f in figures { work.extraction.edges.append(EdgeRecord(from: id, to: f, type: "HAS_FIGURE")) }
            }
            let sentence = sentences[c.sentence]
            work.extraction.mentions.append(Mention(
                nodeID: id, documentID: document.id, start: start, end: end, text: body, rule: c.rule,
                sentenceStart: text.scalarOffset(Int(sentence.start)), sentenceEnd: text.scalarOffset(Int(sentence.end))))
        }
    }
}
