import NoteGraphCore

/// Per token type (of a `TokenVocabulary`): the ways into a stage's rules (`WayTable`) that a token of
/// the type can start, that is those its kind, script, first unit or word propose, less the
/// token ways whose own test the type fails. Worked out at a type's first token and read at
/// the others. Most ways a token was proposed failed their first test there (a `[script:han]`
/// way at every Chinese word, a dozen number-shape ways at every number): asking each at every
/// token cost the scan more than running the rules it found. The ways a token's class or items
/// propose depend on the token, not its type, and are added per token.
///
/// Buffers, not arrays: this is read at every token of every stage, and an array there costs
/// bounds and uniqueness checks that were a third of the scan's own instructions.
struct TypeWays {
    private let arena = FilterArena()
    /// Per type: where its ways start in `pool`, and how many (−1: not worked out yet).
    private let start: UnsafeMutablePointer<Int32>
    private let count: UnsafeMutablePointer<Int32>
    private var pool: UnsafeMutablePointer<Int32>
    private var used = 0
    private var capacity: Int

    /// Room for `types` types (set up as they come: `add`).
    init(types: Int) {
        start = arena.uninitialized(max(1, types), of: Int32.self)
        count = arena.uninitialized(max(1, types), of: Int32.self)
        capacity = max(16, min(types, 1 << 12))
        pool = arena.uninitialized(capacity, of: Int32.self)
    }

    /// Sets up `types`, not worked out yet, except that those whose stages (`stages[k]` for
    /// the k-th of them, from the `QuietIndex`) lack this stage's `bit` are marked as starting
    /// no way: the scan never stops at their tokens to work them out (`workOut` would find
    /// the same: no way to list). Without `stages`, every type is worked out where first met.
    func add(_ types: Range<Int>, stages: UnsafePointer<UInt32>?, bit: UInt32) {
        for (k, type) in types.enumerated() {
            start[type] = 0
            count[type] = stages.map { $0[k] & bit == 0 ? 0 : -1 } ?? -1
        }
    }

    /// The ways of token `p`'s type (`list` and `proposed` are the scratch's: used while working
    /// them out).
    @inline(__always)
    mutating func ways(_ type: Int, _ features: UnsafePointer<TokenFeatures>, at p: Int, table: WayTable, checks: CheckTable, run: inout Run,
                       scratch list: UnsafeMutablePointer<Int32>, proposed: UnsafeMutablePointer<Int>) -> UnsafeBufferPointer<Int32> {
        if count[type] < 0 { workOut(type, features[p], at: p, table: table, checks: checks, run: &run, scratch: list, proposed: proposed) }
        return UnsafeBufferPointer(start: pool + Int(start[type]), count: Int(count[type]))
    }

    /// The first token from `p` on (`limit` if none) that is not quiet: quiet tokens are those
    /// whose type is known to start no way and whose class and items propose none (`index`'s
    /// `tokenBits`, asked of the view's `marks`), most tokens of every stage. The scan skips
    /// them here, in a loop of a few loads per token: its own loop, with a dozen locals live,
    /// spent fifty instructions finding out that a token had nothing to do.
    func nextBusy(from p: Int, limit: Int, types: UnsafePointer<Int32>, marks: UnsafePointer<UInt64>, index: FirstTokenIndex) -> Int {
        let bits = index.tokenBits.classes | index.tokenBits.dimensions
        var t = p
        while t < limit, count[Int(types[t])] == 0, marks[t] & bits == 0 {
            t += 1
        }
        return t
    }

    private mutating func workOut(_ type: Int, _ f: TokenFeatures, at p: Int, table: WayTable, checks: CheckTable, run: inout Run,
                                  scratch list: UnsafeMutablePointer<Int32>, proposed: UnsafeMutablePointer<Int>) {
        var listed = 0
        // A stamp no token position takes, so the index lists each way once.
        table.index.proposeType(f, mark: -2 - type, into: list, count: &listed, proposed: proposed)
        if used + listed > capacity {
            // Earlier pools stay in the arena while the memory lives: they only ever double.
            capacity = max(used + listed, 2 * capacity)
            let bigger = arena.uninitialized(capacity, of: Int32.self)
            bigger.update(from: pool, count: used)
            pool = bigger
        }
        start[type] = Int32(used)
        for w in UnsafeBufferPointer(start: list, count: listed) {
            let way = table.ways[Int(w)]
            if way.kind == .token, way.check >= 0, checks.typeColumn[way.check] >= 0, !run.passes(way.check, p) { continue }
            pool[used] = w
            used += 1
        }
        count[type] = Int32(used) - start[type]
    }
}
