import NoteGraphCore

/// Puts lexicon terms back together where ICU split them: 台积电 (台|积|电), 英伟达 (英伟|达),
/// 摩根士丹利 (five characters), "Morgan Stanley" (two words) each become one token tagged with
/// its lexicon entry.
///
/// Longest match, left to right, case-sensitive, over the text itself rather than over token
/// sequences, so a term may also start or end inside a run of Han characters that ICU grouped
/// differently (向英伟|达). Latin terms must start and end on token boundaries ("Meta" never
/// matches inside "Metaverse"); a possessive 's after a Latin term is split off ("NVIDIA's").
public struct LexiconOverlay: Sendable {
    /// A trie over UTF-16 units; node 0 is the root.
    private var children: [[UInt16: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]

    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        for (index, entry) in lexicon.entries.enumerated() {
            for term in entry.terms { insert(Array(term.utf16), entry: Int32(index)) }
        }
    }

    private mutating func insert(_ units: [UInt16], entry: Int32) {
        var node = 0
        for u in units {
            if let next = children[node][u] { node = Int(next); continue }
            children.append([:])
            terminal.append(-1)
            children[node][u] = Int32(children.count - 1)
            node = children.count - 1
        }
        if terminal[node] < 0 { terminal[node] = entry }
    }

    public struct Match: Sendable, Equatable {
        public var start: Int32
        public var end: Int32
        public var entry: Int32
    }

    @inline(__always) static func isHan(_ u: UInt16) -> Bool {
        (0x3400...0x4DBF).contains(u) || (0x4E00...0x9FFF).contains(u) || (0xF900...0xFAFF).contains(u)
    }

    @inline(__always) static func isUpper(_ u: UInt16) -> Bool { u >= 0x41 && u <= 0x5A }
    @inline(__always) static func isLower(_ u: UInt16) -> Bool { u >= 0x61 && u <= 0x7A }
    @inline(__always) static func isLatinLetter(_ u: UInt16) -> Bool { isUpper(u) || isLower(u) }

    /// Lexicon matches in the text, left to right, longest first, not overlapping.
    public func matches(in units: [UInt16], tokens: [Token]) -> [Match] {
        guard !tokens.isEmpty, children[0].count > 0 else { return [] }
        var isStart = [Bool](repeating: false, count: units.count + 1)
        var isEnd = [Bool](repeating: false, count: units.count + 1)
        for t in tokens { isStart[Int(t.start)] = true; isEnd[Int(t.end)] = true }
        let n = units.count
        func validEnd(_ e: Int, from s: Int) -> Bool {
            if isEnd[e] { return true }
            // A Chinese name may start or end inside a word ICU grouped across its edge (向英伟|达),
            // but not both: 北京|东路 holds no 京东, 亿元|大单 no 元大.
            if e < n, Self.isHan(units[e - 1]), Self.isHan(units[e]) { return isStart[s] }
            // NVIDIA's / NVIDIA’s: the possessive becomes its own token.
            if e + 1 < n, units[e] == 0x27 || units[e] == 0x2019, units[e + 1] == 0x73, isEnd[e + 2] { return true }
            // Names glued to a capitalised word where a page lost its spacing: CloudianHyperStore,
            // OpenAISora, MSFTMicrosoft (a ticker cell run into the name cell). Only a name inside
            // one token: "Huawei Cloud" does not end inside "Huawei CloudMatrix".
            guard e < n, Self.isLatinLetter(units[e - 1]), Self.isUpper(units[e]), !(s + 1..<e).contains(where: { isStart[$0] }) else {
                return false
            }
            if e + 1 < n, Self.isLower(units[e + 1]) { return true }
            // A ticker glued to the name that follows it: NVDANVIDIA, TSMTSMC. Both of three
            // letters or more, so short codes never cut a word in two (GEMS is not GE + MS).
            return e - s >= 3 && termEnds(at: e, minLength: 3, units: units) { isEnd[$0] }
        }
        var out: [Match] = []
        var pos = 0
        var tokenIndex = 0
        while tokenIndex < tokens.count {
            let token = tokens[tokenIndex]
            if Int(token.start) < pos && Int(token.end) <= pos { tokenIndex += 1; continue }
            // Candidate starts: the token start, and inside a Han token every character.
            var s = max(Int(token.start), pos)
            var matched = false
            while s < Int(token.end) {
                // Inside a token a name may also start where the previous match ended (AMZNAmazon).
                if s == Int(token.start) || s == pos || (Self.isHan(units[s]) && Self.isHan(units[s - 1])) {
                    var node = 0, i = s, best = -1, bestEntry: Int32 = -1
                    while i < n, let next = children[node][units[i]] {
                        node = Int(next)
                        i += 1
                        if terminal[node] >= 0, validEnd(i, from: s) { best = i; bestEntry = terminal[node] }
                    }
                    if best > 0 {
                        out.append(Match(start: Int32(s), end: Int32(best), entry: bestEntry))
                        pos = best
                        matched = true
                        break
                    }
                }
                if token.script != .han { break }
                s += 1
            }
            if matched {
                while tokenIndex < tokens.count, Int(tokens[tokenIndex].end) <= pos { tokenIndex += 1 }
            } else {
                tokenIndex += 1
            }
        }
        return out
    }

    /// Whether a term of `minLength` units or more starts at `start` and ends where `isEnd` allows.
    private func termEnds(at start: Int, minLength: Int, units: [UInt16], _ isEnd: (Int) -> Bool) -> Bool {
        var node = 0, i = start
        while i < units.count, let next = children[node][units[i]] {
            node = Int(next)
            i += 1
            if terminal[node] >= 0, i - start >= minLength, isEnd(i) { return true }
        }
        return false
    }

    /// The tokens with each match made one token: tokens inside a match are replaced, tokens that
    /// straddle its edge are cut there.
    public func apply(_ matches: [Match], to tokens: [Token], units: [UInt16]) -> [Token] {
        guard !matches.isEmpty else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var m = 0
        for token in tokens {
            var piece = token
            while m < matches.count, matches[m].end <= piece.start { m += 1 }
            var k = m
            var remaining = true
            while remaining, k < matches.count, matches[k].start < piece.end {
                let match = matches[k]
                if piece.start < match.start {
                    var head = piece
                    head.end = match.start
                    out.append(head)
                }
                if match.start >= piece.start {
                    let script = Segmenter.script(units, at: Int(match.start))
                    out.append(Token(start: match.start, end: match.end, kind: .word, script: script, lexiconEntry: match.entry))
                }
                if match.end < piece.end {
                    piece.start = match.end
                    k += 1
                } else {
                    remaining = false
                }
            }
            if remaining { out.append(piece) }
        }
        return out
    }
}
