import NoteGraphCore

/// What the matcher sees of one document: its text, tokens with precomputed keys, sentences and
/// the items earlier stages produced, indexed by their first token.
public final class DocumentView {
    public let text: DocumentText
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let lexicon: Lexicon
    /// The note's own date (ISO), for actions that resolve relative expressions.
    public let referenceDate: String?
    /// Folded-text hash of each token.
    let lowerHash: [UInt64]
    public private(set) var items: [Item] = []
    /// `itemsAt[t]`: indices into `items` of the items whose first token is t.
    var itemsAt: [Int32: [Int32]] = [:]

    public init(text: DocumentText, segments: SegmentedText, lexicon: Lexicon, referenceDate: String?) {
        self.text = text
        tokens = segments.tokens
        sentences = segments.sentences
        self.lexicon = lexicon
        self.referenceDate = referenceDate
        let units = text.utf16
        lowerHash = tokens.map { TokenKeys.hash(units[Int($0.start)..<Int($0.end)]) }
    }

    public func add(_ newItems: [Item]) {
        for item in newItems {
            itemsAt[item.firstToken, default: []].append(Int32(items.count))
            items.append(item)
        }
    }

    func string(_ start: Int32, _ end: Int32) -> String { text.slice(Int(start)..<Int(end)) }

    func lexiconClass(_ t: Int) -> String? {
        let e = tokens[t].lexiconEntry
        return e >= 0 ? lexicon.entries[Int(e)].lexiconClass : nil
    }

    /// Whether token `t` passes `test`.
    func passes(_ test: TokenTest, _ t: Int) -> Bool {
        let token = tokens[t]
        switch test {
        case .any: return true
        case let .text(s): return equal(t, s, folded: false)
        case let .lower(s): return equal(t, s, folded: true)
        case let .kind(k): return token.kind == k
        case let .script(s): return token.script == s
        case let .lexiconClass(c, _): return lexiconClass(t) == c
        case let .entry(id): return token.lexiconEntry >= 0 && lexicon.entries[Int(token.lexiconEntry)].id == id
        case let .shape(s): return Self.shape(text.utf16[Int(token.start)..<Int(token.end)]) == s
        case let .chars(range):
            return range.contains(text.scalarOffset(Int(token.end)) - text.scalarOffset(Int(token.start)))
        case let .first(set): return set.contains(text.utf16[Int(token.start)])
        case let .all(set):
            for k in Int(token.start)..<Int(token.end) where !set.contains(text.utf16[k]) { return false }
            return true
        case let .regex(r): return r.matches(string(token.start, token.end))
        case .macro: return false   // resolved by the compiler; never reaches a program
        case let .not(inner): return !passes(inner, t)
        case let .and(parts): return parts.allSatisfy { passes($0, t) }
        case let .or(parts): return parts.contains { passes($0, t) }
        }
    }

    func equal(_ t: Int, _ s: String, folded: Bool) -> Bool {
        let token = tokens[t]
        let units = text.utf16
        var k = Int(token.start)
        for u in s.utf16 {
            guard k < Int(token.end) else { return false }
            let v = units[k]
            if folded ? TokenKeys.fold(v) != TokenKeys.fold(u) : v != u { return false }
            k += 1
        }
        return k == Int(token.end)
    }

    /// Matches the folded literal from token `t` on; returns the token after the last one used.
    func literal(_ lit: [UInt16], from t: Int, limit: Int) -> Int? {
        let units = text.utf16
        var i = 0
        var k = t
        while k < limit {
            let token = tokens[k]
            if k > t, token.start > tokens[k - 1].end {
                guard i < lit.count, lit[i] == 0x20 else { return nil }
                i += 1
            }
            var u = Int(token.start)
            while u < Int(token.end) {
                guard i < lit.count, TokenKeys.fold(units[u]) == lit[i] else { return nil }
                i += 1; u += 1
            }
            k += 1
            if i == lit.count { return k }
        }
        return nil
    }

    /// X/x for upper/lower letters, d for digits, H for Han, other characters as they are;
    /// runs of one class collapse to one symbol (`Nvidia` → `Xx`, `2330.TW` → `d.X`).
    static func shape(_ units: ArraySlice<UInt16>) -> String {
        var out: [Character] = []
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            let c: Character
            let p = scalar.properties
            if p.isUppercase { c = "X" } else if p.isLowercase { c = "x" } else if p.numericType == .decimal { c = "d" }
            else if (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value) { c = "H" }
            else { c = Character(scalar) }
            if out.last != c { out.append(c) }
        }
        return String(out)
    }
}
