import NoteGraphCore

/// Which entries of a stage (its ways into rules, `WayTable`) can start at a token, looked up by
/// the token's features. All entry lists live in one pool and each key maps to a span of it, so
/// a lookup reads integers only (no array is retained or released per token: the matcher asks
/// at every admitted token).
struct FirstTokenIndex: Sendable {
    struct Span: Sendable {
        var start: Int32 = 0
        var count: Int32 = 0
    }

    struct Named: Sendable {
        var bit: UInt64
        var name: String
        var span: Span
    }

    private var pool: [Int32] = []
    private var kinds = [Span](repeating: Span(), count: TokenKind.allCases.count)
    private var scripts = [Span](repeating: Span(), count: Script.allCases.count)
    private let units: UnitSet
    /// First UTF-16 unit → span index + 1 (0: none); asked only for units in `units`.
    private var unitSlot = [Int32](repeating: 0, count: 65536)
    private var spans: [Span] = []
    private let words: HashIndex
    /// Classes and dimensions are few: a short list compared by `TokenKeys.bit` first, then by
    /// name, costs less per token than hashing the name for a dictionary.
    private var classes: [Named] = []
    private var dimensions: [Named] = []
    private var unindexed = Span()

    /// `keys[i]`: the first keys of entry i, nil when it has none (proposed at every token).
    /// `arena` owns the word table's buffers.
    init(_ keys: [Set<FirstKey>?], arena: FilterArena) {
        var byKind = [[Int32]](repeating: [], count: TokenKind.allCases.count)
        var byScript = [[Int32]](repeating: [], count: Script.allCases.count)
        var byUnit: [UInt16: [Int32]] = [:], byLower: [UInt64: [Int32]] = [:]
        var byClass: [String: [Int32]] = [:], byDimension: [String: [Int32]] = [:]
        var none: [Int32] = []
        for (i, ks) in keys.enumerated() {
            guard let ks else { none.append(Int32(i)); continue }
            for k in ks {
                switch k {
                case let .kind(x): byKind[Int(x.rawValue)].append(Int32(i))
                case let .script(x): byScript[Int(x.rawValue)].append(Int32(i))
                case let .firstUnit(u): byUnit[u, default: []].append(Int32(i))
                case let .lower(h): byLower[h, default: []].append(Int32(i))
                case let .lexiconClass(c): byClass[c, default: []].append(Int32(i))
                case let .dimension(d): byDimension[d, default: []].append(Int32(i))
                }
            }
        }
        var pool: [Int32] = []
        func span(_ entries: [Int32]) -> Span {
            defer { pool += entries.sorted() }
            return Span(start: Int32(pool.count), count: Int32(entries.count))
        }
        kinds = byKind.map(span)
        scripts = byScript.map(span)
        units = UnitSet(byUnit.keys)
        for (u, entries) in byUnit {
            spans.append(span(entries))
            unitSlot[Int(u)] = Int32(spans.count)
        }
        var lowerPairs: [(UInt64, Int32)] = []
        wordHashes = Array(byLower.keys)
        for (h, entries) in byLower {
            spans.append(span(entries))
            lowerPairs.append((h, Int32(spans.count - 1)))
        }
        words = HashIndex(lowerPairs, arena: arena)
        classes = byClass.sorted { $0.key < $1.key }.map { Named(bit: TokenKeys.bit($0.key), name: $0.key, span: span($0.value)) }
        dimensions = byDimension.sorted { $0.key < $1.key }.map { Named(bit: TokenKeys.bit($0.key), name: $0.key, span: span($0.value)) }
        unindexed = span(none)
        self.pool = pool
        tokenBits = (classes.reduce(0) { $0 | $1.bit }, dimensions.reduce(0) { $0 | $1.bit })
        precondition(TokenKind.allCases.count <= 4 && Script.allCases.count <= 16, "quietKindScript holds 4 kinds of 16 scripts")
        for k in TokenKind.allCases {
            for s in Script.allCases where kinds[Int(k.rawValue)].count == 0 && scripts[Int(s.rawValue)].count == 0 && unindexed.count == 0 {
                quietKindScript |= 1 << (UInt64(k.rawValue) * 16 + UInt64(s.rawValue))
            }
        }
    }

    /// Class and dimension bits (`TokenKeys.bit`) some entry starts with: a token with none of
    /// them is proposed what its type is proposed, nothing more (`proposeToken` adds nothing).
    private(set) var tokenBits: (classes: UInt64, dimensions: UInt64) = (0, 0)

    /// What `QuietIndex` joins over stages to tell the types `proposeType` lists nothing for:
    /// per bit kind × 16 + script, whether no entry is proposed by the kind, the script or
    /// everywhere; and the first units and words that propose something.
    private(set) var quietKindScript: UInt64 = 0
    var firstUnits: [UInt16] { units.members }
    private(set) var wordHashes: [UInt64] = []

    /// Writes to `list` from `count` each entry that a token of `f`'s type can start (by its
    /// kind, script, first unit or word, and those proposed everywhere), once each; `mark`
    /// stamps `proposed` (any value no token position takes).
    func proposeType(_ f: TokenFeatures, mark: Int, into list: UnsafeMutablePointer<Int32>, count: inout Int, proposed: UnsafeMutablePointer<Int>) {
        pool.withUnsafeBufferPointer { pool in
            // Spans lie within the pool and lists hold each entry once (the index is built so):
            // no overflow checks, asked once per token type of every stage.
            var listed = count
            func add(_ s: Span) {
                var k = Int(s.start)
                let end = k &+ Int(s.count)
                while k < end {
                    let r = pool[k]
                    if proposed[Int(r)] != mark { proposed[Int(r)] = mark; list[listed] = r; listed &+= 1 }
                    k &+= 1
                }
            }
            add(kinds[Int(f.kind.rawValue)])
            add(scripts[Int(f.script.rawValue)])
            if units.contains(f.firstUnit) { add(spans[Int(unitSlot[Int(f.firstUnit)]) &- 1]) }
            if !words.isEmpty, let k = words[f.hash] { add(spans[Int(k)]) }
            add(unindexed)
            count = listed
        }
    }

    /// Writes to `list` from `count` each entry that token `p` can start by its lexicon class or
    /// the items starting at it, and that is not yet in the list (`proposed[e] == p` marks
    /// those already there).
    func proposeToken(_ f: TokenFeatures, at p: Int, view: DocumentView, into list: UnsafeMutablePointer<Int32>, count: inout Int, proposed: UnsafeMutablePointer<Int>) {
        pool.withUnsafeBufferPointer { pool in
            func add(_ s: Span) {
                for k in Int(s.start)..<Int(s.start + s.count) {
                    let r = pool[k]
                    if proposed[Int(r)] != p { proposed[Int(r)] = p; list[count] = r; count += 1 }
                }
            }
            if f.classBit != 0 {
                for c in classes where c.bit & f.classBit != 0 && view.lexiconClass(p) == c.name { add(c.span) }
            }
            if f.dimensionBits != 0 {
                for d in dimensions where d.bit & f.dimensionBits != 0 {
                    var i = view.firstItem[p]
                    while i >= 0 {
                        if view.items[Int(i)].dimension == d.name { add(d.span); break }
                        i = view.nextItem[Int(i)]
                    }
                }
            }
        }
    }
}
