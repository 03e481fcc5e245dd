import NoteGraphCore

/// The first elements of all rules of a stage (`WayIn`), each kept once, indexed by the keys of
/// their first token, each with its `FollowTable` of rule masks. At a token the index proposes
/// the few elements that can start there, each is asked once, and the masks it selects are
/// or-ed together: the set bits are the rules worth running, already in rule order and without
/// duplicates. Asking a lookahead per rule instead cost one ask per rule and token, and the
/// dates and figures stages have hundreds of rules starting alike.
struct WayTable: @unchecked Sendable {
    let ways: UnsafeBufferPointer<WayIn>
    /// `words` words per mask, mask after mask.
    let masks: UnsafePointer<UInt64>
    /// Words per mask: one bit per rule of the stage.
    let words: Int
    let index: FirstTokenIndex

    /// What makes two first elements one: the same lookahead element, or (for rules without
    /// lookahead) the same first keys.
    private enum Key: Hashable {
        case first(LookaheadKeys.First)
        case open(Set<FirstKey>?)
    }

    init(_ programs: [Program], arena: FilterArena) {
        var ids: [Key: Int] = [:], keys: [Key] = [], follows: [[(follow: Set<FirstKey>?, rule: Int)]] = []
        for (r, program) in programs.enumerated() {
            let branches = program.lookahead?.branches.map { (Key.first($0.first), $0.follow) } ?? [(Key.open(program.firstKeys), nil)]
            for (key, follow) in branches {
                let id: Int
                if let known = ids[key] { id = known } else { id = keys.count; ids[key] = id; keys.append(key); follows.append([]) }
                follows[id].append((follow, r))
            }
        }
        let words = max(1, (programs.count + 63) / 64)
        self.words = words
        var pool: [UInt64] = []
        var known: [Set<Int>: Int32] = [:]
        func mask(_ rules: Set<Int>) -> Int32 {
            if let m = known[rules] { return m }
            let m = Int32(pool.count / words)
            pool += [UInt64](repeating: 0, count: words)
            for r in rules { pool[Int(m) * words + r / 64] |= 1 << UInt64(r % 64) }
            known[rules] = m
            return m
        }
        let list = zip(keys, follows).map { key, follow -> WayIn in
            let table = FollowTable(follow, arena: arena, masks: mask)
            switch key {
            case .open: return WayIn(nil, follow: table, arena: arena)
            case let .first(first): return WayIn(first, follow: table, arena: arena)
            }
        }
        let buffer = arena.buffer(max(1, pool.count), of: UInt64.self, initial: 0)
        buffer.update(from: pool, count: pool.count)
        masks = UnsafePointer(buffer)
        if let sample = list.first {
            let b = arena.buffer(list.count, of: WayIn.self, initial: sample)
            b.update(from: list, count: list.count)
            ways = UnsafeBufferPointer(start: b, count: list.count)
        } else {
            ways = UnsafeBufferPointer(start: nil, count: 0)
        }
        index = FirstTokenIndex(keys.map(Self.firstKeys), arena: arena)
    }

    /// The keys an element's first token has one of (nil: any token).
    private static func firstKeys(_ key: Key) -> Set<FirstKey>? {
        switch key {
        case let .open(keys): return keys
        case let .first(.token(keys, _)): return keys
        case let .first(.literal(_, keys)): return keys
        case let .first(.item(d)): return [.dimension(d)]
        }
    }
}
