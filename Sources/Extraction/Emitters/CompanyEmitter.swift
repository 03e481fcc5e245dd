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

    static func emit(_ items: ArraySlice<Item>, tokens: [Token], sentences: [Sentence], into work: inout DocumentWork, document: Document) {
        // Every grammar stage hands its items here; only the companies stages have any, and the
        // sets below cost a hash of every node and edge so far.
        let companies = items.reduce(0) { $0 + ($1.dimension == "company" ? 1 : 0) }
        guard companies > 0 else { return }
        work.extraction.mentions.reserveCapacity(work.extraction.mentions.count + companies)
        let text = document.text
        // Sized for every company mention at once: grown one by one, they were rehashed six times.
        var seen = Set<String>(minimumCapacity: work.extraction.nodes.count + companies)
        for node in work.extraction.nodes { seen.insert(node.id) }
        var mentioned = Set<String>(minimumCapacity: work.extraction.edges.count + companies)
        for edge in work.extraction.edges where edge.type == "MENTIONS" && edge.from == document.id { mentioned.insert(edge.to) }
        let lexicon = work.lexicon
        let entries = lexicon.entries
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
        // The node work once per company and call (`CompanyMentionCache`); items read in place
        // by index (a `for item in items` copied each one, retaining its strings and value).
        var known = CompanyMentionCache(capacity: min(companies, 256))
        // A lexicon mention's entry is its first token's (`company.lexicon` reads it there): the
        // token's entry index finds its slot and entry without hashing the id. Checked against
        // the item's id and class (a context rule names an entry of its own); ids are unique
        // within a class (the loader refuses duplicates), so the entry is the one
        // `Lexicon.entry(ofClass:id:)` finds. Other items go through `known.byEntry`; a company
        // met both ways gets two slots of the same node id, which changes nothing emitted.
        var slotOfEntry = [Int32](repeating: -1, count: entries.count)
        for i in items.indices where items[i].dimension == "company" {
            let slot: Int
            let value = items[i].value
            if let entryID = value["entry"]?.stringValue {
                let e = Int(tokens[Int(items[i].firstToken)].lexiconEntry)
                let byToken = e >= 0 && entries.withUnsafeBufferPointer { $0[e].id == entryID && $0[e].lexiconClass == "company" }
                if byToken, slotOfEntry[e] >= 0 {
                    slot = Int(slotOfEntry[e])
                } else if !byToken, let s = known.byEntry[entryID] {
                    slot = s
                } else {
                    let id = "company:" + entryID
                    if !mentioned.contains(id) {
                        guard let entry = byToken ? entries[e] : lexicon.entry(ofClass: "company", id: entryID) else { continue }
                        add(Self.node(entry))
                        addParents(of: entry)
                    }
                    slot = known.add(id)
                    if byToken { slotOfEntry[e] = Int32(slot) } else { known.byEntry[entryID] = slot }
                }
            } else if let key = value["key"]?.stringValue, let name = value["name"]?.stringValue {
                if let s = known.byKey[key] {
                    slot = s
                } else {
                    let id = unknownID(key: key)
                    if !mentioned.contains(id) {
                        add(NodeRecord(id: id, kind: .company, properties: [("name", .string(name)), ("ticker", .null), ("known", .bool(false))]))
                    }
                    slot = known.add(id)
                    known.byKey[key] = slot
                }
            } else {
                continue
            }
            let sentence = sentences[Int(items[i].sentence)]
            let core = items[i].core
            let (start, end) = (Int(core.start), Int(core.end))   // a context rule's name without its context
            work.extraction.mentions.append(Mention(
                nodeID: known.ids[slot], documentID: document.id,
                start: text.scalarOffset(start), end: text.scalarOffset(end),
                text: known.text(slot, start, end, in: text), rule: items[i].rule,
                sentenceStart: text.scalarOffset(Int(sentence.start)), sentenceEnd: text.scalarOffset(Int(sentence.end))))
        }
    }
}
