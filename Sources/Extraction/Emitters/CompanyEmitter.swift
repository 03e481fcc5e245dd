import NoteGraphCore

/// Turns `company` items into company nodes, `MENTIONS` edges, `SUBSIDIARY_OF` edges up the
/// lexicon's parent chain, and mentions. Lexicon companies are `company:<lexicon id>`; organisations found by form only are one node per normalised
/// name across all notes (`company:org-<hash of the key>`), marked `known: false`.
public enum CompanyEmitter {
    public static func nodeID(_ entry: LexiconEntry) -> String { "company:" + entry.id }

    public static func node(_ entry: LexiconEntry) -> NodeRecord {
        var props: [(String, JSONValue)] = [
            ("name", .string(entry.name)),
            ("ticker", entry.tickers.first.map(JSONValue.string) ?? .null),
            ("known", .bool(true)),
        ]
        props.append(contentsOf: entry.properties)
        return NodeRecord(id: nodeID(entry), kind: .company, properties: props)
    }

    public static func unknownID(key: String) -> String {
        "company:org-" + StableID.make("org", [key]).split(separator: ":").last!.prefix(12)
    }

    /// The node id a `company` item's value stands for (a lexicon entry, or an organisation
    /// found by its form), for the stages that link records to companies.
    static func nodeID(ofValue value: JSONValue) -> String? {
        if let entry = value["entry"]?.stringValue { return "company:" + entry }
        if let key = value["key"]?.stringValue { return unknownID(key: key) }
        return nil
    }

    static func emit(_ items: ArraySlice<Item>, sentences: [Sentence], into work: inout DocumentWork, document: Document) {
        // Every grammar stage hands its items here; only the companies stages have any, and the
        // sets below cost a hash of every node and edge so far.
        let companies = items.reduce(0) { $0 + ($1.dimension == "company" ? 1 : 0) }
        guard companies > 0 else { return }
        work.extraction.mentions.reserveCapacity(work.extraction.mentions.count + companies)
        let text = document.text
        var seen = Set(work.extraction.nodes.map(\.id))
        var mentioned = Set(work.extraction.edges.filter { $0.type == "MENTIONS" && $0.from == document.id }.map(\.to))
        let lexicon = work.lexicon
        func add(_ node: NodeRecord) {
            if seen.insert(node.id).inserted { work.extraction.nodes.append(node) }
            mentioned.insert(node.id)
            work.extraction.edges.append(EdgeRecord(from: document.id, to: node.id, type: "MENTIONS"))
        }
        // A lexicon company brings its parents: AWS SUBSIDIARY_OF Amazon, and Amazon's node even
        // where this note never names it (it carries no mention from this note).
        func addParents(of entry: LexiconEntry) {
            // Most companies have no parent: no chain to build.
            guard entry.property("parent")?.stringValue != nil else { return }
            var child = entry
            var chain: Set<String> = [entry.id]
            while let parentID = child.property("parent")?.stringValue, !chain.contains(parentID),
                  let parent = lexicon.entry(ofClass: "company", id: parentID) {
                chain.insert(parentID)
                let parentNode = Self.nodeID(parent)
                if seen.insert(parentNode).inserted { work.extraction.nodes.append(Self.node(parent)) }
                work.extraction.edges.append(EdgeRecord(from: Self.nodeID(child), to: parentNode, type: "SUBSIDIARY_OF"))
                child = parent
            }
        }
        for item in items where item.dimension == "company" {
            // The node is built once per document: a note names the same companies many times.
            let id: String
            if let entryID = item.value["entry"]?.stringValue {
                id = "company:" + entryID
                if !mentioned.contains(id) {
                    guard let entry = lexicon.entry(ofClass: "company", id: entryID) else { continue }
                    add(Self.node(entry))
                    addParents(of: entry)
                }
            } else if let key = item.value["key"]?.stringValue, let name = item.value["name"]?.stringValue {
                id = unknownID(key: key)
                if !mentioned.contains(id) {
                    add(NodeRecord(id: id, kind: .company, properties: [("name", .string(name)), ("ticker", .null), ("known", .bool(false))]))
                }
            } else {
                continue
            }
            let sentence = sentences[Int(item.sentence)]
            let core = item.core
            let (start, end) = (Int(core.start), Int(core.end))   // a context rule's name without its context
            work.extraction.mentions.append(Mention(
                nodeID: id, documentID: document.id,
                start: text.scalarOffset(start), end: text.scalarOffset(end),
                text: text.slice(start..<end), rule: item.rule,
                sentenceStart: text.scalarOffset(Int(sentence.start)), sentenceEnd: text.scalarOffset(Int(sentence.end))))
        }
    }
}
