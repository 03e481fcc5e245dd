import NoteGraphCore

/// Which rules of a stage can start at a token, looked up by the token's features. All rule
/// lists live in one pool and each key maps to a span of it, so a lookup reads integers only
/// (no array is retained or released per token: the matcher asks at every admitted token).
struct FirstTokenIndex: Sendable {
    struct Span: Sendable {
        var start: Int32 = 0
        var count: Int32 = 0
    }

    private var pool: [Int32] = []
    private var kinds = [Span](repeating: Span(), count: TokenKind.allCases.count)
    private var scripts = [Span](repeating: Span(), count: Script.allCases.count)
    private let units: UnitSet
    /// First UTF-16 unit → span index + 1 (0: none); asked only for units in `units`.
    private var unitSlot = [Int32](repeating: 0, count: 65536)
    private var spans: [Span] = []
    private let words: HashIndex
    private var classes: [String: Span] = [:]
    private var dimensions: [String: Span] = [:]
    private var unindexed = Span()

    /// `keys[i]`: the first keys of rule i, nil when it has none (tried at every token).
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
        func span(_ rules: [Int32]) -> Span {
            defer { pool += rules.sorted() }
            return Span(start: Int32(pool.count), count: Int32(rules.count))
        }
        kinds = byKind.map(span)
        scripts = byScript.map(span)
        units = UnitSet(byUnit.keys)
        for (u, rules) in byUnit {
            spans.append(span(rules))
            unitSlot[Int(u)] = Int32(spans.count)
        }
        var lowerPairs: [(UInt64, Int32)] = []
        for (h, rules) in byLower {
            spans.append(span(rules))
            lowerPairs.append((h, Int32(spans.count - 1)))
        }
        words = HashIndex(lowerPairs, arena: arena)
        classes = byClass.mapValues(span)
        dimensions = byDimension.mapValues(span)
        unindexed = span(none)
        self.pool = pool
    }

    /// Appends to `list` each rule that can start at token `p` and is not yet in it
    /// (`proposed[r] == p` marks those already there).
    func propose(_ f: TokenFeatures, at p: Int, view: DocumentView, into list: inout [Int32], proposed: inout [Int]) {
        pool.withUnsafeBufferPointer { pool in
            func add(_ s: Span) {
                for k in Int(s.start)..<Int(s.start + s.count) {
                    let r = pool[k]
                    if proposed[Int(r)] != p { proposed[Int(r)] = p; list.append(r) }
                }
            }
            add(kinds[Int(f.kind.rawValue)])
            add(scripts[Int(f.script.rawValue)])
            if units.contains(f.firstUnit) { add(spans[Int(unitSlot[Int(f.firstUnit)]) - 1]) }
            if !words.isEmpty, let k = words[f.hash] { add(spans[Int(k)]) }
            if !classes.isEmpty, f.classBit != 0, let c = view.lexiconClass(p), let s = classes[c] { add(s) }
            if !dimensions.isEmpty, f.dimensionBits != 0 {
                var i = view.firstItem[p]
                while i >= 0 {
                    if let s = dimensions[view.items[Int(i)].dimension] { add(s) }
                    i = view.nextItem[Int(i)]
                }
            }
            add(unindexed)
        }
    }
}
