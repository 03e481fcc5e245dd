import NoteGraphCore

/// What the events stage reads from one document, indexed once: the items of the dimensions
/// events are built from, the tokens, and the dates that date an article (datelines) or the
/// note. Both finders (`TimelineEvents`, `SentenceEvents`) ask it the same questions.
struct EventScope {
    let text: DocumentText
    let segments: SegmentedText
    let lexicon: Lexicon
    let companies: SpanIndex
    let actions: SpanIndex
    /// Dates and periods, datelines left out (they date an article, not what it reports).
    let dates: SpanIndex
    let datelines: SpanIndex
    let links: SpanIndex
    let noteDate: String?

    init(items: [Item], text: DocumentText, segments: SegmentedText, lexicon: Lexicon, noteDate: String?) {
        self.text = text
        self.segments = segments
        self.lexicon = lexicon
        self.noteDate = noteDate
        var byDimension: [String: [Item]] = [:]
        for item in items where ["company", "action", "date", "link"].contains(item.dimension) { byDimension[item.dimension, default: []].append(item) }
        let dated = (byDimension["date"] ?? []).filter { $0.value["date"]?.stringValue != nil }
        companies = SpanIndex(byDimension["company"] ?? [])
        actions = SpanIndex(byDimension["action"] ?? [])
        dates = SpanIndex(dated.filter { $0.value["dateline"] != .bool(true) })
        datelines = SpanIndex(dated.filter { $0.value["dateline"] == .bool(true) })
        links = SpanIndex(byDimension["link"] ?? [])
    }

    /// Company ids mentioned inside `range`, each once, in order.
    func companyIDs(in range: Range<Int32>) -> [String] {
        var seen = Set<String>()
        return companies.within(range).compactMap(FigureContext.companyID).filter { seen.insert($0).inserted }
    }

    /// The index of the token starting at or containing UTF-16 offset `offset`.
    func tokenIndex(at offset: Int32) -> Int {
        let tokens = segments.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Tokens inside `range` that are terms of the lexicon's product class.
    func productTokens(in range: Range<Int32>) -> [Int] {
        var out: [Int] = []
        var i = tokenIndex(at: range.lowerBound)
        while i < segments.tokens.count, segments.tokens[i].end <= range.upperBound {
            let t = segments.tokens[i]
            if t.start >= range.lowerBound, t.lexiconEntry >= 0, lexicon.entries[Int(t.lexiconEntry)].lexiconClass == "product" { out.append(i) }
            i += 1
        }
        return out
    }

    /// Canonical names of the products mentioned inside `range`, each once.
    func productNames(in range: Range<Int32>) -> [String] { productNames(productTokens(in: range)) }

    /// Canonical names of the products these tokens are, each once.
    func productNames(_ tokens: [Int]) -> [String] {
        var seen = Set<String>()
        return tokens.map { lexicon.entries[Int(segments.tokens[$0].lexiconEntry)].name }.filter { seen.insert($0).inserted }
    }

    /// The date of the article a sentence belongs to: the dateline on the line right after it
    /// (the sentence is that article's headline), else the last dateline before it.
    func articleDate(of sentence: Sentence) -> String? {
        if let next = datelines.first(from: sentence.end), next.start - sentence.end <= 80,
           text.utf16[Int(sentence.end)..<Int(next.start)].filter({ $0 == 0x0A }).count == 1 {
            return next.value["date"]?.stringValue
        }
        return datelines.last(before: sentence.start)?.value["date"]?.stringValue
    }

    /// The reference a date is judged past or future against: the article's date, else the note's.
    func referenceDate(of sentence: Sentence) -> String? { articleDate(of: sentence) ?? noteDate }

    /// The scalar range of a UTF-16 range (the unit of mentions).
    func scalars(_ r: Range<Int32>) -> Range<Int> { text.scalarOffset(Int(r.lowerBound))..<text.scalarOffset(Int(r.upperBound)) }
}
