import NoteGraphCore

/// What a sentence must hold for a rule to match anywhere in it: one token with one of a few
/// keys (a word, a first character, a rare test passed), other than those the rule starts with.
/// "12 weeks" needs a week word, "or later" a `later`: a sentence without one runs no attempt of
/// the rule at all, where before every number in every sentence started one. Figures and dates
/// rules failed in nine attempts of ten, most at such a word; checking a sentence's words costs
/// one load per token (by type, `TypeRequirements`).
extension Compiler {
    /// The most selective set of keys (costing less than 64) every match must hold a token of.
    /// Best one no first token of the rule can meet itself (`first`: the keys the rule's first
    /// token has); else one that some of its first tokens cannot meet: a rule with several ways
    /// in, as `(将 | 预计)? ("推出" | "发布")`, started at 将 still has its verb to find, while at
    /// 推出 it meets its requirement itself (and pays only the sentence's look, once). Nil when
    /// there is no such set worth checking.
    mutating func requirement(of pattern: Pattern, first: Set<FirstKey>?) throws -> Set<RequirementKey>? {
        let sets = try requirements(pattern).filter { $0.allSatisfy(Self.isTypeKey) }
        guard let first else { return Self.cheapest(sets) }
        return Self.cheapest(sets.filter { disjoint($0, first) })
            ?? Self.cheapest(sets.filter { set in !first.allSatisfy { set.contains(.key($0)) } })
    }

    /// The cheapest of `sets` costing 63 or less. Equal costs: the later element, which is the
    /// telling one more often than not ("of" in "<number> of the fortnights" is in most sentences).
    static func cheapest(_ sets: [Set<RequirementKey>]) -> Set<RequirementKey>? {
        var best: Set<RequirementKey>?
        for set in sets where cost(set) <= best.map(cost) ?? 63 { best = set }
        return best
    }

    /// Whether no token a rule can start at (one with a key of `first`) meets `set` itself. A
    /// test counts as met when its own keys meet `first` (the rule may start with it).
    func disjoint(_ set: Set<RequirementKey>, _ first: Set<FirstKey>) -> Bool {
        set.allSatisfy { k in
            switch k {
            case let .key(key): return !first.contains(key)
            case let .test(c): return checks.keys(c).map { $0.isDisjoint(with: first) } ?? false
            }
        }
    }

    /// Sets of keys each of which every match holds a token of.
    mutating func requirements(_ p: Pattern) throws -> [Set<RequirementKey>] {
        switch p {
        case let .token(test, _):
            let c = checks.add(try resolve(test))
            var sets = checks.keys(c).map { [Set($0.map(RequirementKey.key))] } ?? []
            if checks.isRare(c) { sets.append([.test(c)]) }
            return sets
        case let .literal(s, _):
            return [Set(StepKeys.literal(Array(s.lowercased().utf16)).map(RequirementKey.key))]
        case let .dimension(d, _): return [[.key(.dimension(d))]]
        case .sentenceStart, .sentenceEnd: return []
        case let .sequence(items):
            var all: [Set<RequirementKey>] = []
            for item in items { all += try requirements(item) }
            return all
        case let .alternation(options):
            // One of each option's sets, joined: whichever option matched, its token is there.
            var union: Set<RequirementKey> = []
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

    /// Keys a token's type decides (its word, its first character, a rare test of its text):
    /// a sentence's are read by type.
    static func isTypeKey(_ k: RequirementKey) -> Bool {
        switch k {
        case .key(.lower), .key(.firstUnit), .test: return true
        default: return false
        }
    }

    /// How often a sentence is likely to hold a key of the set: words are rare, first
    /// characters less so, a glued amount and unit (a rare test) as a few first characters,
    /// digits common; kinds, scripts, classes and items everywhere.
    static func cost(_ set: Set<RequirementKey>) -> Int {
        set.reduce(0) { c, k in
            switch k {
            case .key(.lower): return c + 1
            case let .key(.firstUnit(u)): return c + (u >= 0x30 && u <= 0x39 ? 16 : 2)
            case .test: return c + 4
            default: return c + 1000
            }
        }
    }
}
