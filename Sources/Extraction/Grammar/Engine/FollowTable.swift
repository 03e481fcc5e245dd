import NoteGraphCore

/// For one first element of a stage's rules (`WayIn`): which of the rules starting with it can
/// go on, given the token after it. Each key that token may have (its kind, script, first
/// character, folded word, lexicon class, the dimensions of the items starting there) maps to
/// the mask of rules whose next element accepts that key; the token's masks or-ed together
/// (and those of the rules that accept anything next) are the rules to run. A few lookups per
/// element, however many rules share it: `@BEFORE? <number> …` starts most figure rules.
struct FollowTable: @unchecked Sendable {
    /// A class or dimension: compared by `TokenKeys.bit` (a shared bit only costs a run).
    struct Named {
        var bit: UInt64
        var dimension: Bool
        var mask: Int32
    }

    /// The mask of the rules that accept anything next, or nothing (−1: none).
    var always: Int32 = -1
    /// Masks by token kind, then (from `scriptBase`) by script; −1: none.
    var fixed: UnsafePointer<Int32>?
    /// First UTF-16 unit (mixed by `unitKey`) → mask.
    var units: HashIndex?
    /// Folded word hash → mask.
    var words: HashIndex?
    var named = UnsafeBufferPointer<Named>(start: nil, count: 0)

    /// `rules`: per follow key set (nil: anything), the rules that have it. `masks` receives
    /// each new mask's words and answers its number.
    init(_ rules: [(follow: Set<FirstKey>?, rule: Int)], arena: FilterArena, masks: (Set<Int>) -> Int32) {
        var always = Set<Int>(), byKey: [FirstKey: Set<Int>] = [:]
        for (follow, rule) in rules {
            guard let follow else { always.insert(rule); continue }
            for k in follow { byKey[k, default: []].insert(rule) }
        }
        if !always.isEmpty { self.always = masks(always) }
        precondition(TokenKind.allCases.count <= Self.scriptBase)
        let kinds = Self.scriptBase
        var fixed = [Int32](repeating: -1, count: kinds + Script.allCases.count)
        var units: [(UInt64, Int32)] = [], words: [(UInt64, Int32)] = [], named: [Named] = []
        for (key, set) in byKey.sorted(by: { FirstKey.ordered($0.key, $1.key) }) {
            let m = masks(set)
            switch key {
            case let .kind(k): fixed[Int(k.rawValue)] = m
            case let .script(s): fixed[kinds + Int(s.rawValue)] = m
            case let .firstUnit(u): units.append((Self.unitKey(u), m))
            case let .lower(h): words.append((h, m))
            case let .lexiconClass(c): named.append(Named(bit: TokenKeys.bit(c), dimension: false, mask: m))
            case let .dimension(d): named.append(Named(bit: TokenKeys.bit(d), dimension: true, mask: m))
            }
        }
        if fixed.contains(where: { $0 >= 0 }) {
            let b = arena.buffer(fixed.count, of: Int32.self, initial: -1)
            b.update(from: fixed, count: fixed.count)
            self.fixed = UnsafePointer(b)
        }
        if !units.isEmpty { self.units = HashIndex(units, arena: arena) }
        if !words.isEmpty { self.words = HashIndex(words, arena: arena) }
        if let sample = named.first {
            let b = arena.buffer(named.count, of: Named.self, initial: sample)
            b.update(from: named, count: named.count)
            self.named = UnsafeBufferPointer(start: b, count: named.count)
        }
    }

    static let scriptBase = 8

    /// First units are small numbers; `HashIndex` wants its keys' low bits mixed.
    @inline(__always) static func unitKey(_ u: UInt16) -> UInt64 { UInt64(u) &* 0x9E37_79B9_7F4A_7C15 }

    /// Whether the token's type (kind, script, first unit, word) selects a mask.
    @inline(__always) func selectsType(_ f: TokenFeatures) -> Bool {
        if let fixed, fixed[Int(f.kind.rawValue)] >= 0 || fixed[Self.scriptBase + Int(f.script.rawValue)] >= 0 { return true }
        if let units, units[Self.unitKey(f.firstUnit)] != nil { return true }
        if let words, words[f.hash] != nil { return true }
        return false
    }

    /// Whether a mask is selected whatever the token's type: one for any token, or one the
    /// token's class or items select.
    @inline(__always) func selectsToken(_ f: TokenFeatures) -> Bool {
        if always >= 0 { return true }
        for n in named where (n.dimension ? f.dimensionBits : f.classBit) & n.bit != 0 { return true }
        return false
    }

    /// Calls `take` with each mask the token after the element (nil: the sentence ends) selects.
    @inline(__always) func masks(after f: TokenFeatures?, _ take: (Int32) -> Void) {
        if always >= 0 { take(always) }
        guard let f else { return }
        if let fixed {
            let k = fixed[Int(f.kind.rawValue)], s = fixed[Self.scriptBase + Int(f.script.rawValue)]
            if k >= 0 { take(k) }
            if s >= 0 { take(s) }
        }
        if let units, let m = units[Self.unitKey(f.firstUnit)] { take(m) }
        if let words, let m = words[f.hash] { take(m) }
        for n in named where (n.dimension ? f.dimensionBits : f.classBit) & n.bit != 0 { take(n.mask) }
    }
}
