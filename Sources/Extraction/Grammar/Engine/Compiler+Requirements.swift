import NoteGraphCore

/// What a sentence must hold for a rule to match anywhere in it: one token with one of a few
/// keys (a word, a first character), other than those the rule starts with. "12 weeks" needs a
/// week word, "or later" a `later`: a sentence without one runs no attempt of the rule at all,
/// where before every number in every sentence started one. Figures and dates rules failed in
/// nine attempts of ten, most at such a word; checking a sentence's words costs one load per
/// token (by type, `TypeRequirements`).
extension Compiler {
    /// The most selective set of keys (costing less than 64) every match must hold a token of, disjoint from `first`
    /// (the keys the rule's first token has: a requirement it meets itself says nothing). Nil
    /// when there is no such set worth checking.
    mutating func requirement(of pattern: Pattern, first: Set<FirstKey>?) throws -> Set<FirstKey>? {
        let sets = try requirements(pattern).filter { set in
            set.allSatisfy(Self.isTypeKey) && (first.map { set.isDisjoint(with: $0) } ?? true)
        }
        // Equal costs: the later element, which is the telling one more often than not ("of" in
        // "<number> of the fortnights" is in most sentences).
        var best: Set<FirstKey>?
        for set in sets where Self.cost(set) <= best.map(Self.cost) ?? 63 { best = set }
        return best
    }

    /// Sets of keys each of which every match holds a token of.
    mutating func requirements(_ p: Pattern) throws -> [Set<FirstKey>] {
        switch p {
        case let .token(test, _):
            return checks.keys(checks.add(try resolve(test))).map { [$0] } ?? []
        case let .literal(s, _):
            return [StepKeys.literal(Array(s.lowercased().utf16))]
        case let .dimension(d, _): return [[.dimension(d)]]
        case .sentenceStart, .sentenceEnd: return []
        case let .sequence(items):
            var all: [Set<FirstKey>] = []
            for item in items { all += try requirements(item) }
            return all
        case let .alternation(options):
            // One of each option's sets, joined: whichever option matched, its token is there.
            var union: Set<FirstKey> = []
            for o in options {
                guard let best = try requirements(o).min(by: { Self.cost($0) < Self.cost($1) }) else { return [] }
                union.formUnion(best)
            }
            return [union]
        case let .repetition(inner, min, _, _): return min > 0 ? try requirements(inner) : []
        case let .capture(_, inner, _): return try requirements(inner)
        case let .macro(name, position): return try withMacro(name, at: position) { c, p in try c.requirements(p) }
        }
    }

    /// Keys a token's type decides (its word, its first character): a sentence's are read by type.
    static func isTypeKey(_ k: FirstKey) -> Bool {
        switch k {
        case .lower, .firstUnit: return true
        default: return false
        }
    }

    /// How often a sentence is likely to hold a key of the set: words are rare, first
    /// characters less so, digits common; kinds, scripts, classes and items everywhere.
    static func cost(_ set: Set<FirstKey>) -> Int {
        set.reduce(0) { c, k in
            switch k {
            case .lower: return c + 1
            case let .firstUnit(u): return c + (u >= 0x30 && u <= 0x39 ? 16 : 2)
            default: return c + 1000
            }
        }
    }
}
