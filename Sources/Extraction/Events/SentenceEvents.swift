import NoteGraphCore

/// Events stated in a sentence: a clause with an action word (`<action>`), a company or product,
/// and a date — the clause's own, else the sentence's before it, else the dateline of the
/// article (a news digest's dateline dates what its articles report). One event per clause and
/// action; actions side by side with only names between them are one event (苹果携手博通研发…:
/// partners with Broadcom to develop). No event from a question, a heading, a table row, or a
/// clause a timeline block already covers.
struct SentenceEvents {
    let scope: EventScope
    /// Timeline blocks (sorted): their sentences are the timeline's events.
    let covered: [Range<Int32>]

    func events() -> [FoundEvent] {
        var bySentence: [Int32: [Item]] = [:]
        for a in scope.actions.items where !isCovered(a.core.start) { bySentence[a.sentence, default: []].append(a) }
        var out: [FoundEvent] = []
        for s in bySentence.keys.sorted() {
            let sentence = scope.segments.sentences[Int(s)]
            guard !isSkipped(sentence) else { continue }
            let actions = bySentence[s]!.sorted { $0.core.start < $1.core.start }
            let clause = FigureContext(items: [], segments: scope.segments, text: scope.text).clauses(sentence)
            var groups: [[Item]] = []
            for a in actions {
                if let last = groups.last?.last, clause(Int32(scope.tokenIndex(at: last.core.start))) == clause(Int32(scope.tokenIndex(at: a.core.start))),
                   onlyNames(between: last.core.end, and: a.core.start) {
                    groups[groups.count - 1].append(a)
                } else {
                    groups.append([a])
                }
            }
            var previous: Stated?
            let cache = ClauseCache()
            for g in groups {
                let (event, stated) = event(g, sentence: sentence, index: Int(s), clause: clause, previous: previous, cache: cache)
                if let event { out.append(event) }
                previous = Stated(subject: stated.subject.isEmpty ? previous?.subject ?? [] : stated.subject,
                                  object: stated.object.isEmpty ? previous?.object ?? [] : stated.object)
            }
        }
        return out
    }

    /// The subject and object tokens of an event, which a later clause of its sentence that
    /// names neither takes over (苹果研发芯片，2027年投入使用: the chip goes into use, Apple's).
    struct Stated {
        var subject: [Int]
        var object: [Int]
    }

    /// The event of a group of actions (nil when it lacks a name or a date), and what the
    /// sentence's later clauses can take over from it.
    func event(_ group: [Item], sentence: Sentence, index: Int, clause: (Int32) -> Int, previous: Stated?, cache: ClauseCache) -> (FoundEvent?, Stated) {
        let first = group[0], last = group[group.count - 1]
        let tokens = scope.segments.tokens
        let coreStart = scope.tokenIndex(at: first.core.start), coreEnd = scope.tokenIndex(at: last.core.end - 1) + 1
        // The clause, across the comma of a date written with one (Oct 2, 2025).
        var a = coreStart, b = coreEnd
        var number = clause(Int32(coreStart))
        while true {
            while a > sentence.tokens.lowerBound, clause(Int32(a - 1)) == number { a -= 1 }
            guard a > sentence.tokens.lowerBound, insideDate(a - 1) else { break }
            number = clause(Int32(a - 1))
        }
        number = clause(Int32(coreStart))
        while true {
            while b < sentence.tokens.upperBound, clause(Int32(b)) == number { b += 1 }
            guard b < sentence.tokens.upperBound, insideDate(b - 1) else { break }
            number = clause(Int32(b))
        }
        if b > coreEnd, tokens[b - 1].kind == .punctuation { b -= 1 }   // the clause's closing comma
        let span = tokens[a].start..<tokens[b - 1].end

        // Names: the clause's companies and products. The subject is the run of them nearest
        // before the action; without one, the subject of the sentence's previous event.
        let facts = cache.facts(span, scope)
        let names = facts.names
        var ids = facts.companyIDs
        var subject: [Int] = []
        var ownSubject = false
        var lo = 0, hi = names.count   // names are sorted and do not overlap: the last one ending before the action
        while lo < hi { let mid = (lo + hi) / 2; if names[mid].upperBound <= coreStart { lo = mid + 1 } else { hi = mid } }
        if lo > 0 {
            let nearest = names[lo - 1]
            var start = nearest.lowerBound
            var k = lo - 2
            while k >= 0, names[k].upperBound <= start, names[k].upperBound > start - 4, gapIsJoin(tokens[names[k].upperBound - 1].end, tokens[start].start) {
                start = names[k].lowerBound
                k -= 1
            }
            subject = Array(start..<nearest.upperBound)
            ownSubject = true
        } else if let taken = antecedent(clauseStart: a, sentence: sentence, previous: previous) {
            subject = taken
            for id in scope.companyIDs(in: tokens[taken[0]].start..<tokens[taken[taken.count - 1]].end).reversed() where !ids.contains(id) { ids.insert(id, at: 0) }
        }
        guard !subject.isEmpty || !names.isEmpty else { return (nil, Stated(subject: [], object: [])) }

        // The title: subject, the words between if few, the action, the object after it.
        let han = scope.text.utf16[Int(first.core.start)].isHan
        let clauseDates = facts.dates
        let dateTokens = facts.dateTokens
        var parts = subject
        let actionStart = han ? coreStart : max(Int(first.firstToken), subject.last.map { $0 + 1 } ?? 0, a)
        if ownSubject, let end = subject.last.map({ $0 + 1 }) {
            let between = end..<max(end, min(actionStart, Int(first.firstToken)))
            if !between.isEmpty, !between.contains(where: { dateTokens.contains($0) || tokens[$0].kind == .punctuation }),
               tokens[between.upperBound - 1].end - tokens[between.lowerBound].start <= (han ? 12 : 24) {
                parts += Array(between)
            }
        }
        var action = (min(actionStart, coreStart)..<coreEnd).filter { !dateTokens.contains($0) }
        if han, let m = first.value["modal"]?.arrayValue?.compactMap(\.doubleValue), m.count == 2 {
            action = (scope.tokenIndex(at: Int32(m[0]))..<scope.tokenIndex(at: Int32(m[1]) - 1) + 1).filter { $0 < actionStart } + action
        }
        let object = EventTitle.object(after: coreEnd, before: b, scope: scope, stopAt: group, han: han)
        let stated = Stated(subject: ownSubject ? subject : [], object: object)
        let taken = object.isEmpty ? previous?.object ?? [] : []
        // 苹果 + 芯片 + 投入使用 in Chinese; Apple + put into use + the chip in English.
        let title = EventTitle.join(han ? parts + taken + action + object : parts + action + object + taken, scope: scope)
        let shown = (parts + action + object).filter { $0 >= a }
        let mention = tokens[shown.min() ?? coreStart].start..<tokens[shown.max() ?? (coreEnd - 1)].end

        // The date: the clause's (the finest written, then the nearest), else the sentence's last
        // before the clause, else the article's.
        let core = first.core.start
        let date = Self.near(clauseDates, core).min { (Self.rank($0), abs($0.start - core)) < (Self.rank($1), abs($1.start - core)) }
            ?? scope.dates.overlapping(sentence.start..<span.lowerBound).last
        guard let iso = date?.value["date"]?.stringValue ?? scope.articleDate(of: sentence) else { return (nil, stated) }

        let tenses = group.compactMap { $0.value["tense"]?.stringValue }
        let tense = tenses.contains("expected") ? "expected" : tenses.contains("planned") ? "planned" : tenses.last
        let event = FoundEvent(
            date: iso, precision: date?.value["precision"]?.stringValue ?? "day", title: title,
            action: head(of: group).value["action"]?.stringValue,
            status: EventStatus.of(date: iso, tense: tense, reference: scope.referenceDate(of: sentence)),
            companies: ids, keyCompanies: ids, products: facts.productNames, span: span,
            mentions: [(mention, last.rule, sentence.start..<sentence.end)], anchor: first.core.start,
            sentenceIndex: index, fromTimeline: false)
        return (event, stated)
    }

    /// Whether token `i` is inside a date item, not at its edge (the comma of Oct 2, 2025).
    func insideDate(_ i: Int) -> Bool {
        let t = scope.segments.tokens[i]
        return scope.dates.overlapping(t.start..<t.end).contains { $0.start < t.start && $0.end > t.end }
    }

    /// Finer dates first: a clause that says both "its 2025 guidance" and "on Jul 17, 2025"
    /// happened on the day; a range (the mid-30s) comes last.
    static func rank(_ date: Item) -> Int { ranks[date.value["precision"]?.stringValue ?? ""] ?? 5 }

    static let ranks = ["day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4]

    /// The dates (sorted by start) within `reach` units of the action: a clause of a long list
    /// without commas holds many, and the one that dates an action stands near it.
    static func near(_ dates: [Item], _ core: Int32) -> ArraySlice<Item> {
        var lo = 0, hi = dates.count
        while lo < hi { let mid = (lo + hi) / 2; if dates[mid].end < core - reach { lo = mid + 1 } else { hi = mid } }
        var end = lo
        while end < dates.count, dates[end].start <= core + reach { end += 1 }
        return dates[lo..<end]
    }

    static let reach: Int32 = 240

    /// Who did it when the clause names nobody before its action: after a relative pronoun
    /// ("…, followed by Oracle, which deployed it") the nearest company before the clause; else
    /// the subject of the sentence's previous action (苹果研发芯片，2027年投入使用: still Apple);
    /// else the nearest company before the clause (美光表示，公司将量产: Micron).
    func antecedent(clauseStart a: Int, sentence: Sentence, previous: Stated?) -> [Int]? {
        let tokens = scope.segments.tokens
        let nearest = scope.companies.within(sentence.start..<tokens[a].start).last.map { Array(Int($0.firstToken)..<Int($0.endToken)) }
        if Self.relativePronouns.contains(scope.text.slice(tokens[a].range).lowercased()) { return nearest }
        if let taken = previous?.subject, !taken.isEmpty { return taken }
        return nearest
    }

    static let relativePronouns: Set<String> = ["which", "who", "that"]

    /// The action that names an event of several side by side: the last one a name stands
    /// before (携手博通研发: develop, with Broadcom), else the first (上修出货预期: raise, the
    /// shipments being what is raised).
    func head(of group: [Item]) -> Item {
        var head = group[0]
        for k in group.indices.dropFirst() {
            let gap = group[k - 1].core.end..<max(group[k - 1].core.end, group[k].core.start)
            if !scope.companies.within(gap).isEmpty || !scope.productTokens(in: gap).isEmpty { head = group[k] }
        }
        return head
    }

    /// Two names joined into one subject: a blank, "and", "&", 、, 和, 与 between them.
    func gapIsJoin(_ a: Int32, _ b: Int32) -> Bool {
        guard b - a <= 5 else { return false }
        let gap = scope.text.slice(Int(a)..<Int(b)).trimmingCharacters(in: .whitespaces)
        return Self.joins.contains(gap.lowercased())
    }

    static let joins: Set<String> = ["", "and", "&", "、", "和", "与", "及", "/"]

    /// Whether only company and product names (and blanks) lie between two offsets.
    func onlyNames(between a: Int32, and b: Int32) -> Bool {
        guard a <= b else { return a - b < 64 }   // an action that consumed the next one's start
        var i = scope.tokenIndex(at: a)
        let tokens = scope.segments.tokens
        let names = Set(scope.companies.within(a..<b).flatMap { Int($0.firstToken)..<Int($0.endToken) } + scope.productTokens(in: a..<b))
        while i < tokens.count, tokens[i].start < b {
            if !names.contains(i) { return false }
            i += 1
        }
        return true
    }

    func isCovered(_ offset: Int32) -> Bool {
        var lo = 0, hi = covered.count
        while lo < hi { let mid = (lo + hi) / 2; if covered[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid } }
        return lo < covered.count && covered[lo].contains(offset)
    }

    /// A question, a heading (`#`), or a table row (`|`): statements of no event.
    func isSkipped(_ sentence: Sentence) -> Bool {
        let units = scope.text.utf16
        var end = Int(sentence.end) - 1
        while end > Int(sentence.start), TableGrid.isBlank(units[end]) || units[end] == 0x0A { end -= 1 }
        if units[end] == 0x3F || units[end] == 0xFF1F { return true }
        var lineStart = Int(sentence.start)
        while lineStart > 0, units[lineStart - 1] != 0x0A, Int(sentence.start) - lineStart < 4096 { lineStart -= 1 }
        while lineStart < end, TableGrid.isBlank(units[lineStart]) { lineStart += 1 }
        return units[lineStart] == 0x23 || units[lineStart] == 0x7C
    }
}

extension UInt16 {
    /// A unit of the CJK ideograph blocks: the title is written without spaces.
    var isHan: Bool { (0x3400...0x9FFF).contains(self) || (0xF900...0xFAFF).contains(self) }
}
