import NoteGraphCore

/// Per token type of one document: the ways into a stage's rules (`WayTable`) that a token of
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

    /// `quiet`: per type, the stages that may propose at it (`QuietIndex`), and this stage's
    /// bit. The types without it (most of them) are marked as starting no way here, so the
    /// scan never stops at their tokens to work them out (`workOut` would find the same: no
    /// way to list). Without `quiet`, every type is worked out where first met.
    init(types: Int, quiet: (stages: UnsafePointer<UInt32>, bit: UInt32)?) {
        start = arena.buffer(max(1, types), of: Int32.self, initial: 0)
        count = arena.buffer(max(1, types), of: Int32.self, initial: -1)
        capacity = max(16, types)
        pool = arena.uninitialized(capacity, of: Int32.self)
        if let quiet {
            for type in 0..<types where quiet.stages[type] & quiet.bit == 0 { count[type] = 0 }
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
            // Earlier pools stay in the arena until the document is done: they only ever double.
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
