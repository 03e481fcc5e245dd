import NoteGraphCore

/// Writes claim records (records.md): the asserted clause, its source, modality, subjects, the
/// figure records inside it and the time it is about, with `review: pending` (verdicts live
/// apart from extraction output). A claim's id is its source and its text with spacing and case
/// folded, so the same sentence syndicated to two notes is one claim with two mentions; a claim
/// said in English and again in Chinese (`BilingualRuns`) with the same source, modality,
/// subjects and figures is one claim too, under the English text; a reworded restatement in the
/// same note (SimHash within `nearDuplicateDistance`, same source, modality and figures) joins
/// the note's first wording. Each mention says why it is in its claim when its own key would
/// not have put it there, and each wording's fingerprint goes to the store for other notes.
enum ClaimEmitter {
    static func emit(_ claims: [ClaimFinder.Claim], runs: BilingualRuns, segments: SegmentedText, nearDuplicateDistance: Int,
                     into work: inout DocumentWork, document: Document) {
        let text = document.text
        let figureMentions = FigureMentions(work.extraction)
        let sentences = segments.sentences
        var found: [(claim: ClaimFinder.Claim, body: String, start: Int, end: Int, figures: [String], id: String)] = []
        for c in claims {
            let body = text.slice(Int(c.start)..<Int(c.end))
            let start = text.scalarOffset(Int(c.start)), end = text.scalarOffset(Int(c.end))
            found.append((c, body, start, end, figureMentions.ids(within: start..<end),
                          StableID.make("claim", [c.source ?? "", ClaimKey.folded(body)])))
        }
        let representative = translations(found.map { ($0.claim, $0.figures) }, runs: runs)
        // A translation takes its English claim's id; then reworded duplicates take the id of
        // the first wording (NearDuplicates), judged on the claim whose own id it is.
        let base = found.indices.map { found[representative[$0] ?? $0].id }
        var own: [String: Int] = [:]
        for (i, f) in found.enumerated() where own[f.id] == nil { own[f.id] = i }
        let signatures = found.map { signature($0.claim, figures: $0.figures) }
        let hashes = found.map { SimHash.of(hashes: TextShingles.featureHashes(words: words(in: $0.claim, segments: segments, text: text))) }
        let near = NearDuplicates.find(base.map { id in
            let k = own[id]!
            return NearDuplicates.Candidate(id: id, signature: signatures[k], simhash: hashes[k])
        }, maxDistance: nearDuplicateDistance)
        func final(_ id: String) -> String { near[id]?.canonical ?? id }
        var seen = Set(work.extraction.nodes.map(\.id))
        var fingerprinted: Set<String> = []
        for (i, f) in found.enumerated() {
            let id = final(base[i])
            let r = own[id]!
            if seen.insert(id).inserted {
                let c = found[r].claim, figures = found[r].figures
                var props: [(String, JSONValue)] = [
                    ("text", .string(found[r].body)), ("source", c.source.map(JSONValue.string) ?? .null),
                    ("modality", .string(c.modality)), ("subjects", .array(c.subjects.map(JSONValue.string))),
                    ("figures", .array(figures.map(JSONValue.string))), ("date", c.date.map(JSONValue.string) ?? .null),
                    ("review", .string("pending")),
                    ("cue", c.verb.map(JSONValue.string) ?? .null), ("hedged", .bool(c.hedged)), ("negated", .bool(c.negated)),
                ]
                if representative.values.contains(r) {
                    props.append(("aligned", .string("the same source, modality, subjects and figures in an English paragraph and its Chinese translation")))
                }
                work.extraction.nodes.append(NodeRecord(id: id, kind: .claim, properties: props))
                work.extraction.edges.append(EdgeRecord(from: document.id, to: id, type: "MENTIONS"))
                if let source = c.source, source.hasPrefix("company:") {
                    work.extraction.edges.append(EdgeRecord(from: id, to: source, type: "SOURCE"))
                }
                for s in c.subjects { work.extraction.edges.append(EdgeRecord(from: id, to: s, type: "ABOUT")) }
                for fig in figures { work.extraction.edges.append(EdgeRecord(from: id, to: fig, type: "HAS_FIGURE")) }
            }
            let k = own[base[i]]!
            if fingerprinted.insert(base[i]).inserted {
                work.extraction.fingerprints.append(Fingerprint(nodeID: id, kind: .claim, signature: signatures[k], simhash: hashes[k]))
            }
            var merge: MergeReason?
            if let e = representative[i] {
                merge = MergeReason(.aligned, "the Chinese translation of \"\(found[e].body)\" (same source, modality, subjects and figures)")
            } else if let n = near[base[i]] {
                merge = MergeReason(.nearDuplicate, "distance \(n.distance) from \"\(found[r].body)\" (same source, modality and figures)")
            }
            let sentence = sentences[f.claim.sentence]
            work.extraction.mentions.append(Mention(
                nodeID: id, documentID: document.id, start: f.start, end: f.end, text: f.body, rule: f.claim.rule,
                sentenceStart: text.scalarOffset(Int(sentence.start)), sentenceEnd: text.scalarOffset(Int(sentence.end)), merge: merge))
        }
        work.extraction.nearDuplicateDistance = nearDuplicateDistance
    }

    /// What two claims must share exactly to be one record: source, modality and figures (a
    /// claim with another figure says something else, however close the wording).
    static func signature(_ c: ClaimFinder.Claim, figures: [String]) -> String {
        [c.source ?? "", c.modality, figures.sorted().joined(separator: ",")].joined(separator: "|")
    }

    /// The claim's word and number tokens, as the segmenter and lexicon overlay left them.
    static func words(in c: ClaimFinder.Claim, segments: SegmentedText, text: DocumentText) -> [String] {
        let tokens = segments.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < c.start { lo = mid + 1 } else { hi = mid } }
        var out: [String] = []
        var i = lo
        while i < tokens.count, tokens[i].end <= c.end {
            if tokens[i].kind == .word || tokens[i].kind == .number { out.append(tokens[i].text(in: text)) }
            i += 1
        }
        return out
    }

    /// For each claim that translates another, the index of the English one. Claims pair up in
    /// order within a translated pair of runs when their source, modality, subjects and figures
    /// agree and they state at least one subject or figure (two bare opinions are not enough).
    static func translations(_ claims: [(claim: ClaimFinder.Claim, figures: [String])], runs: BilingualRuns) -> [Int: Int] {
        var sides: [String: [[Int]]] = [:]
        for (i, c) in claims.enumerated() where !(c.claim.subjects.isEmpty && c.figures.isEmpty) {
            guard let (pair, side) = runs.place(of: c.claim.start) else { continue }
            let key = ["\(pair)", c.claim.source ?? "", c.claim.modality, c.claim.subjects.sorted().joined(separator: ","),
                       c.figures.sorted().joined(separator: ",")].joined(separator: "|")
            sides[key, default: [[], []]][side].append(i)
        }
        var out: [Int: Int] = [:]
        for (key, s) in sides {
            let pair = Int(key.prefix { $0 != "|" })!
            for (x, y) in zip(s[0], s[1]) {
                if runs.pairs[pair].firstIsEnglish { out[y] = x } else { out[x] = y }
            }
        }
        return out
    }
}
