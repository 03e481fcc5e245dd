import NoteGraphCore

/// The words of a sentence event's title: its object — what follows the action up to the end of
/// the clause, a date, a link word or another action, cut to a length a person would write —
/// and the joining of title tokens (a blank where the text had one, none between Han
/// characters).
enum EventTitle {
    /// At most this many words of an English object, this many UTF-16 units of a Chinese one.
    static let maxWords = 8
    static let maxHanUnits = 16

    /// Punctuation that ends an object wherever it stands: brackets, dashes, colons.
    static let stops: Set<UInt16> = Set("([{（【—:：;；".utf16)
    /// Punctuation a title may end with: closing quotes and brackets, percent.
    static let closers: Set<UInt16> = Set("%)）]】”’」》\"'".utf16)
    /// Words before a date that tie it to the action (launches X in 2026): the object ends
    /// there, unless they follow the verb directly (announced on Oct 2 that …: skipped). A date
    /// after any other word is skipped and the object goes on (raised its 2026 capex plan).
    static let datePrepositions: Set<String> = ["in", "on", "at", "by", "from", "since", "until", "till", "through", "during",
                                                 "for", "before", "after", "within", "into", "of", "to", "as", "于", "在", "至", "到", "从", "自", "将"]
    static let quotes: Set<UInt16> = Set("\"'“”‘’「」《》".utf16)
    /// Single Han characters that cannot end a title (的, 了, 和 …): the object is cut before them.
    static let hanTail: Set<UInt16> = Set("的了和及与在于将对把被等并而或为".utf16)

    /// Token indices of the object after `start`, before `end` (the clause's end).
    static func object(after start: Int, before end: Int, scope: EventScope, stopAt group: [Item], han: Bool) -> [Int] {
        // An object is a few words: looking further than this many tokens is never needed, and
        // keeps a clause of thousands of tokens from costing that much per action.
        let end = min(end, start + 48)
        guard start < end else { return [] }
        let tokens = scope.segments.tokens
        let units = scope.text.utf16
        let range = tokens[start].start..<tokens[end - 1].end
        let dates = scope.dates.overlapping(range)
        let dateStarts = Set(dates.map { Int($0.firstToken) })
        let linkTokens = Set(scope.links.within(range).flatMap { Int($0.firstToken)..<Int($0.endToken) })
        let otherActions = Set(scope.actions.within(range).filter { a in !group.contains { $0.start == a.start } }.map { scope.tokenIndex(at: $0.core.start) })
        let dateTokens = Set(dates.flatMap { Int($0.firstToken)..<Int($0.endToken) })
        var out: [Int] = []
        var words = 0, length: Int32 = 0
        for i in start..<end {
            let t = tokens[i]
            if linkTokens.contains(i) || otherActions.contains(i) { break }
            if dateStarts.contains(i), let p = out.last, datePrepositions.contains(scope.text.slice(tokens[p].range).lowercased()) {
                // "announced on Oct 2, 2025 that …": a date right after the verb is skipped.
                guard out.count == 1 else { break }
                out = []
                words = 0
                length = 0
            }
            if dateTokens.contains(i) { continue }
            if t.kind == .punctuation || t.kind == .symbol {
                let u = units[Int(t.start)]
                let spaced = t.start > 0 && units[Int(t.start) - 1] == 0x20
                if stops.contains(u) || (spaced && !quotes.contains(u) && t.kind == .punctuation) { break }
            } else {
                words += 1
            }
            length += t.end - t.start
            if han ? length > Int32(maxHanUnits) : words > maxWords { break }
            out.append(i)
        }
        while let i = out.last, isDangling(i, scope: scope, han: han) || isUnopened(i, in: out, scope: scope) { out.removeLast() }
        return out
    }

    /// A closing bracket or quote whose opening one is not among `tokens` (the object began
    /// inside a parenthesis: "deployed since Jan 2026)").
    static func isUnopened(_ i: Int, in tokens: [Int], scope: EventScope) -> Bool {
        let units = scope.text.utf16
        guard let open = openers[units[Int(scope.segments.tokens[i].start)]] else { return false }
        return !tokens.contains { units[Int(scope.segments.tokens[$0].start)] == open }
    }

    static let openers: [UInt16: UInt16] = Dictionary(uniqueKeysWithValues: zip(Array(")）]】」》”’".utf16), Array("(（[【「《“‘".utf16)))

    /// A token a title cannot end with: punctuation, a short lower-case English word (to, the,
    /// of, in), a Han particle.
    static func isDangling(_ i: Int, scope: EventScope, han: Bool) -> Bool {
        let t = scope.segments.tokens[i]
        if t.kind == .punctuation || t.kind == .symbol { return !closers.contains(scope.text.utf16[Int(t.start)]) }
        let units = scope.text.utf16[Int(t.start)..<Int(t.end)]
        if units.count == 1, hanTail.contains(units.first!) { return true }
        return !han && units.count <= 3 && units.allSatisfy { (0x61...0x7A).contains($0) }
    }

    /// The tokens' text joined: as written between neighbours; between non-neighbours a blank
    /// where both sides are Latin letters or digits (Apple launches), none otherwise (苹果AI芯片).
    static func join(_ indices: [Int], scope: EventScope) -> String {
        let tokens = scope.segments.tokens
        let units = scope.text.utf16
        var out = ""
        for (k, i) in indices.enumerated() {
            let t = tokens[i]
            if k > 0 {
                let p = tokens[indices[k - 1]]
                if indices[k - 1] + 1 == i {
                    if t.start > p.end { out += units[Int(p.end)..<Int(t.start)].contains { $0 == 0x20 || $0 == 0x0A || $0 == 0x3000 } ? " " : scope.text.slice(Int(p.end)..<Int(t.start)) }
                } else if units[Int(p.end) - 1].isWordUnit && units[Int(t.start)].isWordUnit {
                    out += " "
                }
            }
            out += scope.text.slice(Int(t.start)..<Int(t.end))
        }
        return out
    }
}

extension UInt16 {
    /// An ASCII letter or digit, or a Latin letter beyond ASCII: words written with blanks between.
    var isWordUnit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || (0xC0...0x24F).contains(self)
    }
}
