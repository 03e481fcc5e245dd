import NoteGraphCore

/// The ways into all rules of a stage (`WayIn`), each kept once, indexed by the keys of their
/// first token, each with the set of rules it leads into as a bit mask. At a token the index
/// proposes the few ways that can start there, each is asked once, and the masks of those that
/// pass are or-ed together: the set bits are the rules worth running, already in rule order and
/// without duplicates. Asking per rule instead cost one lookahead per rule and token, and the
/// dates and figures stages have hundreds of rules starting alike.
struct WayTable: @unchecked Sendable {
    let ways: UnsafeBufferPointer<WayIn>
    /// `words` mask words per way, way after way.
    let masks: UnsafePointer<UInt64>
    /// Mask words per way: one bit per rule of the stage.
    let words: Int
    let index: FirstTokenIndex

    /// What makes two ways one: the same lookahead branch, or (for rules without lookahead)
    /// the same first keys.
    private enum Key: Hashable {
        case branch(LookaheadKeys.Branch)
        case open(Set<FirstKey>?)
    }

    init(_ programs: [Program], arena: FilterArena) {
        var ids: [Key: Int] = [:], keys: [Key] = [], rulesOf: [[Int]] = []
        func add(_ key: Key, rule: Int) {
            let id: Int
            if let known = ids[key] { id = known } else { id = keys.count; ids[key] = id; keys.append(key); rulesOf.append([]) }
            if rulesOf[id].last != rule { rulesOf[id].append(rule) }
        }
        for (r, program) in programs.enumerated() {
            guard let lookahead = program.lookahead else { add(.open(program.firstKeys), rule: r); continue }
            for branch in lookahead.branches { add(.branch(branch), rule: r) }
        }
        words = max(1, (programs.count + 63) / 64)
        let masks = arena.buffer(max(1, keys.count) * words, of: UInt64.self, initial: 0)
        for (w, rules) in rulesOf.enumerated() {
            for r in rules { masks[w * words + r / 64] |= 1 << UInt64(r % 64) }
        }
        self.masks = UnsafePointer(masks)
        let list = keys.map { key -> WayIn in
            switch key {
            case .open: return WayIn(open: ())
            case let .branch(b): return WayIn(b, arena: arena)
            }
        }
        if let sample = list.first {
            let buffer = arena.buffer(list.count, of: WayIn.self, initial: sample)
            for (k, w) in list.enumerated() { buffer[k] = w }
            ways = UnsafeBufferPointer(start: buffer, count: list.count)
        } else {
            ways = UnsafeBufferPointer(start: nil, count: 0)
        }
        index = FirstTokenIndex(keys.map(Self.firstKeys), arena: arena)
    }

    /// The keys a way's first token has one of (nil: any token).
    private static func firstKeys(_ key: Key) -> Set<FirstKey>? {
        switch key {
        case let .open(keys): return keys
        case let .branch(b):
            switch b.first {
            case let .token(keys, _): return keys
            case let .literal(_, keys): return keys
            case let .item(d): return [.dimension(d)]
            }
        }
    }
}
