import NoteGraphCore

/// The distinct token tests of one grammar stage, flattened. Tests are added after macro
/// expansion; an identical test (same canonical form) gets the same index whichever rule uses
/// it, and every "dear" test gets a memo column so `Run` evaluates it at most once per token.
struct CheckTable: Sendable {
    private(set) var checks: [Check] = []
    /// Per check: its memo column per token type (`TokenTypes`: text, kind and script), or −1
    /// (a test of the token's lexicon entry).
    private(set) var typeColumn: [Int] = []
    private(set) var typeColumns = 0
    /// Per check: its memo column per token, or −1 (cheap, or remembered per type).
    private(set) var tokenColumn: [Int] = []
    private(set) var tokenColumns = 0
    /// Per check: whether its answer depends on the token's type alone (not on its lexicon entry).
    private(set) var textOnly: [Bool] = []
    private var ids: [String: Int] = [:]
    /// Owns the composites' parts.
    private let arena = FilterArena()

    /// Index of `test` (already resolved: no macros left).
    mutating func add(_ test: TokenTest) -> Int {
        switch test {
        case .any: return intern("any", .any)
        case let .text(s): return word(s, folded: false)
        case let .lower(s): return word(s, folded: true)
        case let .kind(k): return intern("kind:\(k.rawValue)", .kind(k))
        case let .script(s): return intern("script:\(s.rawValue)", .script(s))
        case let .lexiconClass(c, _): return intern("class:\(c)", .lexiconClass(c))
        case let .entry(id): return intern("entry:\(id)", .entry(id))
        case let .shape(s): return intern("shape:\(s)", .shape(s, symbols: s.unicodeScalars.map(\.value)))
        case let .chars(r): return intern("chars:\(r.lowerBound)-\(r.upperBound)", .chars(r))
        case let .first(set): return intern("first:\(set.members)", .first(set))
        case let .all(set): return intern("all:\(set.members)", .all(set))
        case let .regex(r): return intern("re:\(r.source)", .regex(r))
        case .macro: preconditionFailure("macros are resolved before tests are added")
        case let .not(inner):
            let i = add(inner)
            return intern("not(\(i))", .not(i))
        case let .and(parts):
            let ids = parts.map { add($0) }
            return ids.count == 1 ? ids[0] : composite("and(\(ids))", ids) { .and($0) }
        case let .or(parts):
            // Plain words of an alternative share one hash lookup; other tests stay as they are.
            var words: [(String, Bool)] = []
            var others: [Int] = []
            for p in parts {
                switch p {
                case let .text(s): words.append((s, false))
                case let .lower(s): words.append((s, true))
                default: others.append(add(p))
                }
            }
            if words.count == 1 { others.insert(word(words[0].0, folded: words[0].1), at: 0) }
            if words.count > 1 { others.insert(wordSet(words), at: 0) }
            return others.count == 1 ? others[0] : composite("or(\(others))", others) { .or($0) }
        }
    }

    private mutating func word(_ s: String, folded: Bool) -> Int {
        let units = Array(s.utf16)
        return intern("\(folded ? "lower" : "text"):\(s)",
                      .word(hash: TokenKeys.hash(units[...]), word: .init(units: units, folded: folded)))
    }

    private mutating func wordSet(_ words: [(String, Bool)]) -> Int {
        let set = Check.WordSet(words.map { Check.Word(units: Array($0.0.utf16), folded: $0.1) })
        let key = "words:" + words.map { "\($0.1 ? "lower" : "text"):\($0.0)" }.sorted().joined(separator: "|")
        return intern(key, .words(set))
    }

    /// A composite of `parts`, its parts copied into the arena the first time it is met.
    private mutating func composite(_ key: String, _ parts: [Int], _ make: (UnsafeBufferPointer<Int>) -> Check) -> Int {
        if let i = ids[key] { return i }
        let buffer = arena.buffer(max(1, parts.count), of: Int.self, initial: 0)
        buffer.update(from: parts, count: parts.count)
        return intern(key, make(UnsafeBufferPointer(start: buffer, count: parts.count)))
    }

    private mutating func intern(_ key: String, _ check: Check) -> Int {
        if let i = ids[key] { return i }
        let text: Bool
        switch check {
        case .lexiconClass, .entry: text = false
        case let .not(i): text = textOnly[i]
        case let .and(parts), let .or(parts): text = parts.allSatisfy { textOnly[$0] }
        default: text = true
        }
        checks.append(check)
        textOnly.append(text)
        // Every test of the type is remembered per type, cheap ones too: a memo cell costs less
        // to read than the cheapest test costs to dispatch.
        typeColumn.append(text ? typeColumns : -1)
        tokenColumn.append(check.isDear && !text ? tokenColumns : -1)
        if text { typeColumns += 1 } else if check.isDear { tokenColumns += 1 }
        ids[key] = checks.count - 1
        return checks.count - 1
    }

    /// Whether token `t` passes check `c` (not memoised: `Run` does that).
    func passes(_ c: Int, _ t: Int, _ view: DocumentView) -> Bool {
        let token = view.tokens[t]
        switch checks[c] {
        case .any, .kind, .script, .first, .all: return cheap(c, token, view)!   // cheap answers each of these
        case let .word(hash, word): return view.features[t].hash == hash && view.equal(t, word)
        case let .words(set):
            guard let k = set.index[view.features[t].hash] else { return false }
            return set.lists[Int(k)].contains { view.equal(t, $0) }
        case let .lexiconClass(name): return view.lexiconClass(t) == name
        case let .entry(id): return token.lexiconEntry >= 0 && view.lexicon.entries[Int(token.lexiconEntry)].id == id
        case let .shape(_, symbols):
            // Over a buffer: a slice of the array was retained and bounds-checked per unit.
            return view.text.utf16.withUnsafeBufferPointer {
                TokenShape.matches(UnsafeBufferPointer(rebasing: $0[Int(token.start)..<Int(token.end)]), symbols)
            }
        case let .chars(range):
            return range.contains(view.text.scalarOffset(Int(token.end)) - view.text.scalarOffset(Int(token.start)))
        case let .regex(r):
            return view.text.utf16.withUnsafeBufferPointer { r.matches(UnsafeBufferPointer(rebasing: $0[Int(token.start)..<Int(token.end)])) }
        case let .not(inner): return !passes(inner, t, view)
        case let .and(parts):
            for p in parts where !(cheap(p, token, view) ?? passes(p, t, view)) { return false }
            return true
        case let .or(parts):
            for p in parts where cheap(p, token, view) ?? passes(p, t, view) { return true }
            return false
        }
    }

    /// The answer of a test read off the token's fields and units alone (kind, script, first
    /// or all characters), nil for any other: the one place these tests are answered, inlined
    /// where a composite asks its parts, as a call per part cost more than such a test.
    @inline(__always) private func cheap(_ c: Int, _ token: Token, _ view: DocumentView) -> Bool? {
        switch checks[c] {
        case .any: return true
        case let .kind(k): return token.kind == k
        case let .script(s): return token.script == s
        case let .first(set): return set.contains(view.text.utf16[Int(token.start)])
        case let .all(set):
            // Over a buffer: the array paid a bounds check and a reload through the view per unit.
            return view.text.utf16.withUnsafeBufferPointer { units in
                for k in Int(token.start)..<Int(token.end) where !set.contains(units[k]) { return false }
                return true
            }
        default: return nil
        }
    }

    /// Keys every token passing `c` has one of (for the first-token index), or nil if unknown.
    func keys(_ c: Int) -> Set<FirstKey>? {
        switch checks[c] {
        case let .word(hash, _): return [.lower(hash)]
        case let .words(set): return Set(set.hashes.map { .lower($0) })
        case let .kind(k): return [.kind(k)]
        case let .script(s): return [.script(s)]
        case let .lexiconClass(name): return [.lexiconClass(name)]
        case let .first(set), let .all(set): return Set(set.members.map { .firstUnit($0) })
        case let .shape(s, _): return ShapeKeys.firstUnits(of: s).map { Set($0.members.map { .firstUnit($0) }) }
        case let .or(parts):
            var all: Set<FirstKey> = []
            for p in parts { guard let k = keys(p) else { return nil }; all.formUnion(k) }
            return all
        case let .and(parts):
            // Any one part will do; take the most selective that can be indexed.
            return parts.compactMap(keys).min { FirstKey.rank($0) < FirstKey.rank($1) }
        default: return nil
        }
    }
}
