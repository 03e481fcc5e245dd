import NoteGraphCore

/// Finds claims — who asserts what — from the `cue` and `modal` items of the cues grammar.
///
/// - A cue (高盛表示, "Nomura expects", 据路透社报道, "according to Gartner") starts a claim: the
///   text after it to the next cue or the sentence's end; when nothing follows it ("Demand will
///   double, Nomura said."), the text before it.
/// - Reported speech runs on: a source named in a paragraph (or by a block cue, 主要观点如下)
///   stays the source of the paragraph's later claims that name none.
/// - A sentence without a cue is a claim when it states a forecast or hedge (将, 有望, will,
///   could) about something — a figure or a company — in the voice of the paragraph's source,
///   else of the note's author (source null).
/// - Questions and headings (a paragraph of one short sentence without final punctuation) are
///   never claims.
struct ClaimFinder {
    let items: [Item]
    let segments: SegmentedText
    let text: DocumentText
    /// The note's own date (ISO), to tell forecasts by the time they are about.
    let noteDate: String?

    struct Claim {
        var start: Int32
        var end: Int32
        var sentence: Int
        var source: String?
        var cue: String?
        var verb: String?
        var modality: String
        var hedged: Bool
        var negated: Bool
        var date: String?
        var subjects: [String]
        var rule: String
    }

    func claims() -> [Claim] {
        let items = self.items
        let bySentence = ClaimItems(items, sentences: segments.sentences.count)
        var out: [Claim] = []
        for paragraph in segments.paragraphs where !isHeading(paragraph) {
            var carried: String?
            for s in paragraph.sentences {
                // Without a cue or a modal a sentence states no claim (`claims(in:)` finds none
                // and leaves `carried` alone); all it can do is end the paragraph's reported
                // speech at a glued block, which matters only while there is some.
                let speaks = bySentence.speaks(s)
                guard speaks || carried != nil else { continue }
                for (piece, newBlock) in pieces(segments.sentences[s]) where !isQuestion(piece) {
                    // Glued blocks of a flattened page are separate texts: no speech runs on.
                    if newBlock { carried = nil }
                    guard speaks else { continue }
                    let here = bySentence.of(s).filter { items[$0].start >= piece.start && items[$0].end <= piece.end }
                    out += claims(in: piece, sentence: s, items: here.sorted { items[$0].start < items[$1].start }.map { items[$0] },
                                  carried: &carried)
                }
            }
        }
        return out
    }

    /// The claims of one sentence (or piece of one); `carried` is the paragraph's source so far.
    func claims(in sentence: Sentence, sentence s: Int, items here: [Item], carried: inout String?) -> [Claim] {
        let cues = here.filter { $0.dimension == "cue" }
        if cues.isEmpty {
            let modals = here.filter { $0.dimension == "modal" && $0.value["modal"]?.stringValue != "negation" }
            guard let first = modals.first,
                  let claim = make(sentence.start, sentence.end, sentence: s, in: here, cue: nil, rule: first.rule, source: carried),
                  claim.modality == "forecast", !claim.subjects.isEmpty || hasFigure(here, claim) else { return [] }
            return [claim]
        }
        var out: [Claim] = []
        for (i, cue) in cues.enumerated() {
            let named = cue.value["source"]?.stringValue
            if let named { carried = named }
            var (a, b) = (cue.end, i + 1 < cues.count ? cues[i + 1].start : sentence.end)
            // Nothing after the cue ("Demand will double, Nomura said."): the claim is before it.
            if trimmed(a, b).isEmpty { (a, b) = (i > 0 ? cues[i - 1].end : sentence.start, cue.start) }
            if let claim = make(a, b, sentence: s, in: here, cue: cue, rule: cue.rule, source: named ?? carried) { out.append(claim) }
        }
        return out
    }

    /// A sentence cut where ICU did not see an end: a page flattened to text that glued two blocks
    /// together (a period between a lower-case and an upper-case letter: "…systems
    /// market.Transformer architecture…"), or a full stop before a " - " bullet.
    /// Each piece says whether it starts a new block (a glued one).
    func pieces(_ sentence: Sentence) -> [(Sentence, Bool)] {
        let u = text.utf16
        var out: [(Sentence, Bool)] = []
        var glue = false
        var start = Int(sentence.start)
        var i = start + 1
        while i + 1 < Int(sentence.end) {
            let glued = u[i] == 0x2E && (0x61...0x7A).contains(u[i - 1]) && (0x41...0x5A).contains(u[i + 1])
            // "…[5][6]. - The supply…": a bullet after a full stop starts a sentence too.
            let bullet = u[i] == 0x2E && u[i + 1] == 0x20 && i + 3 < Int(sentence.end) && [0x2D, 0x2022].contains(u[i + 2]) && u[i + 3] == 0x20
            if glued || bullet {
                out.append((Sentence(start: Int32(start), end: Int32(i + 1), tokens: sentence.tokens), glue))
                start = i + 1
                glue = glued
            }
            i += 1
        }
        out.append((Sentence(start: Int32(start), end: sentence.end, tokens: sentence.tokens), glue))
        return out
    }

    /// A claim over `a..<b` (trimmed), or nil when too little is left to assert anything.
    func make(_ a: Int32, _ b: Int32, sentence: Int, in items: [Item], cue: Item?, rule: String, source: String?) -> Claim? {
        let span = trimmed(a, b)
        guard span.count >= 4, hasWord(span) else { return nil }
        let inside = items.filter { $0.start >= span.lowerBound && $0.end <= span.upperBound }
        let modals = Set(inside.filter { $0.dimension == "modal" }.compactMap { $0.value["modal"]?.stringValue })
        let date = inside.first { $0.dimension == "date" && $0.value["dateline"] != .bool(true) }?.value["date"]?.stringValue
        var subjects: [String] = []
        for c in inside where c.dimension == "company" {
            if let id = CompanyEmitter.nodeID(ofValue: c.value), id != source, !subjects.contains(id) { subjects.append(id) }
        }
        let kind = cue?.value["cue"]?.stringValue
        let modality: String
        if kind == "forecast" || modals.contains("forecast") || modals.contains("hedge") && kind != "opinion" || isFuture(date) {
            modality = "forecast"
        } else if kind == "opinion" || kind == "block" {
            modality = "opinion"
        } else {
            modality = "fact"
        }
        return Claim(start: span.lowerBound, end: span.upperBound, sentence: sentence, source: source, cue: kind,
                     verb: cue?.value["verb"]?.stringValue, modality: modality, hedged: modals.contains("hedge"),
                     negated: modals.contains("negation"), date: date, subjects: subjects, rule: rule)
    }

    func hasFigure(_ items: [Item], _ claim: Claim) -> Bool {
        items.contains { $0.dimension == "figure" && $0.start >= claim.start && $0.end <= claim.end }
    }

    /// A period that begins after the note's year is about the future.
    func isFuture(_ date: String?) -> Bool {
        guard let date, let noteDate, let year = Int(date.prefix(4)), let noteYear = Int(noteDate.prefix(4)) else { return false }
        return year > noteYear
    }

    /// `a..<b` without the punctuation, quotes, bullets, spaces and "that" at its edges, nor
    /// trailing reference marks ("[1][4]").
    func trimmed(_ a: Int32, _ b: Int32) -> Range<Int32> {
        let u = text.utf16
        var lo = Int(a), hi = Int(b)
        func edge(_ c: UInt16) -> Bool { c < 0x80 ? Self.asciiEdges.contains(c) : Self.wideEdges.contains(c) }
        while true {
            while lo < hi, edge(u[lo]) { lo += 1 }
            if hi - lo > 5, String(decoding: u[lo..<lo + 5], as: UTF16.self).lowercased() == "that " { lo += 5; continue }
            break
        }
        while true {
            while hi > lo, edge(u[hi - 1]) { hi -= 1 }
            // "[1][4]": reference marks after the clause.
            if hi > lo, u[hi - 1] == 0x5D, let open = u[lo..<hi].lastIndex(of: 0x5B), hi - open <= 6 { hi = open; continue }
            break
        }
        return Int32(lo)..<Int32(max(lo, hi))
    }

    /// Whether a word token lies inside `span`. Tokens are sorted by start, so only those
    /// starting in the span are looked at (a scan of every token of the note, per claim, was
    /// a third of finding claims).
    func hasWord(_ span: Range<Int32>) -> Bool {
        let tokens = segments.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < span.lowerBound { lo = mid + 1 } else { hi = mid } }
        // `<=`: an empty token at the span's end is inside it.
        while lo < tokens.count, tokens[lo].start <= span.upperBound {
            if tokens[lo].end <= span.upperBound, tokens[lo].kind == .word { return true }
            lo += 1
        }
        return false
    }

    func isQuestion(_ sentence: Sentence) -> Bool {
        let span = trimmedEnd(sentence)
        return span > Int(sentence.start) && [0x3F, 0xFF1F].contains(text.utf16[span - 1])
    }

    /// The end of a sentence without trailing spaces.
    func trimmedEnd(_ sentence: Sentence) -> Int {
        var hi = Int(sentence.end)
        while hi > Int(sentence.start), [0x20, 0x0A, 0x0D, 0x09, 0x3000].contains(text.utf16[hi - 1]) { hi -= 1 }
        return hi
    }

    /// A heading: one short sentence without final punctuation.
    func isHeading(_ paragraph: Paragraph) -> Bool {
        guard paragraph.sentences.count == 1 else { return false }
        let sentence = segments.sentences[paragraph.sentences.lowerBound]
        let end = trimmedEnd(sentence)
        guard end > Int(sentence.start) else { return true }
        return end - Int(sentence.start) <= 80 && !Self.finals.contains(text.utf16[end - 1])
    }

    static let finals: Set<UInt16> = [0x2E, 0x3002, 0x21, 0xFF01, 0x3F, 0xFF1F, 0x2026, 0x201D, 0x22]
    static let asciiEdges: Set<UInt16> = Set(" \t\r\n,.;:!?\"'-*•()".utf16)
    static let wideEdges: Set<UInt16> = Set("，。；：！？“”‘’「」『』、—–·…（）\u{3000}•".utf16)
}
