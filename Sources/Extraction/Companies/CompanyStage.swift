import NoteGraphCore

/// Stage `companies`: every token the lexicon tagged as a company becomes a mention of one
/// `company` node per lexicon entry, whatever language or alias named it (英伟达, 輝達, NVIDIA and
/// NVDA are all `company:nvidia`), with a `MENTIONS` edge from the document.
public struct CompanyStage: Stage {
    public let name = "companies"
    public let requires: [Artifact] = [.lexiconTokens]
    public let provides: [Artifact] = [.companies]

    public init() {}

    public static func nodeID(_ entry: LexiconEntry) -> String { "company:" + entry.id }

    /// The record a lexicon entry stands for. `names` is not here: the store derives it from the
    /// mentions, so it always lists exactly the aliases seen.
    public static func node(_ entry: LexiconEntry) -> NodeRecord {
        var props: [(String, JSONValue)] = [
            ("name", .string(entry.name)),
            ("ticker", entry.tickers.first.map(JSONValue.string) ?? .null),
            ("known", .bool(true)),
        ]
        props.append(contentsOf: entry.properties)
        return NodeRecord(id: nodeID(entry), kind: .company, properties: props)
    }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let text = document.text
        var seen: Set<String> = []
        for token in segments.tokens where token.lexiconEntry >= 0 {
            let entry = work.lexicon.entries[Int(token.lexiconEntry)]
            guard entry.lexiconClass == "company" else { continue }
            let id = Self.nodeID(entry)
            if seen.insert(id).inserted {
                work.extraction.nodes.append(Self.node(entry))
                work.extraction.edges.append(EdgeRecord(from: document.id, to: id, type: "MENTIONS"))
            }
            let sentence = segments.sentenceIndex(containing: token.start).map { segments.sentences[$0] }
            work.extraction.mentions.append(Mention(
                nodeID: id, documentID: document.id,
                start: text.scalarOffset(Int(token.start)), end: text.scalarOffset(Int(token.end)),
                text: token.text(in: text), rule: entry.rule,
                sentenceStart: text.scalarOffset(Int(sentence?.start ?? token.start)),
                sentenceEnd: text.scalarOffset(Int(sentence?.end ?? token.end))))
        }
    }
}
